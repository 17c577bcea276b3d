import type { SignInMethod } from "@gatehouse/db";

/**
 * What a session may act in. A session carries the accounts its sign-ins proved: a sign-in through
 * account B's SSO connection proves B only, so it never opens the user's other accounts. A password
 * or social session grants every account of the user except those that require SSO of them
 * (checkSignInMethod narrows it).
 */
export type SessionProof = {
  method: SignInMethod;
  /** Accounts proved by this session's sign-ins; null means every account of the user. */
  grantedAccountIds: string[] | null;
};

export function isAccountGranted(proof: SessionProof, accountId: string): boolean {
  return proof.grantedAccountIds === null || proof.grantedAccountIds.includes(accountId);
}

/** The grants a session has after another sign-in of the same user proved more accounts. */
export function mergeGrants(previous: SessionProof["grantedAccountIds"], proved: SessionProof["grantedAccountIds"]): string[] | null {
  if (previous === null || proved === null) return null;
  return [...new Set([...previous, ...proved])];
}

/** What the session of a fresh sign-in grants: its SSO connection's account, or (password) all. */
export function grantsOfSignIn(input: { method: SignInMethod; accountId: string | null }): string[] | null {
  if (input.method === "password") return null;
  return input.accountId ? [input.accountId] : [];
}
