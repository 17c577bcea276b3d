import { z } from "zod";
import { defineSpec } from "../route-spec";
import { BASE, connectionParams } from "./common";

const TOKENS = `${BASE}/{id}/connections/{connectionId}/scim/tokens`;
const tokenSchema = z
  .object({
    id: z.uuid(),
    prefix: z.string(),
    state: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ScimToken" });

export const listScimTokensSpec = defineSpec({
  method: "GET",
  path: TOKENS,
  operationId: "listScimTokens",
  summary: "The connection's SCIM directory and its tokens (never the secrets)",
  tag: "SCIM",
  params: connectionParams,
  data: z.object({ enabled: z.boolean(), baseUrl: z.string().nullable(), tokens: z.array(tokenSchema) }),
  adminOnly: true,
  errors: [404],
});
export const createScimTokenSpec = defineSpec({
  method: "POST",
  path: TOKENS,
  operationId: "createScimToken",
  summary: "Issue a SCIM token",
  description: "Switches SCIM on with a first token, or rotates (the previous token keeps working for the grace period). The token is in this answer only.",
  tag: "SCIM",
  params: connectionParams,
  data: z.object({ token: z.string(), prefix: z.string(), baseUrl: z.string().nullable(), graceUntil: z.iso.datetime().nullable() }),
  successStatus: 201,
  adminOnly: true,
  errors: [404, 409],
});
export const revokeScimTokenSpec = defineSpec({
  method: "DELETE",
  path: `${TOKENS}/{tokenId}`,
  operationId: "revokeScimToken",
  summary: "Revoke a SCIM token at once",
  tag: "SCIM",
  params: connectionParams.extend({ tokenId: z.uuid() }),
  data: z.object({ id: z.uuid(), prefix: z.string(), revoked: z.literal(true) }),
  adminOnly: true,
  errors: [404, 409],
});
