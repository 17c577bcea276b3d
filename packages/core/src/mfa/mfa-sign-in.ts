import { and, eq, gt, isNotNull, lt, mfaRememberedDevices, sessions, users, type Database, type MfaStep } from "@gatehouse/db";
import { recordUserAuditEvent } from "../audit";
import { nowOf, type Actor } from "../context";
import { type Result, fail, ok } from "../result";
import { SESSION_LIFETIME_DAYS } from "../sessions";
import { generateToken, hashToken } from "../tokens";
import { checkMfaCode, type MfaCodeError, type MfaCodeKind } from "./check-mfa-code";
import { confirmMfaEnrolment } from "./enrol-mfa";
import type { MfaContext } from "./mfa-context";
import { mfaRequirementFor, userHasMfa } from "./mfa-queries";
import { decideMfaStep } from "./mfa-step";

export const REMEMBER_DEVICE_DAYS = 30;

/**
 * What a password or login-provider (social) sign-in still owes before its session may grant
 * anything. SSO sign-ins never ask: the account's own IdP owns MFA there. A remembered browser
 * skips the code (audited).
 */
export async function mfaStepForSignIn(
  ctx: MfaContext,
  input: { userId: string; rememberedDeviceToken: string | null; actor: Actor },
): Promise<MfaStep | null> {
  const inputs = await mfaStepInputsFor(ctx, input.userId, input.rememberedDeviceToken);
  const step = decideMfaStep(inputs);
  if (inputs.hasMfa && step === null) {
    await recordUserAuditEvent(ctx.db, input.userId, { actor: input.actor, action: "sign_in.mfa.succeeded", metadata: { method: "remembered_device" } });
  }
  return step;
}

/** What decides a password sign-in's MFA step (and an account switch's): the same three facts for both. */
export async function mfaStepInputsFor(
  ctx: Pick<MfaContext, "db" | "now">,
  userId: string,
  rememberedDeviceToken: string | null,
): Promise<{ hasMfa: boolean; isRequired: boolean; isDeviceRemembered: boolean }> {
  const [hasMfa, isRequired, isDeviceRemembered] = await Promise.all([
    userHasMfa(ctx.db, userId),
    mfaRequirementFor(ctx.db, userId),
    isRememberedDevice(ctx, userId, rememberedDeviceToken),
  ]);
  return { hasMfa, isRequired, isDeviceRemembered };
}

async function isRememberedDevice(ctx: Pick<MfaContext, "db" | "now">, userId: string, token: string | null): Promise<boolean> {
  if (!token) return false;
  const [row] = await ctx.db
    .select({ id: mfaRememberedDevices.id })
    .from(mfaRememberedDevices)
    .where(and(eq(mfaRememberedDevices.tokenHash, hashToken(token)), eq(mfaRememberedDevices.userId, userId), gt(mfaRememberedDevices.expiresAt, nowOf(ctx))))
    .limit(1);
  return Boolean(row);
}

export type MfaChallenge = {
  userId: string;
  email: string;
  step: MfaStep;
  /** Enrolment step only: this session already confirmed the new app; the codes were shown. */
  hasEnrolled: boolean;
};

/** The MFA step a session is waiting for, or null (no such session, expired, or not waiting). */
export async function loadMfaChallenge(ctx: Pick<MfaContext, "db" | "now">, rawSessionId: string): Promise<MfaChallenge | null> {
  const [row] = await ctx.db
    .select({ userId: sessions.userId, email: users.email, step: sessions.mfaStep, verifiedAt: sessions.mfaVerifiedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, hashToken(rawSessionId)), isNotNull(sessions.mfaStep), gt(sessions.expiresAt, nowOf(ctx))))
    .limit(1);
  return row?.step ? { userId: row.userId, email: row.email, step: row.step, hasEnrolled: row.verifiedAt !== null } : null;
}

/** The step is done: the session becomes a full one, and records when it proved MFA. */
async function completeMfaStep(db: Pick<Database, "update">, rawSessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ mfaStep: null, mfaVerifiedAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_DAYS * 86_400_000), lastSeenAt: now })
    .where(eq(sessions.idHash, hashToken(rawSessionId)));
}

export type PassedMfa = { rememberedDeviceToken: string | null; recoveryCodesLeft?: number };

