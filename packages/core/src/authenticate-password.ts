import { and, gt, inArray, signInAttempts } from "@gatehouse/db";
import { recordAuditEvent } from "./audit";
import { nowOf, type CoreContext } from "./context";
import { normaliseEmail } from "./email-address";
import { verifyAgainstDummy, verifyPassword } from "./passwords";
import { decideSignInRateLimit, SIGN_IN_WINDOW_MINUTES } from "./rate-limit";
import { type Result, fail, ok } from "./result";
import { findUserByEmail } from "./users";

export type PasswordSignInError = { code: "invalid" } | { code: "rate_limited"; retryAfterMinutes: number };

/**
 * Checks an email and password. Unknown email and wrong password give the same answer and take
 * the same time; both count against the per-email and per-IP limits.
 */
export async function authenticatePassword(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { email: string; password: string; ip: string | null },
): Promise<Result<{ userId: string; email: string }, PasswordSignInError>> {
  const now = nowOf(ctx);
  const email = normaliseEmail(input.email);
  const emailKey = `email:${email}`;
  const ipKey = `ip:${input.ip ?? "unknown"}`;

  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const recent = await ctx.db
    .select({ key: signInAttempts.key, createdAt: signInAttempts.createdAt, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(inArray(signInAttempts.key, [emailKey, ipKey]), gt(signInAttempts.createdAt, since)))
    .orderBy(signInAttempts.createdAt);
  const failuresOf = (key: string) => recent.filter((a) => a.key === key && a.succeeded === "no").map((a) => a.createdAt);
  const limit = decideSignInRateLimit({ emailFailures: failuresOf(emailKey), ipFailures: failuresOf(ipKey) }, now);
  const actor = { userId: null, label: email, ip: input.ip };
  if (!limit.allowed) {
    await recordAuditEvent(ctx.db, { accountId: null, actor, action: "sign_in.password.rate_limited", metadata: { retryAfterMinutes: limit.retryAfterMinutes } });
    return fail({ code: "rate_limited", retryAfterMinutes: limit.retryAfterMinutes });
  }

  const user = await findUserByEmail(ctx.db, email);
  const matches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);

  const outcome = matches ? "yes" : "no";
  await ctx.db.insert(signInAttempts).values([
    { key: emailKey, succeeded: outcome, createdAt: now },
    { key: ipKey, succeeded: outcome, createdAt: now },
  ]);
  if (!user || !matches) {
    await recordAuditEvent(ctx.db, {
      accountId: null,
      actor: { ...actor, userId: user?.id ?? null },
      action: "sign_in.password.failed",
      metadata: { reason: user ? (user.passwordHash ? "wrong_password" : "no_password_set") : "unknown_email" },
    });
    return fail({ code: "invalid" });
  }
  await recordAuditEvent(ctx.db, { accountId: null, actor: { ...actor, userId: user.id }, action: "sign_in.password.succeeded" });
  return ok({ userId: user.id, email: user.email });
}
