import { revalidatePath } from "next/cache";
import type { Actor, Result } from "@gatehouse/core";
import { requireAdmin } from "@/server/admin-guard";
import { formValues } from "@/lib/forms/action-state";
import { flashTo } from "@/server/flash";
import { INCOMPLETE, runFormAction, type ActionCaller } from "@/server/form-action";
import { connectionTargetSchema } from "@/lib/validators/sso";

// Shared by the security pages' server action files. Not a "use server" module itself: nothing
// here may become an endpoint of its own.

export const SECURITY = "/settings/security";
export { INCOMPLETE };

/** Where to send the browser after an action, with its message kept server-side (see flashTo). */
export const withMessage = (path: string, message: { notice: string } | { error: string }) =>
  flashTo(path, "notice" in message ? { tone: "success", text: message.notice } : { tone: "error", text: message.error });

/**
 * The row actions on a connection's page, through the console's one action runner: the admin
 * gate first, then back to the connection's page with a message.
 */
export function runConnectionAction<T>(
  formData: FormData,
  run: (connectionId: string, accountId: string, actor: Actor) => Promise<Result<T>>,
  success: string | ((value: T) => string),
  after: (connectionId: string) => string = (id) => `${SECURITY}/${id}`,
): Promise<never> {
  return runFormAction({
    schema: connectionTargetSchema,
    input: formValues(formData),
    gate: "admin",
    run: ({ connectionId }, { accountId, actor }) => run(connectionId, accountId, actor),
    success,
    back: (target) => (target ? `${SECURITY}/${target.connectionId}` : SECURITY),
    after: ({ connectionId }) => after(connectionId),
    revalidate: SECURITY,
  });
}

export type ConnectionTarget = ActionCaller & { connectionId: string };

/**
 * For actions that answer their own form (useActionState): which connection, and the admin who
 * asks; or the error to answer with (a member, or a form that did not parse).
 */
export async function connectionTargetOf(formData: FormData): Promise<ConnectionTarget | { error: string }> {
  const access = await requireAdmin();
  if (!access.ok) return { error: access.error };
  const parsed = connectionTargetSchema.safeParse({ connectionId: formData.get("connectionId") });
  if (!parsed.success) return { error: INCOMPLETE };
  return { connectionId: parsed.data.connectionId, accountId: access.accountId, actor: access.actor };
}

/** After a change the connection's page (and the list) must show the new state. */
export const revalidateSecurity = () => revalidatePath(SECURITY, "layout");
