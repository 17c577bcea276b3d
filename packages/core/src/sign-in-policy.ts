import { eq, users } from "@gatehouse/db";
import { recordAuditEvent } from "./audit";
import type { CoreContext } from "./context";
import { nowOf } from "./context";
import { decideSignInPolicy } from "./enforcement/decide-sign-in-policy";
import { loadMembershipEnforcement } from "./enforcement/load-enforcement";

export {
  decideSignInPolicy,
  enforcesSsoFor,
  isSsoExemptNow,
  ssoRequiredMessage,
  type MembershipEnforcement,
  type SignInPolicyDecision,
} from "./enforcement/decide-sign-in-policy";

export type SignInMethodCheck =
  { allowed: true; grantedAccountIds: string[] } | { allowed: false; message: string; ssoAccounts: { id: string; name: string; slug: string }[] };

/**
 * Applies the accounts' authentication requirements to a password or social sign-in of a user
 * whose credentials already checked out: what the session may grant, or why it is refused.
 */
export async function checkSignInMethod(ctx: CoreContext, input: { userId: string; method: "password" | "social" }): Promise<SignInMethodCheck> {
  const memberships = await loadMembershipEnforcement(ctx.db, input.userId);
  const decision = decideSignInPolicy({ memberships, method: input.method, now: nowOf(ctx) });
  if (decision.outcome === "allow") return { allowed: true, grantedAccountIds: decision.grantedAccountIds };
  // The credentials were right, so the refusal is worth a line in each enforcing account's log.
  const [user] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, input.userId)).limit(1);
  for (const account of decision.ssoAccounts) {
    await recordAuditEvent(ctx.db, {
      accountId: account.id,
      actor: { userId: input.userId, label: user?.email ?? "unknown", ip: null },
      action: `sign_in.${input.method}.refused`,
      metadata: { reason: "sso_required" },
    });
  }
  return { allowed: false, message: decision.message, ssoAccounts: decision.ssoAccounts };
}

/** Whether one account requires this member to use its SSO now (switching in with a password is then refused). */
export async function isSsoEnforcedForMember(ctx: Pick<CoreContext, "db" | "now">, input: { userId: string; accountId: string }): Promise<boolean> {
  const memberships = await loadMembershipEnforcement(ctx.db, input.userId);
  const membership = memberships.find((m) => m.account.id === input.accountId);
  return membership ? decideSignInPolicy({ memberships: [membership], method: "password", now: nowOf(ctx) }).outcome === "refuse" : false;
}
