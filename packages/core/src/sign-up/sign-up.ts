import { and, eq, gt, isNull, signUpRequests, users } from "@gatehouse/db";
import { emailVerificationEmail, signUpExistingEmail } from "@gatehouse/email";
import { claimAttempt } from "../attempt-limit";
import { recordAuditEvent } from "../audit";
import { nowOf, type CoreContext } from "../context";
import { isEmailShaped, normaliseEmail } from "../email-address";
import { checkNewPassword, hashPassword } from "../passwords";
import { MAX_SIGN_UPS_PER_EMAIL, MAX_SIGN_UPS_PER_IP } from "../rate-limit";
import { fail, ok, type Result } from "../result";
import { createSession } from "../sessions";
import { generateToken, hashToken } from "../tokens";
import { findUserByEmail } from "../users";

export const SIGN_UP_LINK_HOURS = 24;

/** Why a sign-up request was refused: bad input (a sentence for the form), or too many requests. */
export type SignUpRequestError = { code: "invalid"; message: string } | { code: "rate_limited"; retryAfterMinutes: number; message: string };

/**
 * Starts an email + password sign-up: a verification link goes to the address. The answer is the
 * same whether or not the address already has a login (that owner gets a "you already have a
 * login" email instead), so the form does not reveal who is registered. Every request counts
 * against a per-email limit and, when the client IP is known, a per-IP one (each request sends an
 * email, so nobody can flood an inbox or mail a list of addresses from one place).
 */
export async function requestSignUp(
  ctx: Pick<CoreContext, "db" | "mailer" | "appUrl" | "now">,
  input: { email: string; name: string; password: string; ip: string | null },
): Promise<Result<{ email: string }, SignUpRequestError>> {
  if (!isEmailShaped(input.email)) return fail({ code: "invalid", message: "Enter an email address like name@company.com." });
  const problem = checkNewPassword(input.password);
  if (problem) return fail({ code: "invalid", message: problem });
  const email = normaliseEmail(input.email);
  const actor = { userId: null, label: email, ip: input.ip };
  // Without a known client IP there is no per-IP quota: one shared key would let anyone block everyone.
  const claim = await claimAttempt(
    ctx.db,
    [{ key: `sign-up-email:${email}`, limit: MAX_SIGN_UPS_PER_EMAIL }, ...(input.ip ? [{ key: `sign-up-ip:${input.ip}`, limit: MAX_SIGN_UPS_PER_IP }] : [])],
    nowOf(ctx),
  );
  if (!claim.allowed) {
    const { retryAfterMinutes } = claim;
    await recordAuditEvent(ctx.db, { accountId: null, actor, action: "sign_up.rate_limited", metadata: { reason: "rate_limited", retryAfterMinutes } });
    return fail({
      code: "rate_limited",
      retryAfterMinutes,
      message: `Too many sign-up requests for this address or from your network. Try again in ${retryAfterMinutes} minute${retryAfterMinutes === 1 ? "" : "s"}.`,
    });
  }
  if (await findUserByEmail(ctx.db, email)) {
    await ctx.mailer.send({ ...signUpExistingEmail({ signInUrl: `${ctx.appUrl}/login` }), to: email, template: "sign-up-existing" });
    await recordAuditEvent(ctx.db, { accountId: null, actor, action: "sign_up.existing_email", metadata: { reason: "email_taken" } });
    return ok({ email });
  }
  const token = generateToken();
  await ctx.db.insert(signUpRequests).values({
    tokenHash: hashToken(token),
    email,
    name: input.name.trim().slice(0, 200),
    passwordHash: await hashPassword(input.password),
    expiresAt: new Date(nowOf(ctx).getTime() + SIGN_UP_LINK_HOURS * 3_600_000),
  });
  const rendered = emailVerificationEmail({
    name: input.name.trim() || undefined,
    verifyUrl: `${ctx.appUrl}/api/signup/verify?token=${encodeURIComponent(token)}`,
    reason: "You signed up for Gatehouse. Confirm this address to create your login.",
  });
  await ctx.mailer.send({ ...rendered, to: email, template: "sign-up-verification" });
  await recordAuditEvent(ctx.db, { accountId: null, actor, action: "sign_up.requested" });
  return ok({ email });
}

/** The verification link: the login is created now, verified, and signed in (a password session). */
export async function completeSignUp(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { token: string; ip: string | null; userAgent: string | null },
): Promise<Result<{ sessionId: string; userId: string }>> {
  const now = nowOf(ctx);
  const [request] = await ctx.db
    .update(signUpRequests)
    .set({ usedAt: now })
    .where(and(eq(signUpRequests.tokenHash, hashToken(input.token)), isNull(signUpRequests.usedAt), gt(signUpRequests.expiresAt, now)))
    .returning();
  if (!request) return fail("This sign-up link has expired or was already used. Sign up again, or sign in if you already did.");
  const [user] = await ctx.db
    .insert(users)
    .values({ email: request.email, name: request.name, passwordHash: request.passwordHash, emailVerifiedAt: now })
    .onConflictDoNothing()
    .returning({ id: users.id });
  // Someone created a login with this address since (another sign-up link, an invitation).
  if (!user) return fail("This email address already has a login. Sign in instead.");
  await recordAuditEvent(ctx.db, {
    accountId: null,
    actor: { userId: user.id, label: request.email, ip: input.ip },
    action: "sign_up.completed",
    target: { type: "user", id: user.id, label: request.email },
  });
  const sessionId = await createSession(ctx, { userId: user.id, method: "password", ip: input.ip, userAgent: input.userAgent });
  return ok({ sessionId, userId: user.id });
}
