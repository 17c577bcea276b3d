import { and, eq, isNull, mfaRecoveryCodes } from "@gatehouse/db";
import { recordUserAuditEvent } from "../audit";
import { claimAttempt, markAttemptsSucceeded } from "../attempt-limit";
import { nowOf, type Actor } from "../context";
import { MAX_FAILURES_PER_EMAIL } from "../rate-limit";
import { type Result, fail, ok } from "../result";
import type { MfaContext } from "./mfa-context";
import { acceptTotpCode } from "./mfa-factor";
import { hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";

export type MfaCodeKind = "totp" | "recovery";

export type MfaCodeError =
  { code: "wrong_code" | "replayed" | "malformed" | "no_mfa" | "wrong_recovery_code" } | { code: "rate_limited"; retryAfterMinutes: number };

/**
 * Checks a code the user typed (from their app, or a recovery code) under the same window and
 * limit as passwords: five wrong codes per user in 15 minutes, so six digits cannot be guessed.
 * A wrong code is audited as `mfa.challenge_failed`; a recovery code is spent as it is accepted.
 */
export async function checkMfaCode(
  ctx: MfaContext,
  input: { userId: string; code: string; kind: MfaCodeKind; actor: Actor },
): Promise<Result<{ recoveryCodesLeft?: number }, MfaCodeError>> {
  const now = nowOf(ctx);
  const claim = await claimAttempt(ctx.db, [{ key: `mfa:${input.userId}`, limit: MAX_FAILURES_PER_EMAIL }], now);
  if (!claim.allowed) {
    await recordUserAuditEvent(ctx.db, input.userId, { actor: input.actor, action: "mfa.challenge_failed", metadata: { reason: "rate_limited" } });
    return fail({ code: "rate_limited", retryAfterMinutes: claim.retryAfterMinutes });
  }
  const outcome = input.kind === "totp" ? await checkTotp(ctx, input.userId, input.code, now) : await spendRecoveryCode(ctx, input, now);
  if (!outcome.ok) {
    await recordUserAuditEvent(ctx.db, input.userId, {
      actor: input.actor,
      action: "mfa.challenge_failed",
      metadata: { reason: outcome.error.code, kind: input.kind },
    });
    return outcome;
  }
  await markAttemptsSucceeded(ctx.db, claim.attemptIds);
  return outcome;
}

async function checkTotp(ctx: MfaContext, userId: string, code: string, now: Date): Promise<Result<{ recoveryCodesLeft?: number }, MfaCodeError>> {
  const check = await acceptTotpCode(ctx.db, ctx.encryptionKey, userId, code, now);
  return check.accepted ? ok({}) : fail({ code: check.reason });
}

/** Marks the code used in the same statement that finds it unused, so it works exactly once. */
async function spendRecoveryCode(
  ctx: MfaContext,
  input: { userId: string; code: string; actor: Actor },
  now: Date,
): Promise<Result<{ recoveryCodesLeft: number }, MfaCodeError>> {
  const code = normaliseRecoveryCode(input.code);
  if (!code) return fail({ code: "wrong_recovery_code" });
  const spent = await ctx.db
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(mfaRecoveryCodes.userId, input.userId), eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  if (spent.length === 0) return fail({ code: "wrong_recovery_code" });
  const left = await ctx.db
    .select({ id: mfaRecoveryCodes.id })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, input.userId), isNull(mfaRecoveryCodes.usedAt)));
  await recordUserAuditEvent(ctx.db, input.userId, { actor: input.actor, action: "mfa.recovery_code_used", metadata: { remaining: left.length } });
  return ok({ recoveryCodesLeft: left.length });
}
