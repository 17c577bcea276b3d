import { listAuditEventsPage } from "@gatehouse/core";
import { apiRoute } from "@/server/api/api-route";
import { succeed } from "@/server/api/envelope";
import { listAuditEventsSpec } from "@/server/api/specs/audit";
import { db } from "@/server/context";

export const GET = apiRoute(listAuditEventsSpec, async ({ account, query }) => {
  const page = await listAuditEventsPage(db(), {
    accountId: account.id,
    action: query.action,
    since: query.since ? new Date(query.since) : undefined,
    until: query.until ? new Date(query.until) : undefined,
    limit: query.limit,
    cursor: query.cursor,
  });
  return succeed({
    events: page.events.map((e) => ({
      id: String(e.id),
      at: e.createdAt.toISOString(),
      action: e.action,
      actor: { userId: e.actorUserId, label: e.actorLabel, ip: e.ip },
      target: e.targetType && e.targetId ? { type: e.targetType, id: e.targetId, label: e.targetLabel } : null,
      metadata: e.metadata,
    })),
    nextCursor: page.nextCursor,
  });
});
