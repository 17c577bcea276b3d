import { accounts, and, asc, eq, joinRequests, memberships, users, type Database } from "@gatehouse/db";
import { joinRequestDecidedEmail } from "@gatehouse/email";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor, type CoreContext } from "../context";
import { type Result, fail, ok } from "../result";
import { isAccountAdmin } from "../team";
import { actorDisplayName } from "../users";
import { decideAutoJoin, type AutoJoinOffer } from "./auto-join";
import { openJoinedAccount } from "../open-joined-account";
import { findVerifiedDomainForEmail } from "./verified-domains";

export type JoinOfferView = { offer: AutoJoinOffer; account: { id: string; name: string } | null };

/** What the console offers this user through their email's verified domain: Join, Request to join, Request sent, or nothing. */
export async function findJoinOffer(db: Database, userId: string): Promise<JoinOfferView> {
  const [user] = await db.select({ email: users.email, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return { offer: { kind: "none" }, account: null };
  const domain = await findVerifiedDomainForEmail(db, user.email);
  if (!domain) return { offer: { kind: "none" }, account: null };
  const [membership] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.accountId, domain.accountId), eq(memberships.userId, userId)))
    .limit(1);
  const [request] = await db
    .select({ status: joinRequests.status })
    .from(joinRequests)
    .where(and(eq(joinRequests.accountId, domain.accountId), eq(joinRequests.userId, userId)))
    .limit(1);
  const offer = decideAutoJoin({ emailVerified: user.emailVerifiedAt !== null, domain, isMember: Boolean(membership), request: request ?? null });
  if (offer.kind === "none") return { offer, account: null };
  const [account] = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.id, domain.accountId)).limit(1);
  return { offer, account: account ?? null };
}

const NOT_OFFERED =
  "Joining this account is not open to you: your email must be verified and on a domain the account has verified, with joining switched on. Ask an admin to invite you.";

/**
 * "Join <Account>": the user becomes a Member at once, when the domain's policy is join. The
 * session they joined from (`sessionId`) opens the account when its sign-in could have
 * (opensJoinedAccount); their other sessions do not, as they proved only what they had then.
 */
export async function joinAccountThroughDomain(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { userId: string; accountId: string; actor: Actor; sessionId?: string | null },
): Promise<Result<{ accountId: string; opened: boolean }>> {
  const { offer } = await findJoinOffer(ctx.db, input.userId);
  if (offer.kind !== "join" || offer.accountId !== input.accountId) return fail(NOT_OFFERED);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(memberships).values({ accountId: offer.accountId, userId: input.userId, role: "member", source: "domain" }).onConflictDoNothing();
    await recordAuditEvent(tx, {
      accountId: offer.accountId,
      actor: input.actor,
      action: "member.joined_through_domain",
      target: { type: "user", id: input.userId, label: input.actor.label },
      metadata: { domainId: offer.domainId, role: "member" },
    });
  });
  const opened = input.sessionId ? await openJoinedAccount(ctx, { sessionId: input.sessionId, userId: input.userId, accountId: offer.accountId }) : false;
  return ok({ accountId: offer.accountId, opened });
}

/** "Request to join <Account>": a pending request the account's admins see on the team page. */
export async function requestToJoinThroughDomain(
  ctx: Pick<CoreContext, "db">,
  input: { userId: string; accountId: string; actor: Actor },
): Promise<Result<void>> {
  const { offer } = await findJoinOffer(ctx.db, input.userId);
  if (offer.kind === "request_sent" && offer.accountId === input.accountId) return ok(undefined);
  if (offer.kind !== "request" || offer.accountId !== input.accountId) return fail(NOT_OFFERED);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(joinRequests)
      .values({ accountId: offer.accountId, userId: input.userId, domainId: offer.domainId })
      .onConflictDoNothing()
      .returning({ id: joinRequests.id });
    if (!row) return;
    await recordAuditEvent(tx, {
      accountId: offer.accountId,
      actor: input.actor,
      action: "join_request.created",
      target: { type: "join_request", id: row.id, label: input.actor.label },
      metadata: { domainId: offer.domainId },
    });
  });
  return ok(undefined);
}

export type PendingJoinRequest = { id: string; userId: string; email: string; name: string; createdAt: Date };

/** The account's pending requests, oldest first. */
export async function listPendingJoinRequests(db: Database, accountId: string): Promise<PendingJoinRequest[]> {
  return db
    .select({ id: joinRequests.id, userId: users.id, email: users.email, name: users.name, createdAt: joinRequests.createdAt })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.accountId, accountId), eq(joinRequests.status, "pending")))
    .orderBy(asc(joinRequests.createdAt))
    .limit(200);
}

/** An admin approves (membership as Member) or declines a pending request; the person gets an email either way. */
export async function decideJoinRequest(
  ctx: CoreContext,
  input: { accountId: string; requestId: string; approve: boolean; actor: Actor },
): Promise<Result<{ email: string }>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can answer requests to join.");
  const now = nowOf(ctx);
  const decided = await ctx.db.transaction(async (tx) => {
    // Only a pending request of this account changes: two admins answering at once decide once.
    const [row] = await tx
      .update(joinRequests)
      .set({ status: input.approve ? "approved" : "declined", decidedAt: now, decidedByUserId: input.actor.userId })
      .where(and(eq(joinRequests.id, input.requestId), eq(joinRequests.accountId, input.accountId), eq(joinRequests.status, "pending")))
      .returning({ userId: joinRequests.userId });
    if (!row) return null;
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.userId)).limit(1);
    if (input.approve)
      await tx.insert(memberships).values({ accountId: input.accountId, userId: row.userId, role: "member", source: "domain" }).onConflictDoNothing();
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: input.approve ? "join_request.approved" : "join_request.declined",
      target: { type: "user", id: row.userId, label: user?.email ?? row.userId },
      metadata: { requestId: input.requestId, ...(input.approve ? { role: "member" } : {}) },
    });
    return user ? { email: user.email } : null;
  });
  if (!decided) return fail("That request was already answered or withdrawn. Reload the page.");
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  const rendered = joinRequestDecidedEmail({
    accountName: account?.name ?? "the account",
    adminName: await actorDisplayName(ctx.db, input.actor),
    approved: input.approve,
    signInUrl: `${ctx.appUrl}/login`,
  });
  await ctx.mailer.send({ ...rendered, to: decided.email, template: input.approve ? "join_request_approved" : "join_request_declined" });
  return ok(decided);
}
