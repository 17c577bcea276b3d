import { z } from "zod";
import { defineSpec } from "../route-spec";
import { accountParams, BASE } from "./common";

const role = z.enum(["admin", "member"], { message: "Choose a role: admin or member." });
export const memberSchema = z
  .object({ userId: z.uuid(), email: z.string(), name: z.string(), role, joinedAt: z.iso.datetime(), source: z.string() })
  .meta({ id: "Member" });

const memberParams = accountParams.extend({ userId: z.uuid() });
const MEMBERS = `${BASE}/{id}/members`;

export const listMembersSpec = defineSpec({
  method: "GET",
  path: MEMBERS,
  operationId: "listMembers",
  summary: "Members, pending invites and pending join requests",
  tag: "Members",
  params: accountParams,
  query: z.object({ search: z.string().max(200).optional(), after: z.string().max(500).optional().meta({ description: "nextCursor of the previous page" }) }),
  data: z.object({
    members: z.array(memberSchema),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    pendingInvites: z.array(z.object({ id: z.uuid(), email: z.string(), role, expiresAt: z.iso.datetime() })),
    pendingJoinRequests: z.array(z.object({ id: z.uuid(), userId: z.uuid(), email: z.string(), name: z.string(), requestedAt: z.iso.datetime() })),
  }),
  adminOnly: true,
});
export const inviteMemberSpec = defineSpec({
  method: "POST",
  path: MEMBERS,
  operationId: "inviteMember",
  summary: "Invite someone by email",
  tag: "Members",
  params: accountParams,
  body: z.object({ email: z.string().trim().min(1, "Enter an email address.").max(320), role: role.default("member") }),
  data: z.object({ inviteId: z.uuid(), email: z.string() }),
  successStatus: 201,
  adminOnly: true,
  errors: [400, 409, 422],
});
export const changeRoleSpec = defineSpec({
  method: "PUT",
  path: `${MEMBERS}/{userId}`,
  operationId: "changeMemberRole",
  summary: "Change a member's role",
  description: "409 when it would leave the account without an admin.",
  tag: "Members",
  params: memberParams,
  body: z.object({ role }),
  data: z.object({ userId: z.uuid(), role }),
  adminOnly: true,
  errors: [400, 404, 409, 422],
});
export const removeMemberSpec = defineSpec({
  method: "DELETE",
  path: `${MEMBERS}/{userId}`,
  operationId: "removeMember",
  summary: "Remove a member (their sessions end)",
  tag: "Members",
  params: memberParams,
  data: z.object({ userId: z.uuid(), removed: z.literal(true) }),
  adminOnly: true,
  errors: [404, 409],
});
