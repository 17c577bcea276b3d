import { changeMemberRole, getMemberRole, removeMember } from "@gatehouse/core";
import { apiRoute } from "@/server/api/api-route";
import { notFound, refuse, succeed } from "@/server/api/envelope";
import { changeRoleSpec, removeMemberSpec } from "@/server/api/specs/members";
import { db } from "@/server/context";

// Membership is checked here for the 404; what core still refuses is the last-admin rule, a
// conflict with the account's state (409).

export const PUT = apiRoute(changeRoleSpec, async ({ caller, account, params, body }) => {
  if (!(await getMemberRole(db(), account.id, params.userId))) return notFound("member");
  const changed = await changeMemberRole({ db: db() }, { accountId: account.id, userId: params.userId, role: body.role, actor: caller.actor });
  if (!changed.ok) return refuse(409, "ROLE_CHANGE_REFUSED", changed.error);
  return succeed({ userId: params.userId, role: body.role }, "Role updated");
});

export const DELETE = apiRoute(removeMemberSpec, async ({ caller, account, params }) => {
  if (!(await getMemberRole(db(), account.id, params.userId))) return notFound("member");
  const removed = await removeMember({ db: db() }, { accountId: account.id, userId: params.userId, actor: caller.actor });
  if (!removed.ok) return refuse(409, "REMOVAL_REFUSED", removed.error);
  return succeed({ userId: params.userId, removed: true }, "Member removed. Their sessions have ended.");
});
