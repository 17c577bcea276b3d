import { eq, users } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import type { Actor, CoreContext } from "../context";
import { checkNewPassword, hashPassword, verifyPassword } from "../passwords";
import { fail, ok, type Result } from "../result";

/**
 * Sets the signed-in user's password: a user who has one must give it first (a borrowed session
 * cannot take the login over); a user who signs in only through providers sets a first one.
 */
export async function setOwnPassword(
  ctx: Pick<CoreContext, "db">,
  input: { userId: string; currentPassword: string; newPassword: string; actor: Actor },
): Promise<Result<{ changed: boolean }>> {
  const problem = checkNewPassword(input.newPassword);
  if (problem) return fail(problem);
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user) return fail("Your login no longer exists.");
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword)))
    return fail("Your current password is not right. Enter it again.");
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
    await recordAuditEvent(tx, {
      accountId: null,
      actor: input.actor,
      action: user.passwordHash ? "user.password_changed" : "user.password_set",
      target: { type: "user", id: input.userId, label: user.email },
    });
  });
  return ok({ changed: Boolean(user.passwordHash) });
}

export async function hasPasswordSet(db: CoreContext["db"], userId: string): Promise<boolean> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(user?.passwordHash);
}
