import { and, eq, gt, isNull, ssoConnections, ssoEmailVerifications, type SsoConnection } from "@gatehouse/db";
import { generateToken, hashToken } from "@gatehouse/core";
import { emailVerificationEmail } from "@gatehouse/email";
import type { SsoContext } from "../context";

export const VERIFICATION_LINK_MINUTES = 30;

/**
 * The IdP's word on this email is not enough (see the connection's email trust): hold the sign-in
 * and send a link to the address itself. Following it proves the person reads that mailbox.
 */
export async function sendSignInVerification(
  ctx: SsoContext,
  input: { connection: SsoConnection; subject: string; email: string; claims: Record<string, unknown>; callbackUrl: string | null },
): Promise<void> {
  const token = generateToken();
  await ctx.db.insert(ssoEmailVerifications).values({
    tokenHash: hashToken(token),
    connectionId: input.connection.id,
    subject: input.subject,
    email: input.email,
    claims: input.claims,
    callbackUrl: input.callbackUrl,
    expiresAt: new Date(Date.now() + VERIFICATION_LINK_MINUTES * 60_000),
  });
  const rendered = emailVerificationEmail({
    verifyUrl: `${ctx.appUrl}/api/sso/verify-email?token=${encodeURIComponent(token)}`,
    reason: `You signed in through ${input.connection.name}. Confirm this email address to finish signing in; you will not be asked again on this connection.`,
  });
  await ctx.mailer.send({ ...rendered, to: input.email, template: "sso-email-verification" });
}

/** The email a still-usable verification link confirms, without using it up (to ask who continues). */
export async function peekSignInVerification(ctx: SsoContext, token: string): Promise<{ email: string } | null> {
  const [row] = await ctx.db
    .select({ email: ssoEmailVerifications.email })
    .from(ssoEmailVerifications)
    .where(and(eq(ssoEmailVerifications.tokenHash, hashToken(token)), isNull(ssoEmailVerifications.usedAt), gt(ssoEmailVerifications.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

/** Redeems a verification link once; returns what is needed to finish the held sign-in. */
export async function redeemSignInVerification(ctx: SsoContext, token: string) {
  const [row] = await ctx.db
    .update(ssoEmailVerifications)
    .set({ usedAt: new Date() })
    .where(and(eq(ssoEmailVerifications.tokenHash, hashToken(token)), isNull(ssoEmailVerifications.usedAt), gt(ssoEmailVerifications.expiresAt, new Date())))
    .returning();
  if (!row) return null;
  const [connection] = await ctx.db.select().from(ssoConnections).where(eq(ssoConnections.id, row.connectionId)).limit(1);
  return connection ? { connection, claims: row.claims, callbackUrl: row.callbackUrl } : null;
}
