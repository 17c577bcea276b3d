import { z } from "zod";
import { defineSpec } from "../route-spec";
import { BASE } from "./common";

export const organizationSchema = z
  .object({ id: z.uuid(), name: z.string(), slug: z.string(), role: z.enum(["admin", "member"]) })
  .meta({ id: "Organization", description: "An account the caller can reach, with their role in it" });

export const listOrganizations = defineSpec({
  method: "GET",
  path: BASE,
  operationId: "listOrganizations",
  summary: "The caller's accounts",
  description: "A session lists every account its sign-in proved; a key lists the one account it belongs to.",
  tag: "Accounts",
  data: z.array(organizationSchema),
});
