"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { disableSso, sendPasswordResets } from "@gatehouse/core";
import { requireAdmin } from "@/server/admin-guard";
import { fieldErrorsOf, formValues, type ActionState } from "@/lib/forms/action-state";
import { describeResetsSent } from "@/lib/support-messages";
import { confirmDisableSsoSchema, confirmsAccountName, passwordResetsSchema } from "@/lib/validators/support";
import { coreContext } from "@/server/context";
import { flashTo } from "@/server/flash";
import { SECURITY } from "./_lib/connection-action";

const PASSWORD_RESETS = `${SECURITY}/password-resets`;

/** Disable SSO from the account's own console: typed confirmation, then the reset-email offer. */
export async function disableSsoAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const access = await requireAdmin();
  if (!access.ok) return { error: access.error };
  const { session } = access;
  const parsed = confirmDisableSsoSchema.safeParse(formValues(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  if (!confirmsAccountName(parsed.data.confirmation, session.activeAccount.name)) {
    return { fieldErrors: { confirmation: `Type ${session.activeAccount.name} to confirm.` } };
  }
  const result = await disableSso(coreContext(), { accountId: access.accountId, actor: access.actor, bySupport: false });
  if (!result.ok) return { error: result.error };
  revalidatePath(SECURITY, "layout");
  const { connectionsDisabled, sessionsEnded } = result.value;
  redirect(
    await flashTo(PASSWORD_RESETS, {
      tone: "success",
      text: `SSO is off: ${connectionsDisabled} connection(s) switched off and ${sessionsEnded} SSO session(s) ended. Members now sign in with a password.`,
    }),
  );
}

export async function sendPasswordResetsAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const access = await requireAdmin();
  if (!access.ok) return { error: access.error };
  const values = formValues(formData);
  const parsed = passwordResetsSchema.safeParse({ ...values, userIds: formData.getAll("userIds") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { scope: values.scope ?? "all" } };
  const result = await sendPasswordResets(coreContext(), {
    accountId: access.accountId,
    actor: access.actor,
    bySupport: false,
    userIds: parsed.data.scope === "all" ? "all" : parsed.data.userIds,
  });
  return result.ok ? { success: describeResetsSent(result.value) } : { error: result.error };
}
