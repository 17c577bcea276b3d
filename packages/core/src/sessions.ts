import { accounts, and, eq, gt, memberships, sessions, users, type Database } from "@gatehouse/db";
import { nowOf, type CoreContext } from "./context";
import { generateToken, hashToken } from "./tokens";

export const SESSION_LIFETIME_DAYS = 30;
// Writing last_seen_at on every request would turn each page view into a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

export type NewSession = {
  userId: string;
  method: "password" | "sso";
  accountId?: string | null;
  connectionId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

/** Creates a server-side session and returns its raw id (the only copy; we keep its hash). */
export async function createSession(ctx: Pick<CoreContext, "db" | "now">, input: NewSession): Promise<string> {
  const id = generateToken();
  const now = nowOf(ctx);
  const accountId = input.accountId ?? (await defaultAccountId(ctx.db, input.userId));
  await ctx.db.insert(sessions).values({
    idHash: hashToken(id),
    userId: input.userId,
    activeAccountId: accountId,
    method: input.method,
    connectionId: input.connectionId ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_DAYS * 86_400_000),
  });
  return id;
}

async function defaultAccountId(db: Database, userId: string): Promise<string | null> {
  const [first] = await db
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt)
    .limit(1);
  return first?.accountId ?? null;
}

export type AccountChoice = { id: string; name: string; slug: string; role: "admin" | "member" };

export type ResolvedSession = {
  idHash: string;
  method: "password" | "sso";
  connectionId: string | null;
  user: { id: string; email: string; name: string };
  /** The account the console acts on; null when the user belongs to none. */
  activeAccount: AccountChoice | null;
  accounts: AccountChoice[];
};

/**
 * Looks a session up by its raw id. Returns null when it was revoked, expired, or its user is
 * gone: the caller treats that as signed out, which is what makes revocation immediate.
 */
export async function resolveSession(ctx: Pick<CoreContext, "db" | "now">, rawId: string): Promise<ResolvedSession | null> {
  const now = nowOf(ctx);
  const idHash = hashToken(rawId);
  const [row] = await ctx.db
    .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  const choices = await ctx.db
    .select({ id: accounts.id, name: accounts.name, slug: accounts.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, row.user.id))
    .orderBy(accounts.name);
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  // The active account must still be one the user belongs to: a removed membership drops out here.
  const active = choices.find((c) => c.id === row.session.activeAccountId) ?? null;
  return {
    idHash,
    method: row.session.method,
    connectionId: row.session.connectionId,
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

/** Points a session at another of the user's accounts; refuses accounts the user is not in. */
export async function switchActiveAccount(db: Database, rawId: string, accountId: string): Promise<boolean> {
  const idHash = hashToken(rawId);
  const [session] = await db.select().from(sessions).where(eq(sessions.idHash, idHash)).limit(1);
  if (!session) return false;
  const [membership] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, session.userId), eq(memberships.accountId, accountId)))
    .limit(1);
  if (!membership) return false;
  await db.update(sessions).set({ activeAccountId: accountId }).where(eq(sessions.idHash, idHash));
  return true;
}
