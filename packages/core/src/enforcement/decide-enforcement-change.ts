import type { MemberRole } from "@gatehouse/db";
import { isSsoExemptNow } from "./decide-sign-in-policy";

/** How long a successful Authenticate or test sign-in (or the mark resting on one) unlocks enforcement. */
export const FRESH_TEST_HOURS = 24;

/** A connection as the interlock sees it. */
export type ConnectionTestState = {
  id: string;
  name: string;
  enabled: boolean;
  /** Last successful Authenticate or test sign-in by email (cleared when the connection's reach changes). */
  lastSuccessfulTestAt: Date | null;
  /** "I already tested this connection". */
  markedTestedAt: Date | null;
};

/** A member as the lockout list sees them. */
export type LockoutCandidate = {
  userId: string;
  email: string;
  name: string;
  role: MemberRole;
  ssoExempt: boolean;
  ssoExemptUntil: Date | null;
  /** Has an IdP identity linked through one of this account's connections (signed in through its SSO once). */
  hasSsoIdentity: boolean;
  /** The email falls under one of this account's verified domains, so the IdP is where it is routed. */
  emailOnVerifiedDomain: boolean;
};

export type EnforcementRefusal = { code: "needs_fresh_test" } | { code: "would_lock_out"; lockedOut: LockoutCandidate[] } | { code: "confirmation_mismatch" };

/** Within the last FRESH_TEST_HOURS (a minute of clock skew forward allowed): the one window for tests and marks. */
export const isWithinFreshTestWindow = (at: Date | null, now: Date): boolean =>
  at !== null && now.getTime() - at.getTime() <= FRESH_TEST_HOURS * 3_600_000 && at.getTime() <= now.getTime() + 60_000;

/**
 * A switched-on connection proved itself recently: a successful Authenticate or test sign-in in
 * the last 24 hours, or an admin's "I already tested this connection" in that window, which
 * counts only while a successful sign-in stands behind it.
 */
export function isFreshlyTested(c: ConnectionTestState, now: Date): boolean {
  if (!c.enabled || c.lastSuccessfulTestAt === null) return false;
  return isWithinFreshTestWindow(c.lastSuccessfulTestAt, now) || isWithinFreshTestWindow(c.markedTestedAt, now);
}

export function hasFreshlyTestedConnection(connections: ConnectionTestState[], now: Date): boolean {
  return connections.some((c) => isFreshlyTested(c, now));
}

/**
 * Who SSO-only would lock out: never signed in through this account's SSO, email not on one of
 * its verified domains (so not routed to the IdP), and not exempt.
 */
export function lockoutList(affected: LockoutCandidate[], now: Date): LockoutCandidate[] {
  return affected.filter((m) => !m.hasSsoIdentity && !m.emailOnVerifiedDomain && !isSsoExemptNow(m, now));
}

/** Break-glass: an admin who keeps a password if every connection stops working. */
export function hasExemptAdmin(members: LockoutCandidate[], now: Date): boolean {
  return members.some((m) => m.role === "admin" && isSsoExemptNow(m, now));
}

/** The typed confirmation: the account's slug or its name, ignoring case and outer spaces. */
export function confirmationMatches(typed: string | null | undefined, account: { name: string; slug: string }): boolean {
  const t = (typed ?? "").trim().toLowerCase();
  return t !== "" && (t === account.slug.toLowerCase() || t === account.name.trim().toLowerCase());
}

/**
 * May SSO enforcement be switched on (account-wide `sso`, or a domain's "Require SSO")? Needs a
 * freshly tested switched-on connection, then the typed confirmation; without it the answer names
 * who would be locked out, so the caller can show (or return) the list.
 */
export function decideEnforcementChange(input: {
  connections: ConnectionTestState[];
  affected: LockoutCandidate[];
  account: { name: string; slug: string };
  confirmation: string | null | undefined;
  now: Date;
}): { ok: true } | { ok: false; error: EnforcementRefusal } {
  if (!hasFreshlyTestedConnection(input.connections, input.now)) return { ok: false, error: { code: "needs_fresh_test" } };
  if (confirmationMatches(input.confirmation, input.account)) return { ok: true };
  const lockedOut = lockoutList(input.affected, input.now);
  return { ok: false, error: lockedOut.length > 0 ? { code: "would_lock_out", lockedOut } : { code: "confirmation_mismatch" } };
}
