import { accounts, and, auditEvents, desc, eq, inArray, memberships, users } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import type { CoreContext } from "../context";
import { requestPasswordReset } from "../password-reset";
import { actorDisplayName } from "../users";
import { fail, ok, type Result } from "../result";
import { authoriseSupportOrAdmin, type ActingAs } from "./authorise-support-or-admin";

export type PasswordResetsSent = { sent: number; rateLimited: string[] };

/**
 * Emails reset links to all members of an account or chosen ones, after SSO was switched off
 * (members who never set a password need one). Each email says to keep the existing login.
 * A member sent several links in the last minutes is skipped and named in the answer.
 */
export async function sendPasswordResets(
  ctx: CoreContext,
  input: ActingAs & { accountId: string; userIds: string[] | "all" },
): Promise<Result<PasswordResetsSent>> {
  const allowed = await authoriseSupportOrAdmin(ctx.db, input.accountId, input, "send password resets");
  if (!allowed.ok) return allowed;
  if (input.userIds !== "all" && input.userIds.length === 0) return fail("Choose at least one member to send a reset link to.");
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  if (!account) return fail("This account no longer exists.");
  const chosen = input.userIds === "all" ? undefined : [...new Set(input.userIds)];
  const members = await ctx.db
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, input.accountId), chosen ? inArray(memberships.userId, chosen) : undefined));
  if (chosen && members.length !== chosen.length)
    return fail("Some of the chosen people are not members of this account any more. Reload the page and choose again.");

  const disabledBy = await whoDisabledSso(ctx, input);
  const rateLimited: string[] = [];
  for (const member of members) {
    const sent = await requestPasswordReset(ctx, {
      email: member.email,
      actor: input.actor,
      accountId: input.accountId,
      requestedByAdmin: true,
      afterSsoDisabled: { accountName: account.name, disabledBy },
    });
    if (!sent.ok) rateLimited.push(member.email);
  }
  const result = { sent: members.length - rateLimited.length, rateLimited };
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: input.actor,
    action: "password_reset.sent_to_members",
    target: { type: "account", id: input.accountId, label: account.name },
    metadata: { ...result, chosen: input.userIds === "all" ? "all" : members.map((m) => m.email), ...allowed.value },
  });
  return ok(result);
}

/**
 * How the reset emails name who switched SSO off: the admin by name, or "Gatehouse support" (the
 * staff member's name stays in the audit log). The latest "sso.disabled" says who; without one,
 * whoever sends the resets.
 */
async function whoDisabledSso(ctx: CoreContext, input: ActingAs & { accountId: string }): Promise<string> {
  const [disabled] = await ctx.db
    .select({ userId: auditEvents.actorUserId, label: auditEvents.actorLabel, metadata: auditEvents.metadata })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, input.accountId), eq(auditEvents.action, "sso.disabled")))
    .orderBy(desc(auditEvents.createdAt))
    .limit(1);
  const bySupport = disabled ? disabled.metadata.bySupport === true : input.bySupport || input.byOperator === true;
  if (bySupport) return "Gatehouse support";
  return actorDisplayName(ctx.db, disabled ? { userId: disabled.userId, label: disabled.label } : input.actor);
}
