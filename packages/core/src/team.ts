import { memberSource, accounts, and, count, eq, ilike, memberships, or, sql, users, type Database, type MemberRole } from "@gatehouse/db";
import { recordAuditEvent } from "./audit";
import type { Actor, CoreContext } from "./context";
import { requestPasswordReset } from "./password-reset";
import { type Result, fail, ok } from "./result";
import { endSessionsForUser } from "./sessions";
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

export type MemberRow = { userId: string; email: string; name: string; role: MemberRole; joinedAt: Date; hasPassword: boolean; source: (typeof memberSource.enumValues)[number] };

/** One page of an account's members, searched by name or email. */
export async function listMembers(
  db: Database,
  input: { accountId: string; search?: string; page?: number; pageSize?: number },
): Promise<{ members: MemberRow[]; total: number; page: number; pageCount: number }> {
  const pageSize = input.pageSize ?? MEMBERS_PAGE_SIZE;
  const search = input.search?.trim();
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    eq(memberships.accountId, input.accountId),
    pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined,
  );
  const [totalRow] = await db.select({ n: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(where);
  const total = totalRow?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, input.page ?? 1), pageCount);
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      source: memberships.source,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(where)
    .orderBy(sql`lower(${users.name})`, users.email)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { members: rows, total, page, pageCount };
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
): Promise<Result<void>> {
  return withLockedMembership(ctx, input, async (tx, { target, actorIsAdmin, adminCount }) => {
    const decision = decideRoleChange({ actorIsAdmin, targetRole: target.role, newRole: input.role, adminCount });
    if (!decision.allowed) return fail(decision.reason);
    if (target.role === input.role) return ok(undefined);
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
    return ok(undefined);
  });
}

/** Removes a member from the account and ends their sessions at once. */
export async function removeMember(
  ctx: Pick<CoreContext, "db">,
  input: { accountId: string; userId: string; actor: Actor },
): Promise<Result<void>> {
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
  const sent = await requestPasswordReset(ctx, { email: target.email, actor: input.actor, accountId: input.accountId, requestedByAdmin: true });
  if (!sent.ok) return fail(`${target.email} was sent several reset links in the last few minutes. Try again in ${sent.error.retryAfterMinutes} minutes.`);
  return ok({ email: target.email });
}

export { isAdmin as isAccountAdmin };
