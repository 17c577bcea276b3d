import { z } from "zod";

/** Where a join form was shown, so its result is shown there too (a fixed list: no open redirect). */
export const joinOfferFromSchema = z.enum(["/no-account", "/settings/team"]).catch("/settings/team");
export const joinThroughDomainSchema = z.object({ accountId: z.string().uuid(), from: joinOfferFromSchema });
export const decideJoinRequestSchema = z.object({ requestId: z.string().uuid(), decision: z.enum(["approve", "decline"]) });
export const importManagedUsersSchema = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("all") }),
  z.object({ scope: z.literal("chosen"), userIds: z.array(z.string().uuid()).max(500) }),
]);
