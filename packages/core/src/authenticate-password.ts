import { recordAuditEventForUser } from "./audit-log/record-for-user";
import { nowOf, type CoreContext } from "./context";
import { normaliseEmail } from "./email-address";
import { verifyAgainstDummy, verifyPassword } from "./passwords";
import { claimAttempt, markAttemptsSucceeded } from "./attempt-limit";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from "./rate-limit";
import { type Result, fail, ok } from "./result";
import { findUserByEmail } from "./users";

export type PasswordSignInError = { code: "invalid" } | { code: "rate_limited"; retryAfterMinutes: number };

/**
 * Checks an email and password. Unknown email and wrong password give the same answer and take
 * the same time; both count against the per-email and per-IP limits, checked and recorded
 * atomically so parallel attempts cannot slip past them.
 */
export async function authenticatePassword(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { email: string; password: string; ip: string | null },
): Promise<Result<{ userId: string; email: string }, PasswordSignInError>> {
  const now = nowOf(ctx);
  const email = normaliseEmail(input.email);
  const emailKey = `email:${email}`;
  const ipKey = `ip:${input.ip}`;

  // Without a trustworthy client IP there is no per-IP quota: one shared "unknown" key would
  // let anyone lock everyone out.
  const quotas = [{ key: emailKey, limit: MAX_FAILURES_PER_EMAIL }, ...(input.ip ? [{ key: ipKey, limit: MAX_FAILURES_PER_IP }] : [])];
  const claim = await claimAttempt(ctx.db, quotas, now);
  const actor = { userId: null, label: email, ip: input.ip };
  if (!claim.allowed) {
    const blocked = await findUserByEmail(ctx.db, email);
    await recordAuditEventForUser(ctx.db, blocked?.id ?? null, {
      actor: { ...actor, userId: blocked?.id ?? null },
      action: "sign_in.password.rate_limited",
      metadata: { retryAfterMinutes: claim.retryAfterMinutes },
    });
    return fail({ code: "rate_limited", retryAfterMinutes: claim.retryAfterMinutes });
  }

  const user = await findUserByEmail(ctx.db, email);
  const matches = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);

  if (user && matches) await markAttemptsSucceeded(ctx.db, claim.attemptIds);
  if (!user || !matches) {
    await recordAuditEventForUser(ctx.db, user?.id ?? null, {
      actor: { ...actor, userId: user?.id ?? null },
      action: "sign_in.password.failed",
      metadata: { reason: user ? (user.passwordHash ? "wrong_password" : "no_password_set") : "unknown_email" },
    });
    return fail({ code: "invalid" });
  }
  await recordAuditEventForUser(ctx.db, user.id, { actor: { ...actor, userId: user.id }, action: "sign_in.password.succeeded" });
  return ok({ userId: user.id, email: user.email });
}
