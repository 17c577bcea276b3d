"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteConnection, saveConnection, setConnectionEnabled, testConnection } from "@gatehouse/sso";
import { actorOf, requireAccount } from "@/auth/session";
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
  const session = await requireAccount();
  const values = formValues(formData);
  const connectionId = values.connectionId ? values.connectionId : undefined;
  if (connectionId !== undefined && !connectionTargetSchema.safeParse({ connectionId }).success) return { error: INCOMPLETE };
  const result = await saveConnection(ssoContext(), {
    accountId: session.activeAccount.id,
    actor: await actorOf(session),
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
  const session = await requireAccount();
  const parsed = connectionTargetSchema.safeParse(formValues(formData));
  if (!parsed.success) return { error: INCOMPLETE };
  const result = await testConnection(ssoContext(), { accountId: session.activeAccount.id, connectionId: parsed.data.connectionId, actor: await actorOf(session) });
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
