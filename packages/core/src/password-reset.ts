import { passwordResetTokens, users, and, eq, inArray, isNull, gt } from "@gatehouse/db";
import { passwordResetEmail } from "@gatehouse/email";
import { recordAuditEvent } from "./audit";
import { nowOf, type Actor, type CoreContext } from "./context";
import { claimAttempt } from "./attempt-limit";
import { normaliseEmail } from "./email-address";
import { checkNewPassword, hashPassword } from "./passwords";
import { MAX_RESET_REQUESTS_PER_EMAIL, MAX_RESET_REQUESTS_PER_IP } from "./rate-limit";
import { endSessionsForUser } from "./sessions";
import { generateToken, hashToken } from "./tokens";
import { type Result, fail, ok } from "./result";
import { findUserByEmail } from "./users";

export const RESET_LINK_MINUTES = 60;

export type ResetRequestError = { code: "rate_limited"; retryAfterMinutes: number };

/**
 * Sends a reset link when the email belongs to a user. The caller always shows the same answer,
 * so this never tells anyone whether an account exists. Requests count against a per-email limit
 * (and per-IP, for self-service) whether or not the email exists, so the limit reveals nothing
 * either and nobody can flood an inbox.
 */
export async function requestPasswordReset(
  ctx: CoreContext,
  input: {
    email: string;
    actor: Actor;
    accountId?: string | null;
    requestedByAdmin?: boolean;
    /** Who asked, for the email: an admin's name and their account's name. */
    requestedBy?: { name: string; accountName: string };
    /** The account just switched SSO off: the email says to keep the existing login. */
    afterSsoDisabled?: { accountName: string; disabledBy: string };
  },
): Promise<Result<null, ResetRequestError>> {
  const now = nowOf(ctx);
  const email = normaliseEmail(input.email);
  const ip = input.requestedByAdmin ? null : input.actor.ip;
  const claim = await claimAttempt(
    ctx.db,
    [{ key: `reset-email:${email}`, limit: MAX_RESET_REQUESTS_PER_EMAIL }, ...(ip ? [{ key: `reset-ip:${ip}`, limit: MAX_RESET_REQUESTS_PER_IP }] : [])],
    now,
  );
  if (!claim.allowed) {
    await recordAuditEvent(ctx.db, {
      accountId: input.accountId ?? null,
      actor: input.actor,
      action: "password_reset.rate_limited",
      metadata: { email, retryAfterMinutes: claim.retryAfterMinutes },
    });
    return fail({ code: "rate_limited", retryAfterMinutes: claim.retryAfterMinutes });
  }
  const user = await findUserByEmail(ctx.db, email);
  if (!user) return ok(null);
  const token = generateToken();
  await ctx.db.insert(passwordResetTokens).values({
    userId: user.id,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
  });
  const rendered = passwordResetEmail({
    name: user.name || undefined,
    resetUrl: `${ctx.appUrl}/reset-password?token=${encodeURIComponent(token)}`,
    expiresInMinutes: RESET_LINK_MINUTES,
    requestedByAdmin: input.requestedByAdmin ?? false,
    ...(input.requestedBy ? { requestedBy: input.requestedBy } : {}),
    ...(input.afterSsoDisabled ? { afterSsoDisabled: { ...input.afterSsoDisabled, hasPassword: Boolean(user.passwordHash) } } : {}),
  });
  await ctx.mailer.send({ ...rendered, to: user.email, template: "password-reset" });
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId ?? null,
    actor: input.actor,
    action: "password_reset.requested",
    target: { type: "user", id: user.id, label: user.email },
    metadata: { requestedByAdmin: input.requestedByAdmin ?? false },
  });
  return ok(null);
}

export type ResetTokenState = { email: string } | null;

/** Whether a reset link is still usable, for showing the form or a clear "expired" message. */
export async function inspectResetToken(ctx: Pick<CoreContext, "db" | "now">, token: string): Promise<ResetTokenState> {
  const [row] = await ctx.db
    .select({ email: users.email })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(and(eq(passwordResetTokens.tokenHash, hashToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, nowOf(ctx))))
    .limit(1);
  return row ?? null;
}

/**
 * Sets a new password from a reset link. The link works once and takes the user's other
 * outstanding links with it; every existing session of the user ends, since a reset usually means someone else may know the old password.
 */
export async function resetPassword(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { token: string; password: string; ip: string | null },
): Promise<Result<{ userId: string; email: string }>> {
  const problem = checkNewPassword(input.password);
  if (problem) return fail(problem);
  const passwordHash = await hashPassword(input.password);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    // One statement finds the token and uses up every outstanding link of its user: a link
    // someone else may also hold (an older email) dies with the reset, and of two links used at
    // once only one finds its row still unused.
    const tokenHash = hashToken(input.token);
    const owner = tx
      .select({ userId: passwordResetTokens.userId })
      .from(passwordResetTokens)
      .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)));
    const usedUp = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(inArray(passwordResetTokens.userId, owner), isNull(passwordResetTokens.usedAt)))
      .returning({ userId: passwordResetTokens.userId, tokenHash: passwordResetTokens.tokenHash });
    const claimed = usedUp.find((row) => row.tokenHash === tokenHash);
    if (!claimed) return fail("This reset link has expired or was already used. Ask for a new one.");
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: now })
      .where(eq(users.id, claimed.userId))
      .returning({ id: users.id, email: users.email });
    if (!user) return fail("This reset link has expired or was already used. Ask for a new one.");
    const ended = await endSessionsForUser(tx, user.id);
    await recordAuditEvent(tx, {
      accountId: null,
      actor: { userId: user.id, label: user.email, ip: input.ip },
      action: "password_reset.completed",
      target: { type: "user", id: user.id, label: user.email },
      metadata: { sessionsEnded: ended },
    });
    return ok({ userId: user.id, email: user.email });
  });
}
