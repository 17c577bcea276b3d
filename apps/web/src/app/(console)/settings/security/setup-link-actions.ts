"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createSetupLink, resendSetupLink, revokeSetupLink, type Result } from "@gatehouse/core";
import { actorOf, requireAccount } from "@/auth/session";
import { coreContext } from "@/server/context";
import type { ActionState } from "@/lib/forms/action-state";
import { INCOMPLETE, revalidateSecurity, SECURITY, withMessage } from "./_lib/connection-action";

/** "Send setup link" answers its own form, so a mistyped address stays in the field beside the reason. */
export async function createSetupLinkAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const session = await requireAccount();
  const email = String(formData.get("setupEmail") ?? "").slice(0, 320);
  const scope = formData.getAll("scope").filter((v): v is string => typeof v === "string");
  const result = await createSetupLink(coreContext(), { accountId: session.activeAccount.id, email, scope, actor: await actorOf(session) });
  if (!result.ok) return { error: result.error, values: { setupEmail: email, scope: scope.join(" ") } };
  revalidateSecurity();
  return { success: `Setup link sent to ${result.value.email}. It works for 7 days; its progress shows below.` };
}

const linkTarget = z.object({ linkId: z.string().uuid() });

async function runLinkAction(
  formData: FormData,
  run: (input: { accountId: string; linkId: string; actor: Awaited<ReturnType<typeof actorOf>> }) => Promise<Result<{ email: string }>>,
  success: (email: string) => string,
): Promise<never> {
  const session = await requireAccount();
  const parsed = linkTarget.safeParse({ linkId: formData.get("linkId") });
  if (!parsed.success) redirect(await withMessage(SECURITY, { error: INCOMPLETE }));
  const result = await run({ accountId: session.activeAccount.id, linkId: parsed.data.linkId, actor: await actorOf(session) });
  revalidateSecurity();
  redirect(await withMessage(SECURITY, result.ok ? { notice: success(result.value.email) } : { error: result.error }));
}

export async function revokeSetupLinkAction(formData: FormData) {
  await runLinkAction(
    formData,
    (input) => revokeSetupLink(coreContext(), input),
    (email) => `The setup link for ${email} no longer works.`,
  );
}

export async function resendSetupLinkAction(formData: FormData) {
  await runLinkAction(
    formData,
    (input) => resendSetupLink(coreContext(), input),
    (email) => `Sent a fresh setup link to ${email}; the earlier one no longer works.`,
  );
}
