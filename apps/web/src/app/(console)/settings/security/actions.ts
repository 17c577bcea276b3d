"use server";

import { redirect } from "next/navigation";
import { deleteConnection, saveConnection, setConnectionEnabled, testConnection } from "@gatehouse/sso";
import { ssoContext } from "@/server/sso-context";
import { ssoSetupAccess } from "@/server/sso-setup-access";
import { formValues, type ActionState } from "@/lib/forms/action-state";
import { connectionDataFromForm, connectionTargetSchema, deleteConnectionSchema, redisplayableValues, switchOffSchema } from "@/lib/validators/sso";
import { INCOMPLETE, revalidateSecurity, runConnectionAction, SECURITY, withMessage } from "./_lib/connection-action";
import type { TestConnectionState } from "./_lib/test-state";

/**
 * The Configure SSO form. saveConnection parses the input (and checks the admin role) itself;
 * here the flat form post only becomes the nested object it expects. A new connection continues
 * on its own page; an edit stays on the page it came from.
 */
export async function saveConnectionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const access = await ssoSetupAccess("save_connection");
  const values = formValues(formData);
  if (!("base" in access))
    return { error: "refused" in access ? access.refused : "Only account admins can configure SSO.", values: redisplayableValues(values) };
  const connectionId = values.connectionId ? values.connectionId : undefined;
  if (connectionId !== undefined && !connectionTargetSchema.safeParse({ connectionId }).success) return { error: INCOMPLETE };
  const result = await saveConnection(ssoContext(), { accountId: access.accountId, actor: access.actor, connectionId, data: connectionDataFromForm(values) });
  if (!result.ok) return { error: result.error.message, fieldErrors: result.error.fieldErrors, values: redisplayableValues(values) };
  revalidateSecurity();
  if (!connectionId) redirect(await withMessage(`${access.base}/${result.value.id}`, { notice: "Saved. Next, run Test Connection, then Authenticate." }));
  return { success: "Connection saved." };
}

/** Test Connection returns its report to the form (useActionState), with or without JavaScript. */
export async function testConnectionAction(_state: TestConnectionState, formData: FormData): Promise<TestConnectionState> {
  const access = await ssoSetupAccess("test_connection");
  if (!("base" in access)) return { error: "refused" in access ? access.refused : "Only account admins can test connections." };
  const parsed = connectionTargetSchema.safeParse(formValues(formData));
  if (!parsed.success) return { error: INCOMPLETE };
  const result = await testConnection(ssoContext(), { accountId: access.accountId, connectionId: parsed.data.connectionId, actor: access.actor });
  if (result.ok) revalidateSecurity();
  return result.ok ? { report: result.value } : { error: result.error };
}

export async function switchOnAction(formData: FormData) {
  await runConnectionAction(
    formData,
    (connectionId, accountId, actor) => setConnectionEnabled(ssoContext(), { accountId, connectionId, actor, enabled: true }),
    "Connection switched on. Members can now sign in with it.",
  );
}

export async function switchOffAction(formData: FormData) {
  // Switching off signs people out: the post must carry the dialog's (or the checkbox's) yes.
  const confirmed = switchOffSchema.safeParse(formValues(formData));
  await runConnectionAction(
    formData,
    async (connectionId, accountId, actor) => {
      if (!confirmed.success) return { ok: false, error: confirmed.error.issues[0]?.message ?? INCOMPLETE };
      return setConnectionEnabled(ssoContext(), { accountId, connectionId, actor, enabled: false });
    },
    "Connection switched off. Sessions it signed in have ended.",
  );
}

export async function deleteConnectionAction(formData: FormData) {
  const confirmed = deleteConnectionSchema.safeParse(formValues(formData));
  await runConnectionAction(
    formData,
    async (connectionId, accountId, actor) => {
      if (!confirmed.success) return { ok: false, error: confirmed.error.issues[0]?.message ?? INCOMPLETE };
      return deleteConnection(ssoContext(), { accountId, connectionId, actor });
    },
    "Connection deleted.",
    () => SECURITY,
  );
}
