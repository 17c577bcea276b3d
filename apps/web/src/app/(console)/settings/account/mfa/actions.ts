"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { confirmMfaEnrolment, regenerateRecoveryCodes, removeOwnMfa, type Actor } from "@gatehouse/core";
import { actorOf, requireSession } from "@/auth/session";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { mfaCodeFormSchema } from "@/lib/validators/mfa";
import { flashTo } from "@/server/flash";
import { mfaCodeErrorMessage, mfaContext } from "@/server/mfa";

export type MfaSettingsState = ActionState & { recoveryCodes?: string[] };

const PAGE = "/settings/account/mfa";

/** Every form here takes one code from the app: parse it and load the signed-in user, then act. */
async function withCode(
  formData: FormData,
  run: (input: { code: string; userId: string; actor: Actor }) => Promise<MfaSettingsState>,
): Promise<MfaSettingsState> {
  const session = await requireSession();
  const parsed = mfaCodeFormSchema.safeParse(formValues(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  return run({ code: parsed.data.code, userId: session.user.id, actor: await actorOf(session) });
}

export async function confirmEnrolmentAction(_state: MfaSettingsState, formData: FormData): Promise<MfaSettingsState> {
  return withCode(formData, async (input) => {
    const result = await confirmMfaEnrolment(mfaContext(), input);
    if (!result.ok) return { error: result.error };
    revalidatePath(PAGE);
    return { success: "Two-step verification is on.", recoveryCodes: result.value.recoveryCodes };
  });
}

export async function regenerateCodesAction(_state: MfaSettingsState, formData: FormData): Promise<MfaSettingsState> {
  return withCode(formData, async (input) => {
    const result = await regenerateRecoveryCodes(mfaContext(), input);
    if (!result.ok) return { error: mfaCodeErrorMessage(result.error) };
    return { success: "New recovery codes made. Your old codes no longer work.", recoveryCodes: result.value.recoveryCodes };
  });
}

export async function removeMfaAction(_state: MfaSettingsState, formData: FormData): Promise<MfaSettingsState> {
  return withCode(formData, async (input) => {
    const result = await removeOwnMfa(mfaContext(), input);
    if (!result.ok) return { error: mfaCodeErrorMessage(result.error) };
    redirect(await flashTo(PAGE, { tone: "success", text: "Two-step verification is off. Your recovery codes and remembered devices no longer work." }));
  });
}
