import type { SignInMethod } from "@gatehouse/db";
import { enforcesSsoFor, type MembershipEnforcement } from "./enforcement/decide-sign-in-policy";

/**
 * What a session may act in. A session carries the accounts its sign-ins proved, by name: a
 * sign-in through account B's SSO connection proves B only; a password or social sign-in proves
 * the accounts the user belonged to then, less those that required SSO of them (checkSignInMethod
 * narrows it). An account joined later is not among them: it needs its own proof.
 */
export type SessionProof = {
  method: SignInMethod;
  /** Accounts proved by this session's sign-ins. */
  grantedAccountIds: string[];
};

export function isAccountGranted(proof: SessionProof, accountId: string): boolean {
  return proof.grantedAccountIds.includes(accountId);
}

/** The grants a session has after another sign-in of the same user proved more accounts. */
export function mergeGrants(previous: string[], proved: string[]): string[] {
  return [...new Set([...previous, ...proved])];
}

/**
 * What the session of a fresh sign-in grants when the caller did not narrow it: an SSO sign-in its
 * connection's account; a password or social one the accounts the user belongs to now.
 */
export function grantsOfSignIn(input: { method: SignInMethod; accountId: string | null; memberAccountIds: string[] }): string[] {
  if (input.method !== "sso") return input.memberAccountIds;
  return input.accountId ? [input.accountId] : [];
}

/**
 * Joining an account (through a verified domain, say) in the browser of a signed-in session opens
 * it there only when that session's kind of sign-in would have: a password or social session, in
 * an account that does not require SSO of the member, and, where the account requires MFA, a
 * session that passed it. An SSO session proved its own account only.
 */
export function opensJoinedAccount(input: { method: SignInMethod; requiresSso: boolean; requiresMfa: boolean; passedMfa: boolean }): boolean {
  return input.method !== "sso" && !input.requiresSso && (!input.requiresMfa || input.passedMfa);
}

/**
 * Granted accounts the session may no longer open because they require SSO of the member now (an
 * exemption ran out since the sign-in, and the sweep that ends such sessions has not run yet). The
 * account whose own SSO signed the session in is never among them.
 */
export function grantsRefusedNow(input: {
  grantedAccountIds: string[];
  memberships: MembershipEnforcement[];
  ssoAccountId: string | null;
  now: Date;
}): string[] {
  return input.memberships
    .filter((m) => m.account.id !== input.ssoAccountId && input.grantedAccountIds.includes(m.account.id) && enforcesSsoFor(m, input.now))
    .map((m) => m.account.id);
}
