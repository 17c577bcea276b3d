import { and, eq, memberships, mfaFactors, mfaRecoveryCodes, mfaRememberedDevices, users, type Database } from "@gatehouse/db";
import { recordAuditEvent, recordUserAuditEvent } from "../audit";
import { nowOf, type Actor } from "../context";
import { type Result, fail, ok } from "../result";
import { endSessionsForUser } from "../sessions";
import { isStaffUser } from "../staff";
import { isAccountAdmin } from "../team";
import { checkMfaCode, type MfaCodeError } from "./check-mfa-code";
import type { MfaContext } from "./mfa-context";
import { replaceRecoveryCodes } from "./mfa-factor";
import { mfaRequirementFor } from "./mfa-queries";

/** New recovery codes (the old ones stop working); needs a current code from the app. */
export async function regenerateRecoveryCodes(
  ctx: MfaContext,
  input: { userId: string; code: string; actor: Actor },
): Promise<Result<{ recoveryCodes: string[] }, MfaCodeError>> {
  const checked = await checkMfaCode(ctx, { ...input, kind: "totp" });
  if (!checked.ok) return checked;
  const recoveryCodes = await ctx.db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, input.userId, nowOf(ctx));
    await recordUserAuditEvent(tx, input.userId, {
      actor: input.actor,
      action: "mfa.recovery_codes_regenerated",
      target: { type: "user", id: input.userId, label: input.actor.label },
    });
    return codes;
  });
  return ok({ recoveryCodes });
}

export type RemoveMfaError = MfaCodeError | { code: "required" };

/** Removes the user's own MFA with a current code; refused while one of their accounts requires MFA. */
export async function removeOwnMfa(ctx: MfaContext, input: { userId: string; code: string; actor: Actor }): Promise<Result<void, RemoveMfaError>> {
  if (await mfaRequirementFor(ctx.db, input.userId)) return fail({ code: "required" });
  const checked = await checkMfaCode(ctx, { ...input, kind: "totp" });
  if (!checked.ok) return checked;
  await ctx.db.transaction(async (tx) => {
    await deleteMfa(tx, input.userId);
    await recordUserAuditEvent(tx, input.userId, {
      actor: input.actor,
      action: "mfa.removed",
      target: { type: "user", id: input.userId, label: input.actor.label },
    });
  });
  return ok(undefined);
}

/**
 * Resets a member's MFA (lost phone, no recovery codes): their app, recovery codes and remembered
 * devices are gone, and so are all their sessions (whoever holds the lost phone may hold a signed-in
 * browser too); their next password sign-in asks them to enrol again if an account requires MFA. Account admins reset members of their account; our support staff (bySupport)
 * reset anyone's, with a reason.
 */
export async function resetMemberMfa(
  ctx: Pick<MfaContext, "db">,
  input: { accountId: string; userId: string; actor: Actor; reason?: string; bySupport?: boolean },
): Promise<Result<{ email: string; sessionsEnded: number }, string>> {
  const allowed = input.bySupport
    ? input.actor.userId !== null && (await isStaffUser(ctx.db, input.actor.userId))
    : await isAccountAdmin(ctx.db, input.accountId, input.actor);
  if (!allowed) return fail(input.bySupport ? "Only Gatehouse support staff can do this." : "Only account admins can reset a member's MFA.");
  if (input.bySupport && !input.reason?.trim()) return fail("Give a reason for the reset.");
  const [target] = await ctx.db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId)))
    .limit(1);
  if (!target) return fail("That person is not a member of this account.");
  const [factor] = await ctx.db.select({ userId: mfaFactors.userId }).from(mfaFactors).where(eq(mfaFactors.userId, input.userId)).limit(1);
  if (!factor) return fail(`${target.email} has no MFA to reset.`);
  const sessionsEnded = await ctx.db.transaction(async (tx) => {
    await deleteMfa(tx, input.userId);
    const ended = await endSessionsForUser(tx, input.userId);
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "mfa.reset",
      target: { type: "user", id: input.userId, label: target.email },
      metadata: { reason: input.reason?.trim() || null, sessionsEnded: ended, ...(input.bySupport ? { bySupport: true } : {}) },
    });
    return ended;
  });
  return ok({ email: target.email, sessionsEnded });
}

async function deleteMfa(db: Pick<Database, "delete">, userId: string): Promise<void> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await db.delete(mfaRememberedDevices).where(eq(mfaRememberedDevices.userId, userId));
  await db.delete(mfaFactors).where(eq(mfaFactors.userId, userId));
}
