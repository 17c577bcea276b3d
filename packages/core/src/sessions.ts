import { and, eq, isNull, memberships, sessions, type Database, type MfaStep, type SignInMethod } from "@gatehouse/db";
import { nowOf, type CoreContext } from "./context";
import { loadRefusedGrants } from "./enforcement/load-refused-grants";
import { lookUpSession, type ChoiceRow } from "./session-lookup";
import { grantsOfSignIn, isAccountGranted, mergeGrants } from "./session-grants";
import { generateToken, hashToken } from "./tokens";

export const SESSION_LIFETIME_DAYS = 30;
/** A session waiting for its MFA step lives this long; finishing the step gives it the full lifetime. */
export const PENDING_MFA_MINUTES = 15;
// Writing last_seen_at on every request would turn each page view into a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

export type NewSession = {
  userId: string;
  method: SignInMethod;
  accountId?: string | null;
  connectionId?: string | null;
  /** What the sign-in proved (checkSignInMethod for a password or social sign-in); otherwise from the method. */
  grantedAccountIds?: string[];
  ip?: string | null;
  userAgent?: string | null;
  /** Set when the password is checked but MFA is still due: the session grants nothing until then. */
  mfaStep?: MfaStep | null;
};

/** Creates a server-side session and returns its raw id (the only copy; we keep its hash). */
export async function createSession(ctx: Pick<CoreContext, "db" | "now">, input: NewSession): Promise<string> {
  const id = generateToken();
  const now = nowOf(ctx);
  const memberAccountIds = await memberAccountIdsOf(ctx.db, input.userId);
  const grantedAccountIds = input.grantedAccountIds ?? grantsOfSignIn({ method: input.method, accountId: input.accountId ?? null, memberAccountIds });
  // The session opens in the user's oldest account it proved, not one that would need its own sign-in.
  const accountId = input.accountId ?? memberAccountIds.find((id) => grantedAccountIds.includes(id)) ?? null;
  await ctx.db.insert(sessions).values({
    idHash: hashToken(id),
    userId: input.userId,
    activeAccountId: accountId,
    method: input.method,
    connectionId: input.connectionId ?? null,
    grantedAccountIds,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
    mfaStep: input.mfaStep ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + (input.mfaStep ? PENDING_MFA_MINUTES * 60_000 : SESSION_LIFETIME_DAYS * 86_400_000)),
  });
  return id;
}

/** The user's accounts, oldest membership first (the first is where a new session opens). */
async function memberAccountIdsOf(db: Database, userId: string): Promise<string[]> {
  const rows = await db.select({ accountId: memberships.accountId }).from(memberships).where(eq(memberships.userId, userId)).orderBy(memberships.createdAt);
  return rows.map((r) => r.accountId);
}

export type AccountChoice = {
  id: string;
  name: string;
  slug: string;
  role: "admin" | "member";
  /** This session's sign-in proved the account; otherwise switching to it needs its own sign-in. */
  granted: boolean;
};

export type ResolvedSession = {
  idHash: string;
  method: SignInMethod;
  connectionId: string | null;
  /** When this session's sign-in completed our MFA; null when it did not (SSO, or no MFA). */
  mfaVerifiedAt: Date | null;
  user: { id: string; email: string; name: string };
  /** The account the console acts on; null when the user belongs to none. */
  activeAccount: AccountChoice | null;
  accounts: AccountChoice[];
};

/**
 * Looks a session up by its raw id. Returns null when it was revoked, expired, still waiting for
 * its MFA step, or its user is gone: the caller treats that as signed out, which is what makes revocation immediate.
 */
