import { accounts, and, desc, eq, gt, invites, isNull, memberships, sql, users, type MemberRole } from "@gatehouse/db";
import { inviteEmail } from "@gatehouse/email";
import { recordAuditEvent } from "./audit";
import { nowOf, type Actor, type CoreContext } from "./context";
import { isEmailShaped, normaliseEmail } from "./email-address";
import { checkNewPassword, hashPassword, verifyPassword } from "./passwords";
import { type Result, fail, ok } from "./result";
import { isAccountAdmin } from "./team";
import { ROLE_LABELS } from "./team-policy";
import { generateToken, hashToken } from "./tokens";
import { actorDisplayName, findUserByEmail } from "./users";
import { authoriseSupportOrAdmin, type ActingAs } from "./support/authorise-support-or-admin";

export const INVITE_LIFETIME_DAYS = 7;

/**
 * Invites an email to the account with a role. Inviting the same email again replaces the
 * pending invite (a fresh link), so "resend" needs no separate path.
 */
export async function inviteMember(
  ctx: CoreContext,
  input: { accountId: string; email: string; role: MemberRole; actor: Actor },
): Promise<Result<{ inviteId: string; email: string }>> {
  const email = normaliseEmail(input.email);
  if (!isEmailShaped(email)) return fail("Enter a valid email address, like name@company.com.");
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can invite members.");
  const [account] = await ctx.db.select().from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  if (!account) return fail("This account no longer exists.");
  const existing = await findUserByEmail(ctx.db, email);
  if (existing) {
    const [member] = await ctx.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, existing.id)))
      .limit(1);
    if (member) return fail(`${email} is already a member of ${account.name}.`);
  }
  const token = generateToken();
  const now = nowOf(ctx);
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_DAYS * 86_400_000);
  const inviteId = await ctx.db.transaction(async (tx) => {
    await tx.delete(invites).where(and(eq(invites.accountId, input.accountId), eq(sql`lower(${invites.email})`, email), isNull(invites.acceptedAt)));
    const [row] = await tx
      .insert(invites)
      .values({
        accountId: input.accountId,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedByUserId: input.actor.userId,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: invites.id });
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "member.invited",
      target: { type: "invite", id: row!.id, label: email },
      metadata: { role: input.role },
    });
    return row!.id;
  });
  const rendered = inviteEmail({
    accountName: account.name,
    inviterName: await actorDisplayName(ctx.db, input.actor),
    roleLabel: ROLE_LABELS[input.role],
    acceptUrl: `${ctx.appUrl}/invite/${encodeURIComponent(token)}`,
    expiresAt,
  });
  await ctx.mailer.send({ ...rendered, to: email, template: "invite" });
  return ok({ inviteId, email });
}

export async function listPendingInvites(ctx: Pick<CoreContext, "db" | "now">, accountId: string) {
  return ctx.db
    .select({ id: invites.id, email: invites.email, role: invites.role, createdAt: invites.createdAt, expiresAt: invites.expiresAt })
    .from(invites)
    .where(and(eq(invites.accountId, accountId), isNull(invites.acceptedAt), gt(invites.expiresAt, nowOf(ctx))))
    .orderBy(desc(invites.createdAt));
}

export async function revokeInvite(ctx: Pick<CoreContext, "db">, input: { accountId: string; inviteId: string; actor: Actor }): Promise<Result<void>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can revoke invites.");
  const [deleted] = await ctx.db
    .delete(invites)
    .where(and(eq(invites.id, input.inviteId), eq(invites.accountId, input.accountId), isNull(invites.acceptedAt)))
    .returning({ email: invites.email });
  if (!deleted) return fail("That invite was already accepted or revoked.");
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: input.actor,
    action: "invite.revoked",
    target: { type: "invite", id: input.inviteId, label: deleted.email },
  });
  return ok(undefined);
}

export type InviteView = {
  accountName: string;
  email: string;
  role: MemberRole;
  /** An existing user with a password confirms with it; anyone else chooses one. */
  needsExistingPassword: boolean;
};

