import { nowOf } from "./context";
import { checkMfaCode, type MfaCodeError, type MfaCodeKind } from "./mfa/check-mfa-code";
import type { MfaContext } from "./mfa/mfa-context";
import { rememberDevice, type PassedMfa } from "./mfa/mfa-sign-in";
import { hasPasswordProof, spendPasswordProof } from "./password-proof-hold";
import { grantProvedAccount, type AccountProofInput } from "./prove-account-with-password";
import { type Result, fail, ok } from "./result";

/**
 * The second half of switching accounts by password, for a user with MFA: a code from the app or
 * a recovery code, under the sign-in's limits (checkMfaCode). A wrong code keeps the held
 * password, so only the code is asked again; a right one spends it and the session grants the account.
 */
export async function proveAccountWithCode(
  ctx: MfaContext,
  input: AccountProofInput & { code: string; kind: MfaCodeKind; rememberDevice: boolean; userAgent: string | null },
): Promise<Result<PassedMfa, MfaCodeError | { code: "no_password_proof" } | { code: "not_a_member" }>> {
  if (!(await hasPasswordProof(ctx, input.sessionId, input.accountId))) return fail({ code: "no_password_proof" });
  const actor = { userId: input.user.id, label: input.user.email, ip: input.ip };
  const checked = await checkMfaCode(ctx, { userId: input.user.id, code: input.code, kind: input.kind, actor });
  if (!checked.ok) return checked;
  // Spent only now, and only once: two right codes racing cannot both count.
  if (!(await spendPasswordProof(ctx, input.sessionId, input.accountId))) return fail({ code: "no_password_proof" });
  const granted = await grantProvedAccount(ctx, input, input.kind === "totp" ? "authenticator_app" : "recovery_code");
  if (!granted.ok) return granted;
  const rememberedDeviceToken = input.rememberDevice ? await rememberDevice(ctx.db, input.user.id, input.userAgent, nowOf(ctx)) : null;
  return ok({ rememberedDeviceToken, recoveryCodesLeft: checked.value.recoveryCodesLeft });
}
