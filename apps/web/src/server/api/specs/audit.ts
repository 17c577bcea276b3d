import { z } from "zod";
import { defineSpec } from "../route-spec";
import { accountParams, BASE } from "./common";

export const auditEventSchema = z
  .object({
    id: z.string().meta({ description: "Sequence number, as a string" }),
    at: z.iso.datetime(),
    action: z.string(),
    actor: z.object({ userId: z.uuid().nullable(), label: z.string(), ip: z.string().nullable() }),
    target: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }).nullable(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEvent" });

export const listAuditEventsSpec = defineSpec({
  method: "GET",
  path: `${BASE}/{id}/audit-events`,
  operationId: "listAuditEvents",
  summary: "Audit events, newest first",
  tag: "Audit",
  params: accountParams,
  query: z.object({
    action: z.string().max(100).optional().meta({ description: "An action (member.invited) or a prefix ending in a dot (member.)" }),
    since: z.iso.datetime({ message: "Use an ISO 8601 time, like 2026-11-01T00:00:00Z." }).optional(),
    until: z.iso.datetime({ message: "Use an ISO 8601 time, like 2026-11-30T00:00:00Z." }).optional(),
    limit: z.coerce.number().int().min(1, "Use a limit of 1 to 200.").max(200, "Use a limit of 1 to 200.").default(50),
    cursor: z.string().max(200).optional().meta({ description: "nextCursor of the previous page" }),
  }),
  data: z.object({ events: z.array(auditEventSchema), nextCursor: z.string().nullable() }),
  adminOnly: true,
  errors: [422],
});
