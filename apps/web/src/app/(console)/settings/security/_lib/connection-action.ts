import { revalidatePath } from "next/cache";
import type { Actor, Result, SetupLinkStep } from "@gatehouse/core";
import { SETUP_BASE as SETUP, ssoSetupAccess } from "@/server/sso-setup-access";
import { formValues } from "@/lib/forms/action-state";
import { flashTo } from "@/server/flash";
import { runFormAction } from "@/server/form-action";
import { connectionTargetSchema } from "@/lib/validators/sso";
import { connectionTabOf, onTab } from "./connection-tabs";

// Shared by the security pages' server action files. Not a "use server" module itself: nothing
// here may become an endpoint of its own.

export const SECURITY = "/settings/security";
export { INCOMPLETE } from "@/server/form-action";
const ADMINS_ONLY = "Only account admins can configure single sign-on.";

/** Where to send the browser after an action, with its message kept server-side (see flashTo). */
export const withMessage = (path: string, message: { notice: string } | { error: string }) =>
  flashTo(path, "notice" in message ? { tone: "success", text: message.notice } : { tone: "error", text: message.error });

/**
 * The row actions on a connection's page: plain posts that come back with a message, so they
 * work without JavaScript. The sso functions check the admin role themselves; `step` says what a
 * setup link's recipient is attempting (without one, only admins may).
 */
export async function runConnectionAction<T>(
  formData: FormData,
  run: (connectionId: string, accountId: string, actor: Actor) => Promise<Result<T>>,
  success: string | ((value: T) => string),
  after: (connectionId: string) => string = (id) => `${SECURITY}/${id}`,
  step: SetupLinkStep = "console_page",
): Promise<never> {
  const access = await ssoSetupAccess(step);
  const base = "base" in access ? access.base : SECURITY;
  // The wizard's paths are the console's with another base: /setup/<id> for a setup link.
  const onBase = (path: string) => (base === SECURITY ? path : path.replace(SECURITY, base));
  // Back to the tab the form sits on (a refusal shows next to it); the list page has no tabs.
  const tab = connectionTabOf(formData.get("tab"));
  const page = (connectionId: string) => `${base}/${connectionId}`;
  return runFormAction({
    schema: connectionTargetSchema,
    input: formValues(formData),
    gate: async () => ("base" in access ? { accountId: access.accountId, actor: access.actor } : { error: "refused" in access ? access.refused : ADMINS_ONLY }),
    run: ({ connectionId }, { accountId, actor }) => run(connectionId, accountId, actor),
    success,
    back: (target) => (target ? onTab(page(target.connectionId), tab) : base),
    after: ({ connectionId }) => {
      const path = onBase(after(connectionId));
      return path === page(connectionId) ? onTab(path, tab) : path;
    },
    revalidate: [SECURITY, SETUP],
  });
}

export type ConnectionTarget = { connectionId: string; accountId: string; actor: Actor };

/** For actions that answer their own form (useActionState): who asks, about which connection. */
export async function connectionTargetOf(formData: FormData, step: SetupLinkStep = "console_page"): Promise<ConnectionTarget | null> {
  const access = await ssoSetupAccess(step);
  const parsed = connectionTargetSchema.safeParse({ connectionId: formData.get("connectionId") });
  if (!parsed.success || !("base" in access)) return null;
  return { connectionId: parsed.data.connectionId, accountId: access.accountId, actor: access.actor };
}

/** After a change the connection's page (and the list) must show the new state. */
export const revalidateSecurity = () => {
  revalidatePath(SECURITY, "layout");
  revalidatePath(SETUP, "layout");
};