export async function inspectInvite(ctx: Pick<CoreContext, "db" | "now">, token: string): Promise<InviteView | null> {
  const [row] = await ctx.db
    .select({ accountName: accounts.name, email: invites.email, role: invites.role })
    .from(invites)
    .innerJoin(accounts, eq(accounts.id, invites.accountId))
    .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.acceptedAt), gt(invites.expiresAt, nowOf(ctx))))
    .limit(1);
  if (!row) return null;
  const user = await findUserByEmail(ctx.db, row.email);
  return { ...row, needsExistingPassword: Boolean(user?.passwordHash) };
}

/**
 * Accepts an invite: a new person sets a name and password; someone who already has a password
 * proves it is them with it. The invite works once.
 */
export async function acceptInvite(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { token: string; name?: string; password: string; ip: string | null },
): Promise<Result<{ userId: string; accountId: string; email: string }>> {
  const now = nowOf(ctx);
  const invite = await inspectInvite(ctx, input.token);
  if (!invite) return fail("This invite has expired, was revoked or was already used. Ask your admin for a new one.");
  const existing = await findUserByEmail(ctx.db, invite.email);
  if (existing?.passwordHash) {
    if (!(await verifyPassword(existing.passwordHash, input.password))) return fail("That password is not right for this email.");
  } else {
    const problem = checkNewPassword(input.password);
    if (problem) return fail(problem);
  }
  const newHash = existing?.passwordHash ? null : await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invites)
      .set({ acceptedAt: now })
      .where(and(eq(invites.tokenHash, hashToken(input.token)), isNull(invites.acceptedAt), gt(invites.expiresAt, now)))
      .returning();
    if (!claimed) return fail("This invite has expired, was revoked or was already used. Ask your admin for a new one.");
    let userId = existing?.id;
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ email: claimed.email, name: input.name?.trim() ?? "", passwordHash: newHash, emailVerifiedAt: now })
        .returning({ id: users.id });
      userId = created!.id;
    } else if (newHash) {
      // Following the emailed link proves the address, so an SSO-only user may set a password here.
      await tx
        .update(users)
        .set({ passwordHash: newHash, emailVerifiedAt: now, ...(input.name?.trim() ? { name: input.name.trim() } : {}) })
        .where(eq(users.id, userId));
    }
    await tx.insert(memberships).values({ accountId: claimed.accountId, userId, role: claimed.role, source: "invite" }).onConflictDoNothing();
    await recordAuditEvent(tx, {
      accountId: claimed.accountId,
      actor: { userId, label: claimed.email, ip: input.ip },
      action: "invite.accepted",
      target: { type: "user", id: userId, label: claimed.email },
      metadata: { role: claimed.role },
    });
    return ok({ userId, accountId: claimed.accountId, email: claimed.email });
  });
}

/**
 * Sends a pending invite again with a fresh link and a fresh 7 days (the old link stops
 * working). Account admins may, and support with a reason (`bySupport`).
 */
export async function resendInvite(ctx: CoreContext, input: ActingAs & { accountId: string; inviteId: string }): Promise<Result<{ email: string }>> {
  const allowed = await authoriseSupportOrAdmin(ctx.db, input.accountId, input, "resend invites");
  if (!allowed.ok) return allowed;
  const token = generateToken();
  const now = nowOf(ctx);
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_DAYS * 86_400_000);
  const resent = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invites)
      .set({ tokenHash: hashToken(token), createdAt: now, expiresAt })
      .where(and(eq(invites.id, input.inviteId), eq(invites.accountId, input.accountId), isNull(invites.acceptedAt)))
      .returning({ email: invites.email, role: invites.role });
    if (!row) return null;
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "invite.resent",
      target: { type: "invite", id: input.inviteId, label: row.email },
      metadata: { role: row.role, ...allowed.value },
    });
    return row;
  });
  if (!resent) return fail("That invite was already accepted or revoked.");
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  const rendered = inviteEmail({
    accountName: account?.name ?? "your team",
    inviterName: await actorDisplayName(ctx.db, input.actor),
    roleLabel: ROLE_LABELS[resent.role],
    acceptUrl: `${ctx.appUrl}/invite/${encodeURIComponent(token)}`,
    expiresAt,
  });
  await ctx.mailer.send({ ...rendered, to: resent.email, template: "invite" });
  return ok({ email: resent.email });
}
