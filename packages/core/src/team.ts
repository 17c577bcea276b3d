import { type memberSource, accounts, and, count, desc, eq, memberships, sql, users, type Database, type MemberRole } from "@gatehouse/db";
import { recordAuditEvent } from "./audit";
import type { Actor, CoreContext } from "./context";
import { requestPasswordReset } from "./password-reset";
import { type Result, fail, ok } from "./result";
import { containsPattern } from "./like-pattern";
import { type MemberSearchRow, memberSortKeyPast, searchMembers } from "./member-search";
import { endSessionsForUser } from "./sessions";
import { actorDisplayName } from "./users";
import { decideMemberRemoval, decideRoleChange, ROLE_LABELS } from "./team-policy";

export const MEMBERS_PAGE_SIZE = 20;

export async function getMemberRole(db: Database, accountId: string, userId: string): Promise<MemberRole | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)))
    .limit(1);
  return row?.role ?? null;
}

async function countAdmins(db: Pick<Database, "select">, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.role, "admin")));
  return row?.n ?? 0;
}

export type MemberRow = {
  userId: string;
  email: string;
  name: string;
  role: MemberRole;
  joinedAt: Date;
  hasPassword: boolean;
  source: (typeof memberSource.enumValues)[number];
  ssoExempt: boolean;
  ssoExemptUntil: Date | null;
};

/** Above this many matches the list says "1,000+" instead of counting: an exact count of 50,000 rows costs more than the page. */
export const MEMBERS_COUNT_CAP = 1000;

type MemberCursor = { name: string; email: string };

// A cursor is the sort key of a row at a page's edge: (lower(name), email), and email is unique,
// so "after this row" is exact and each page is an index range read, not an offset that grows
// with the page number.
// The key is the database's lower(name), not JavaScript's, so the two can never disagree.
function encodeCursor(row: { sortName: string; email: string }): string {
  return Buffer.from(JSON.stringify([row.sortName, row.email])).toString("base64url");
}

function decodeCursor(value: string | undefined): MemberCursor | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return { name: parsed[0], email: parsed[1] };
    }
  } catch {
    // A hand-edited or stale link falls back to the first page.
  }
  return null;
}

export type MembersPage = {
  members: MemberRow[];
  /** Matching members, exact up to MEMBERS_COUNT_CAP; beyond it `totalIsCapped` is set and total is the cap. */
  total: number;
  totalIsCapped: boolean;
  /** Pass as `after` for the next page, `before` for the previous one; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
};

/** The unsearched list: the account's member count (capped) and one page, side by side on two connections. */
async function readAllMembersPage(
  db: Database,
  input: { accountId: string; edge: MemberCursor | null; backwards: boolean; limit: number },
): Promise<{ matched: number; rows: MemberSearchRow[] }> {
  const ofAccount = eq(memberships.accountId, input.accountId);
  const [countRows, rows] = await Promise.all([
    // Counts at most one past the cap, so the cost is bounded however large the account is.
    db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${memberships} where ${ofAccount} limit ${MEMBERS_COUNT_CAP + 1}) capped`),
    db
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        role: memberships.role,
        joinedAt: memberships.createdAt,
        source: memberships.source,
        ssoExempt: memberships.ssoExempt,
        ssoExemptUntil: memberships.ssoExemptUntil,
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
        sortName: users.nameLower,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(ofAccount, input.edge ? memberSortKeyPast(input.edge, input.backwards) : undefined))
      // Backwards pages read the range in reverse from the cursor and are flipped by the caller.
      .orderBy(...(input.backwards ? [desc(users.nameLower), desc(users.email)] : [users.nameLower, users.email]))
      .limit(input.limit),
  ]);
  return { matched: Number(countRows[0]?.n ?? 0), rows };
}

/**
 * One page of an account's members, searched by any part of their name or email, case-insensitively
 * (answered by the trigram indexes), ordered by name then email and paged by keyset cursor.
 */
export async function listMembers(
  db: Database,
  input: { accountId: string; search?: string; after?: string; before?: string; pageSize?: number },
): Promise<MembersPage> {
  const pageSize = input.pageSize ?? MEMBERS_PAGE_SIZE;
  const search = input.search?.trim();
  const after = decodeCursor(input.after);
  const before = after ? null : decodeCursor(input.before);
  const edge = after ?? before;
  // One extra row says whether there is another page, without counting.
  const range = { accountId: input.accountId, edge, backwards: Boolean(before), limit: pageSize + 1 };
  const { matched, rows: read } = search
    ? await searchMembers(db, { ...range, pattern: containsPattern(search), countCap: MEMBERS_COUNT_CAP })
    : await readAllMembersPage(db, range);
  const more = read.length > pageSize;
  const rows = read.slice(0, pageSize);
  if (before) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const members: MemberRow[] = rows.map(({ sortName: _sortName, ...member }) => member);
  const hasNext = before ? true : more;
  const hasPrev = before ? more : Boolean(after);
  return {
    members,
    total: Math.min(matched, MEMBERS_COUNT_CAP),
    totalIsCapped: matched > MEMBERS_COUNT_CAP,
    nextCursor: hasNext && last ? encodeCursor(last) : null,
    prevCursor: hasPrev && first ? encodeCursor(first) : null,
  };
}

async function loadTarget(db: Pick<Database, "select">, accountId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role, email: users.email, accountName: accounts.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

async function isAdmin(db: Pick<Database, "select">, accountId: string, actor: Actor): Promise<boolean> {
  if (actor.adminOfAccountId) return actor.adminOfAccountId === accountId;
  if (!actor.userId) return false;
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, actor.userId)))
    .limit(1);
  return row?.role === "admin";
}

type MembershipFacts = { target: { role: MemberRole; email: string }; actorIsAdmin: boolean; adminCount: number };
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Runs a change to one membership with the account's memberships locked, so two admins demoting
 * or removing each other cannot both pass the "last admin" check.
 */
function withLockedMembership<T>(
  ctx: Pick<CoreContext, "db">,
  input: { accountId: string; userId: string; actor: Actor },
  change: (tx: Tx, facts: MembershipFacts) => Promise<Result<T>>,
): Promise<Result<T>> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select id from memberships where account_id = ${input.accountId} for update`);
    const target = await loadTarget(tx, input.accountId, input.userId);
    if (!target) return fail("That person is not a member of this account.");
    return change(tx, { target, actorIsAdmin: await isAdmin(tx, input.accountId, input.actor), adminCount: await countAdmins(tx, input.accountId) });
  });
}

