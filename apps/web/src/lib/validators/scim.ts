import { z } from "zod";
import { connectionTargetSchema } from "./sso";

// The SCIM card's forms on a connection's page; each names the connection it acts on.

export const issueScimTokenSchema = connectionTargetSchema.extend({ intent: z.enum(["enable", "rotate"]) });

export const revokeScimTokenSchema = connectionTargetSchema.extend({
  tokenId: z.string().uuid(),
  confirm: z.literal("on", { message: "Tick the box next to Revoke to confirm: the IdP using that token stops syncing at once." }),
});

export const scimDefaultRoleSchema = connectionTargetSchema.extend({ role: z.enum(["admin", "member"], { message: "Choose Admin or Member." }) });

export const disableScimSchema = connectionTargetSchema.extend({
  confirm: z.literal("on", { message: "Tick “I understand provisioning stops and every token is revoked” to switch SCIM off." }),
});
