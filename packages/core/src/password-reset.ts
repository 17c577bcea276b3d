import { passwordResetTokens, users, and, eq, isNull, gt } from "@gatehouse/db";
import { passwordResetEmail } from "@gatehouse/email";
import { recordAuditEvent } from "./audit";
import { nowOf, type Actor, type CoreContext } from "./context";
import { checkNewPassword, hashPassword } from "./passwords";
import { endSessionsForUser } from "./sessions";
import { generateToken, hashToken } from "./tokens";
import { type Result, fail, ok } from "./result";
import { findUserByEmail } from "./users";

export const RESET_LINK_MINUTES = 60;

/**
 * Sends a reset link when the email belongs to a user. The caller always shows the same answer,
 * so this never tells anyone whether an account exists.
 */
export async function requestPasswordReset(
  ctx: CoreContext,
  input: { email: string; actor: Actor; accountId?: string | null; requestedByAdmin?: boolean },
): Promise<void> {
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) return;
  const token = generateToken();
  const now = nowOf(ctx);
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
  });
  await ctx.mailer.send({ ...rendered, to: user.email, template: "password-reset" });
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId ?? null,
    actor: input.actor,
    action: "password_reset.requested",
    target: { type: "user", id: user.id, label: user.email },
    metadata: { requestedByAdmin: input.requestedByAdmin ?? false },
  });
}

export type ResetTokenState = { email: string } | null;

/** Whether a reset link is still usable, for showing the form or a clear "expired" message. */
export async function inspectResetToken(ctx: Pick<CoreContext, "db" | "now">, token: string): Promise<ResetTokenState> {
  const [row] = await ctx.db
    .select({ email: users.email })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, nowOf(ctx)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Sets a new password from a reset link. The link works once; every existing session of the
 * user ends, since a reset usually means someone else may know the old password.
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
    // Marking the token used in the same statement that finds it makes double submission harmless.
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
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