/** Changes a member's role; the last admin can never be demoted. */
export async function changeMemberRole(
  ctx: Pick<CoreContext, "db">,
  input: { accountId: string; userId: string; role: MemberRole; actor: Actor },
): Promise<Result<{ changed: boolean; email: string; role: MemberRole }>> {
  return withLockedMembership<{ changed: boolean; email: string; role: MemberRole }>(ctx, input, async (tx, { target, actorIsAdmin, adminCount }) => {
    const decision = decideRoleChange({ actorIsAdmin, targetRole: target.role, newRole: input.role, adminCount });
    if (!decision.allowed) return fail(decision.reason);
    // Saving the role already held changes nothing and records nothing; the caller says so.
    if (target.role === input.role) return ok({ changed: false, email: target.email, role: input.role });
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId)));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "member.role_changed",
      target: { type: "user", id: input.userId, label: target.email },
      metadata: { from: target.role, to: input.role, toLabel: ROLE_LABELS[input.role] },
    });
    return ok({ changed: true, email: target.email, role: input.role });
  });
}

/** Removes a member from the account and ends their sessions at once. */
export async function removeMember(ctx: Pick<CoreContext, "db">, input: { accountId: string; userId: string; actor: Actor }): Promise<Result<void>> {
  return withLockedMembership(ctx, input, async (tx, { target, actorIsAdmin, adminCount }) => {
    const decision = decideMemberRemoval({ actorIsAdmin, targetRole: target.role, adminCount });
    if (!decision.allowed) return fail(decision.reason);
    await tx.delete(memberships).where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId)));
    // All of the user's sessions end, not only those in this account: removal is a security
    // action and a session can switch accounts, so ending everything is the safe reading.
    const ended = await endSessionsForUser(tx, input.userId);
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "member.removed",
      target: { type: "user", id: input.userId, label: target.email },
      metadata: { role: target.role, sessionsEnded: ended },
    });
    return ok(undefined);
  });
}

/** An admin sends a member a password reset link. */
export async function sendMemberPasswordReset(
  ctx: CoreContext,
  input: { accountId: string; userId: string; actor: Actor },
): Promise<Result<{ email: string }>> {
  if (!(await isAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can send password resets.");
  const target = await loadTarget(ctx.db, input.accountId, input.userId);
  if (!target) return fail("That person is not a member of this account.");
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  const requestedBy = account ? { name: await actorDisplayName(ctx.db, input.actor), accountName: account.name } : undefined;
  const sent = await requestPasswordReset(ctx, {
    email: target.email,
    actor: input.actor,
    accountId: input.accountId,
    requestedByAdmin: true,
    ...(requestedBy ? { requestedBy } : {}),
  });
  if (!sent.ok) return fail(`${target.email} was sent several reset links in the last few minutes. Try again in ${sent.error.retryAfterMinutes} minutes.`);
  return ok({ email: target.email });
}

export { isAdmin as isAccountAdmin };