/**
 * The sign-in's second step: a code from the app or a recovery code. "Remember this device" is
 * the caller's explicit choice (off unless asked) and returns a token for a cookie.
 */
export async function passMfaChallenge(
  ctx: MfaContext,
  input: { rawSessionId: string; code: string; kind: MfaCodeKind; rememberDevice: boolean; userAgent: string | null; ip: string | null },
): Promise<Result<PassedMfa, MfaCodeError | { code: "no_challenge" }>> {
  const challenge = await loadMfaChallenge(ctx, input.rawSessionId);
  if (challenge?.step !== "verify") return fail({ code: "no_challenge" });
  const actor = { userId: challenge.userId, label: challenge.email, ip: input.ip };
  const checked = await checkMfaCode(ctx, { userId: challenge.userId, code: input.code, kind: input.kind, actor });
  if (!checked.ok) return checked;
  const now = nowOf(ctx);
  await completeMfaStep(ctx.db, input.rawSessionId, now);
  await recordUserAuditEvent(ctx.db, challenge.userId, {
    actor,
    action: "sign_in.mfa.succeeded",
    metadata: { method: input.kind === "totp" ? "authenticator_app" : "recovery_code" },
  });
  const rememberedDeviceToken = input.rememberDevice ? await rememberDevice(ctx.db, challenge.userId, input.userAgent, now) : null;
  return ok({ rememberedDeviceToken, recoveryCodesLeft: checked.value.recoveryCodesLeft });
}

/** Remembers this browser for 30 days; returns the token for its cookie (only its hash is kept). */
export async function rememberDevice(db: Pick<Database, "insert">, userId: string, userAgent: string | null, now: Date): Promise<string> {
  const token = generateToken();
  await db.insert(mfaRememberedDevices).values({
    userId,
    tokenHash: hashToken(token),
    userAgent: userAgent?.slice(0, 400) ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + REMEMBER_DEVICE_DAYS * 86_400_000),
  });
  return token;
}

/**
 * Enrolment required at sign-in, part one: the app's first code confirms it, and this session
 * notes that it did. The session still grants nothing until the person has seen their recovery
 * codes and continues (part two), so a page reload or a no-JavaScript post cannot skip them.
 */
export async function finishMfaEnrolmentAtSignIn(
  ctx: MfaContext,
  input: { rawSessionId: string; code: string; ip: string | null },
): Promise<Result<{ recoveryCodes: string[] }, string>> {
  const challenge = await loadMfaChallenge(ctx, input.rawSessionId);
  if (challenge?.step !== "enrol") return fail("Your sign-in has expired. Sign in again.");
  const actor = { userId: challenge.userId, label: challenge.email, ip: input.ip };
  const confirmed = await confirmMfaEnrolment(ctx, { userId: challenge.userId, code: input.code, actor });
  if (!confirmed.ok) return confirmed;
  await ctx.db
    .update(sessions)
    .set({ mfaVerifiedAt: nowOf(ctx) })
    .where(eq(sessions.idHash, hashToken(input.rawSessionId)));
  await recordUserAuditEvent(ctx.db, challenge.userId, { actor, action: "sign_in.mfa.succeeded", metadata: { method: "enrolment" } });
  return confirmed;
}

/**
 * Part two: opens the session. Only a session that confirmed the app itself qualifies; one whose
 * user enrolled elsewhere in the meantime proved nothing and still owes a code.
 */
export async function continueAfterEnrolment(ctx: Pick<MfaContext, "db" | "now">, rawSessionId: string): Promise<boolean> {
  const challenge = await loadMfaChallenge(ctx, rawSessionId);
  if (challenge?.step !== "enrol" || !challenge.hasEnrolled) return false;
  const now = nowOf(ctx);
  await ctx.db
    .update(sessions)
    .set({ mfaStep: null, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_DAYS * 86_400_000), lastSeenAt: now })
    .where(eq(sessions.idHash, hashToken(rawSessionId)));
  return true;
}

/** Deletes remembered devices past their 30 days (a periodic sweep); returns how many went. */
export async function pruneRememberedDevices(db: Pick<Database, "delete">, now: Date): Promise<number> {
  const pruned = await db.delete(mfaRememberedDevices).where(lt(mfaRememberedDevices.expiresAt, now)).returning({ id: mfaRememberedDevices.id });
  return pruned.length;
}
