import { recordAuditEvent } from "./audit";
import type { Actor, CoreContext } from "./context";
import { authenticatePassword, type PasswordSignInError } from "./authenticate-password";
import { decideAccountProofStep, type AccountProofMfa } from "./mfa/account-proof-step";
import { mfaStepInputsFor } from "./mfa/mfa-sign-in";
import { holdPasswordProof } from "./password-proof-hold";
import { type Result, fail, ok } from "./result";
import { grantAccountToSession, isMember } from "./sessions";
import { isSsoEnforcedForMember } from "./sign-in-policy";

export type AccountProofInput = { sessionId: string; user: { id: string; email: string }; accountId: string; ip: string | null };

export type ProveWithPasswordError = PasswordSignInError | { code: "not_a_member" | "sso_required" | "mfa_enrolment_required" };

/**
 * Switching into an account this session did not prove (it was signed in through another
 * account's SSO): the person re-enters their password, with the same limits as a sign-in, then
 * owes what a password sign-in would owe. `codeOwed`: the password is held on the session for a
 * few minutes and proveAccountWithCode finishes the switch; otherwise the session grants it now.
 */
export async function proveAccountWithPassword(
  ctx: Pick<CoreContext, "db" | "now">,
  input: AccountProofInput & { password: string; rememberedDeviceToken: string | null },
): Promise<Result<{ codeOwed: boolean }, ProveWithPasswordError>> {
  const checked = await authenticatePassword(ctx, { email: input.user.email, password: input.password, ip: input.ip });
  if (!checked.ok) return checked;
  if (checked.value.userId !== input.user.id || !(await isMember(ctx.db, input.user.id, input.accountId))) return fail({ code: "not_a_member" });
  const actor = { userId: input.user.id, label: input.user.email, ip: input.ip };
  if (await isSsoEnforcedForMember(ctx, { userId: input.user.id, accountId: input.accountId })) return refuse(ctx, input.accountId, actor, "sso_required");
  const owed = decideAccountProofStep(await mfaStepInputsFor(ctx, input.user.id, input.rememberedDeviceToken));
  if (owed.step === "refuse") return refuse(ctx, input.accountId, actor, owed.reason);
  if (owed.step === "code") {
    await holdPasswordProof(ctx, input.sessionId, input.accountId);
    return ok({ codeOwed: true });
  }
  const granted = await grantProvedAccount(ctx, input, owed.mfa);
  return granted.ok ? ok({ codeOwed: false }) : granted;
}

async function refuse<C extends "sso_required" | "mfa_enrolment_required">(
  ctx: Pick<CoreContext, "db">,
  accountId: string,
  actor: Actor,
  code: C,
): Promise<Result<never, { code: C }>> {
  await recordAuditEvent(ctx.db, { accountId, actor, action: "sign_in.password.refused", metadata: { reason: code } });
  return fail({ code });
}

/** The last step of every switch: the session grants the account, and the audit log says how it was proved. */
export async function grantProvedAccount(
  ctx: Pick<CoreContext, "db">,
  input: AccountProofInput,
  mfa: AccountProofMfa,
): Promise<Result<void, { code: "not_a_member" }>> {
  if (!(await grantAccountToSession(ctx.db, input.sessionId, input.accountId))) return fail({ code: "not_a_member" });
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: { userId: input.user.id, label: input.user.email, ip: input.ip },
    action: "session.account_proved",
    metadata: { method: "password", mfa },
  });
  return ok(undefined);
}
