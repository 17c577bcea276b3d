"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { continueAfterEnrolment, finishMfaEnrolmentAtSignIn, passMfaChallenge, signOutSession } from "@gatehouse/core";
import { signOut } from "@/auth/config";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { isTicked, mfaChallengeSchema, mfaCodeFormSchema } from "@/lib/validators/mfa";
import { coreContext } from "@/server/context";
import { currentMfaChallenge, mfaCodeErrorMessage, mfaContext, rememberThisDevice } from "@/server/mfa";
import { clientIp } from "@/server/request";

export type MfaStepState = ActionState & { recoveryCodes?: string[] };

const EXPIRED = "Your sign-in has expired. Sign in again.";

/** The second step: a code from the app (or a recovery code); then on to where the person was going. */
export async function verifyMfaAction(_state: MfaStepState, formData: FormData): Promise<MfaStepState> {
  const values = formValues(formData);
  const parsed = mfaChallengeSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const challenge = await currentMfaChallenge();
  if (!challenge) return { error: EXPIRED };
  const result = await passMfaChallenge(mfaContext(), {
    rawSessionId: challenge.rawSessionId,
    code: parsed.data.code,
    kind: parsed.data.kind,
    rememberDevice: isTicked(formData.get("remember")),
    userAgent: (await headers()).get("user-agent"),
    ip: await clientIp(),
  });
  if (!result.ok) return { error: mfaCodeErrorMessage(result.error) };
  if (result.value.rememberedDeviceToken) await rememberThisDevice(result.value.rememberedDeviceToken);
  redirect(safeCallbackUrl(values.callbackUrl));
}

/** Enrolment an account requires: the app's first code confirms it and opens the session. */
export async function finishEnrolmentAction(_state: MfaStepState, formData: FormData): Promise<MfaStepState> {
  const parsed = mfaCodeFormSchema.safeParse(formValues(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const challenge = await currentMfaChallenge();
  if (!challenge) return { error: EXPIRED };
  const result = await finishMfaEnrolmentAtSignIn(mfaContext(), { rawSessionId: challenge.rawSessionId, code: parsed.data.code, ip: await clientIp() });
  if (!result.ok) return { error: result.error };
  return { recoveryCodes: result.value.recoveryCodes };
}

/** After the recovery codes: the session opens and the browser goes on to where it was going. */
export async function continueAfterEnrolmentAction(formData: FormData): Promise<void> {
  const challenge = await currentMfaChallenge();
  const callbackUrl = safeCallbackUrl(formData.get("callbackUrl"));
  if (!challenge || !(await continueAfterEnrolment(coreContext(), challenge.rawSessionId)))
    redirect(`/login/mfa?${new URLSearchParams({ callbackUrl }).toString()}`);
  redirect(callbackUrl);
}

/** Gives up the half-finished sign-in: the pending session ends and the cookie goes. */
export async function cancelMfaAction(): Promise<void> {
  const challenge = await currentMfaChallenge();
  if (challenge) await signOutSession(coreContext(), challenge.rawSessionId, await clientIp());
  await signOut({ redirectTo: "/login" });
}
