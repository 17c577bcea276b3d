import { eq, mfaFactors } from "@gatehouse/db";
import { recordUserAuditEvent } from "../audit";
import type { Actor } from "../context";
import { nowOf } from "../context";
import { type Result, fail, ok } from "../result";
import { encryptSecret } from "../secrets";
import type { MfaContext } from "./mfa-context";
import { loadFactor, replaceRecoveryCodes } from "./mfa-factor";
import { checkTotpCode, formatManualKey, newTotpSecret, otpauthUri } from "./totp";

export type MfaEnrolment = { uri: string; manualKey: string };

/**
 * Starts (or resumes) enrolment: an unconfirmed secret for the user's app. Asking again returns
 * the same secret, so a reload does not invalidate a QR code already scanned.
 */
export async function startMfaEnrolment(ctx: MfaContext, input: { userId: string; email: string }): Promise<Result<MfaEnrolment, "already_enrolled">> {
  const existing = await loadFactor(ctx.db, ctx.encryptionKey, input.userId);
  if (existing?.confirmedAt) return fail("already_enrolled");
  let secret = existing?.secret;
  if (!secret) {
    secret = newTotpSecret();
    const secretEncrypted = encryptSecret(secret, ctx.encryptionKey);
    await ctx.db
      .insert(mfaFactors)
      .values({ userId: input.userId, secretEncrypted, createdAt: nowOf(ctx) })
      .onConflictDoUpdate({ target: mfaFactors.userId, set: { secretEncrypted, confirmedAt: null, lastUsedStep: null } });
  }
  return ok({ uri: otpauthUri(secret, input.email), manualKey: formatManualKey(secret) });
}

/** Confirms enrolment with a code from the app; returns the ten recovery codes, shown once. */
export async function confirmMfaEnrolment(
  ctx: MfaContext,
  input: { userId: string; code: string; actor: Actor },
): Promise<Result<{ recoveryCodes: string[] }, string>> {
  const factor = await loadFactor(ctx.db, ctx.encryptionKey, input.userId);
  if (!factor) return fail("Start setting up your authenticator app first.");
  if (factor.confirmedAt) return fail("Your authenticator app is already set up.");
  const now = nowOf(ctx);
  const check = checkTotpCode({ secretBase32: factor.secret, code: input.code, now, lastUsedStep: null });
  if (!check.accepted) return fail("That code doesn't match. Enter the 6-digit code your app shows now (check your phone's clock if it keeps failing).");
  const recoveryCodes = await ctx.db.transaction(async (tx) => {
    await tx.update(mfaFactors).set({ confirmedAt: now, lastUsedStep: check.step }).where(eq(mfaFactors.userId, input.userId));
    const codes = await replaceRecoveryCodes(tx, input.userId, now);
    await recordUserAuditEvent(tx, input.userId, {
      actor: input.actor,
      action: "mfa.enrolled",
      target: { type: "user", id: input.userId, label: input.actor.label },
    });
    return codes;
  });
  return ok({ recoveryCodes });
}
