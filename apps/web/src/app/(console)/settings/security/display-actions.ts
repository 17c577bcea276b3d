"use server";

import { setConnectionDisplay } from "@gatehouse/sso";
import { connectionDisplaySchema } from "@gatehouse/sso/input";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { ssoContext } from "@/server/sso-context";
import { connectionTargetOf, INCOMPLETE, revalidateSecurity } from "./_lib/connection-action";

/** The Display tab's name and button text: answered in its own form, errors beside their fields. */
export async function saveDisplayAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const target = await connectionTargetOf(formData);
  if (!target) return { error: INCOMPLETE };
  const values = formValues(formData);
  const parsed = connectionDisplaySchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await setConnectionDisplay(ssoContext(), { ...target, ...parsed.data });
  if (!result.ok) return { error: result.error, values };
  revalidateSecurity();
  return { success: result.value.changed ? "Name and button text saved." : "Nothing changed: the name and button text are as they were." };
}
