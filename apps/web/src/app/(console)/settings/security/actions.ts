"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteConnection, saveConnection, setConnectionEnabled, testConnection } from "@gatehouse/sso";
import { requireAdmin } from "@/server/admin-guard";
import { ssoContext } from "@/server/sso-context";
import { formValues, type ActionState } from "@/lib/forms/action-state";
import { connectionDataFromForm, connectionTargetSchema, deleteConnectionSchema, redisplayableValues, switchOffSchema } from "@/lib/validators/sso";
import { INCOMPLETE, runConnectionAction, SECURITY, withMessage } from "./_lib/connection-action";
import type { TestConnectionState } from "./_lib/test-state";

/**
 * The Configure SSO form. saveConnection parses the input (and checks the admin role) itself;
 * here the flat form post only becomes the nested object it expects. A new connection continues
 * on its own page; an edit stays on the page it came from.
 */
export async function saveConnectionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const access = await requireAdmin();
  if (!access.ok) return { error: access.error };
  const values = formValues(formData);
  const connectionId = values.connectionId ? values.connectionId : undefined;
  if (connectionId !== undefined && !connectionTargetSchema.safeParse({ connectionId }).success) return { error: INCOMPLETE };
  const result = await saveConnection(ssoContext(), {
    accountId: access.accountId,
    actor: access.actor,
    connectionId,
    data: connectionDataFromForm(values),
  });
  if (!result.ok) return { error: result.error.message, fieldErrors: result.error.fieldErrors, values: redisplayableValues(values) };
  revalidatePath(SECURITY, "layout");
  if (!connectionId) redirect(await withMessage(`${SECURITY}/${result.value.id}`, { notice: "Saved. Next, run Test Connection, then Authenticate." }));
  return { success: "Connection saved." };
}

/** Test Connection returns its report to the form (useActionState), with or without JavaScript. */
export async function testConnectionAction(_state: TestConnectionState, formData: FormData): Promise<TestConnectionState> {
  const access = await requireAdmin();
  if (!access.ok) return { error: access.error };
  const parsed = connectionTargetSchema.safeParse(formValues(formData));
  if (!parsed.success) return { error: INCOMPLETE };
  const result = await testConnection(ssoContext(), { accountId: access.accountId, connectionId: parsed.data.connectionId, actor: access.actor });
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
