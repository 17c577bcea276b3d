import type { AuthRequirement } from "@gatehouse/db";

/** One membership of the user, as enforcement sees it. */
export type MembershipEnforcement = {
  account: { id: string; name: string; slug: string };
  authRequired: AuthRequirement;
  /** Support suspended enforcement until then (null: not suspended). */
  enforcementSuspendedUntil: Date | null;
  ssoExempt: boolean;
  /** The exemption ends then; null with ssoExempt means no end date. */
  ssoExemptUntil: Date | null;
  /** The user's email falls under one of this account's verified domains that requires SSO. */
  emailOnEnforcingDomain: boolean;
};

export type NonSsoMethod = "password" | "social";

export type SignInPolicyDecision =
  { outcome: "allow"; grantedAccountIds: string[] } | { outcome: "refuse"; message: string; ssoAccounts: { id: string; name: string; slug: string }[] };

/** "SSO off for this member" holds now: no end date, or one still ahead. */
export function isSsoExemptNow(m: Pick<MembershipEnforcement, "ssoExempt" | "ssoExemptUntil">, now: Date): boolean {
  return m.ssoExempt && (m.ssoExemptUntil === null || m.ssoExemptUntil.getTime() > now.getTime());
}

/** The account requires this member to sign in with SSO right now. */
export function enforcesSsoFor(m: MembershipEnforcement, now: Date): boolean {
  const required = m.authRequired === "sso" || m.emailOnEnforcingDomain;
  const suspended = m.enforcementSuspendedUntil !== null && now.getTime() < m.enforcementSuspendedUntil.getTime();
  return required && !suspended && !isSsoExemptNow(m, now);
}

/** "Acme requires signing in with SSO." / "Acme and Beta require signing in with SSO." */
export function ssoRequiredMessage(names: string[]): string {
  if (names.length <= 1) return `${names[0] ?? "Your account"} requires signing in with SSO.`;
  const list = `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${list} require signing in with SSO.`;
}

/**
 * May a password or social sign-in go ahead, and what does its session grant? A session grants
 * what its sign-in proved: accounts that enforce SSO for this member are left out of it (their
 * own SSO proves them later); when every account enforces, the sign-in proves nothing and is
 * refused. The grant names the accounts, so one joined later is not opened by this sign-in.
 */
export function decideSignInPolicy(input: { memberships: MembershipEnforcement[]; method: NonSsoMethod; now: Date }): SignInPolicyDecision {
  const enforcing = input.memberships.filter((m) => enforcesSsoFor(m, input.now));
  const open = input.memberships.filter((m) => !enforcing.includes(m));
  if (enforcing.length === 0 || open.length > 0) return { outcome: "allow", grantedAccountIds: open.map((m) => m.account.id) };
  const ssoAccounts = enforcing.map((m) => m.account);
  return { outcome: "refuse", message: ssoRequiredMessage(ssoAccounts.map((a) => a.name)), ssoAccounts };
}