export async function resolveSession(ctx: Pick<CoreContext, "db" | "now">, rawId: string): Promise<ResolvedSession | null> {
  const now = nowOf(ctx);
  const idHash = hashToken(rawId);
  const row = await lookUpSession(ctx.db, idHash, now);
  if (!row) return null;
  const proof = { method: row.session.method, grantedAccountIds: row.session.grantedAccountIds };
  const rows: ChoiceRow[] = typeof row.choices === "string" ? JSON.parse(row.choices) : row.choices;
  // Between an exemption's end and the sweep that ends its sessions (a minute at most), the
  // account is closed here already; the full decision is loaded only in that rare case.
  const refused = rows.some((c) => c.exemptionLapsed && isAccountGranted(proof, c.id)) ? await loadRefusedGrants(ctx.db, row.session, now) : [];
  const choices = rows.map((c) => ({ id: c.id, name: c.name, slug: c.slug, role: c.role, granted: isAccountGranted(proof, c.id) && !refused.includes(c.id) }));
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  // The active account must still be one the user belongs to (a removed membership drops out
  // here) and one this session's sign-in proved.
  const active = choices.find((c) => c.id === row.session.activeAccountId && c.granted) ?? null;
  return {
    idHash,
    method: row.session.method,
    connectionId: row.session.connectionId,
    mfaVerifiedAt: row.session.mfaVerifiedAt,
    user: row.user,
    activeAccount: active,
    accounts: choices,
  };
}

export async function endSession(db: Database, rawId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(rawId)));
}

/** Ends every session of a user (password reset, removal, deprovisioning). Returns how many ended. */
export async function endSessionsForUser(db: Pick<Database, "delete">, userId: string): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ idHash: sessions.idHash });
  return ended.length;
}

export type SwitchOutcome = "switched" | "needs_sign_in" | "not_a_member" | "no_session";

/**
 * Points a session at another of the user's accounts. Refuses accounts the user is not in, and
 * accounts this session's sign-in did not prove: those need their own sign-in first.
 */
export async function switchActiveAccount(db: Database, rawId: string, accountId: string): Promise<SwitchOutcome> {
  const idHash = hashToken(rawId);
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.mfaStep)))
    .limit(1);
  if (!session) return "no_session";
  if (!(await isMember(db, session.userId, accountId))) return "not_a_member";
  if (!isAccountGranted(session, accountId)) return "needs_sign_in";
  await db.update(sessions).set({ activeAccountId: accountId }).where(eq(sessions.idHash, idHash));
  return "switched";
}

/**
 * After a sign-in proved `accountId` in a browser that already had a session of the same user,
 * the new session also keeps what the old one proved, and the old one ends. A session of another
 * user is left alone (the new sign-in replaces it in this browser only).
 */
export async function carrySessionGrants(db: Database, previousRawId: string, newRawId: string): Promise<void> {
  await carrySessionGrantsFrom(db, hashToken(previousRawId), newRawId);
}

/** The same, for a previous session known by its id hash (the one a SAML flow's starting browser held). */
export async function carrySessionGrantsFrom(db: Database, previousIdHash: string, newRawId: string): Promise<void> {
  if (previousIdHash === hashToken(newRawId)) return;
  await db.transaction(async (tx) => {
    const [previous] = await tx.select().from(sessions).where(eq(sessions.idHash, previousIdHash)).limit(1);
    const [current] = await tx
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, hashToken(newRawId)))
      .limit(1);
    // A session still waiting for MFA proved nothing, so it has nothing to carry over.
    if (!previous || !current || previous.userId !== current.userId || previous.mfaStep || current.mfaStep) return;
    await tx
      .update(sessions)
      .set({ grantedAccountIds: mergeGrants(previous.grantedAccountIds, current.grantedAccountIds) })
      .where(eq(sessions.idHash, current.idHash));
    await tx.delete(sessions).where(eq(sessions.idHash, previous.idHash));
  });
}

/** Adds an account to what a session proved (its password was just re-checked) and switches to it. */
export async function grantAccountToSession(db: Database, rawId: string, accountId: string): Promise<boolean> {
  const idHash = hashToken(rawId);
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.mfaStep)))
    .limit(1);
  if (!session || !(await isMember(db, session.userId, accountId))) return false;
  await db
    .update(sessions)
    .set({ grantedAccountIds: mergeGrants(session.grantedAccountIds, [accountId]), activeAccountId: accountId })
    .where(eq(sessions.idHash, idHash));
  return true;
}

/** Whether the user is a member of the account. */
export async function isMember(db: Database, userId: string, accountId: string): Promise<boolean> {
  const [membership] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.accountId, accountId)))
    .limit(1);
  return Boolean(membership);
}
