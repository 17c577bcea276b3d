"use server";

import { requestPasswordReset } from "@gatehouse/core";
import { coreContext } from "@/server/context";
import { clientIp } from "@/server/request";
import { forgotPasswordSchema } from "@/lib/validators/auth";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";

export async function sendResetLink(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const email = parsed.data.email;
  await requestPasswordReset(coreContext(), { email, actor: { userId: null, label: email, ip: await clientIp() } });
  // The same answer whether or not the email has an account.
  return { success: `If ${email} has a Gatehouse account, we sent it a link to choose a new password. The link works once, for one hour.`, values };
}
