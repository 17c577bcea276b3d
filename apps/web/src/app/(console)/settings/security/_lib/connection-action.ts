import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor, Result } from "@gatehouse/core";
import { actorOf, requireAccount } from "@/auth/session";
import { formValues } from "@/lib/forms/action-state";
import { flashTo } from "@/server/flash";
import { connectionTargetSchema } from "@/lib/validators/sso";

// Shared by the security pages' server action files. Not a "use server" module itself: nothing
// here may become an endpoint of its own.

export const SECURITY = "/settings/security";
export const INCOMPLETE = "That request was incomplete. Reload the page and try again.";

/** Where to send the browser after an action, with its message kept server-side (see flashTo). */
export const withMessage = (path: string, message: { notice: string } | { error: string }) =>
  flashTo(path, "notice" in message ? { tone: "success", text: message.notice } : { tone: "error", text: message.error });

/**
 * The row actions on a connection's page: plain posts that come back with a message, so they
 * work without JavaScript. The sso functions check the admin role themselves.
 */
export async function runConnectionAction<T>(
  formData: FormData,
  run: (connectionId: string, accountId: string, actor: Actor) => Promise<Result<T>>,
  success: string | ((value: T) => string),
  after: (connectionId: string) => string = (id) => `${SECURITY}/${id}`,
): Promise<never> {
  const session = await requireAccount();
  const parsed = connectionTargetSchema.safeParse(formValues(formData));
  if (!parsed.success) redirect(await withMessage(SECURITY, { error: INCOMPLETE }));
  const { connectionId } = parsed.data;
  const result = await run(connectionId, session.activeAccount.id, await actorOf(session));
  revalidatePath(SECURITY, "layout");
  if (!result.ok) redirect(await withMessage(`${SECURITY}/${connectionId}`, { error: result.error }));
  redirect(await withMessage(after(connectionId), { notice: typeof success === "string" ? success : success(result.value) }));
}

export type ConnectionTarget = { connectionId: string; accountId: string; actor: Actor };

/** For actions that answer their own form (useActionState): who asks, about which connection. */
export async function connectionTargetOf(formData: FormData): Promise<ConnectionTarget | null> {
  const session = await requireAccount();
  const parsed = connectionTargetSchema.safeParse({ connectionId: formData.get("connectionId") });
  if (!parsed.success) return null;
  return { connectionId: parsed.data.connectionId, accountId: session.activeAccount.id, actor: await actorOf(session) };
}

/** After a change the connection's page (and the list) must show the new state. */
export const revalidateSecurity = () => revalidatePath(SECURITY, "layout");
