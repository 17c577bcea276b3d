import {
  findUserByEmail,
  getMemberRole,
  inviteMember,
  isEmailShaped,
  listMembers,
  listPendingInvites,
  listPendingJoinRequests,
  normaliseEmail,
} from "@gatehouse/core";
import { apiRoute } from "@/server/api/api-route";
import { refuse, succeed, validationFailed } from "@/server/api/envelope";
import { inviteMemberSpec, listMembersSpec } from "@/server/api/specs/members";
import { coreContext, db } from "@/server/context";

export const GET = apiRoute(listMembersSpec, async ({ account, query }) => {
  const page = await listMembers(db(), { accountId: account.id, search: query.search, after: query.after });
  const [invites, joinRequests] = await Promise.all([listPendingInvites(coreContext(), account.id), listPendingJoinRequests(db(), account.id)]);
  return succeed({
    members: page.members.map((m) => ({ userId: m.userId, email: m.email, name: m.name, role: m.role, joinedAt: m.joinedAt.toISOString(), source: m.source })),
    total: page.total,
    nextCursor: page.nextCursor,
    pendingInvites: invites.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString() })),
    pendingJoinRequests: joinRequests.map((r) => ({ id: r.id, userId: r.userId, email: r.email, name: r.name, requestedAt: r.createdAt.toISOString() })),
  });
});

export const POST = apiRoute(inviteMemberSpec, async ({ caller, account, body }) => {
  if (!isEmailShaped(normaliseEmail(body.email))) return validationFailed({ email: "Enter a valid email address, like name@company.com." });
  const existing = await findUserByEmail(db(), body.email);
  if (existing && (await getMemberRole(db(), account.id, existing.id)))
    return refuse(409, "ALREADY_MEMBER", `${existing.email} is already a member of ${account.name}.`);
  const invited = await inviteMember(coreContext(), { accountId: account.id, email: body.email, role: body.role, actor: caller.actor });
  if (!invited.ok) return refuse(422, "INVITE_REFUSED", invited.error);
  return succeed(invited.value, `Invite sent to ${invited.value.email}.`, 201);
});
