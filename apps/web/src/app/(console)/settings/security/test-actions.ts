"use server";

import { markConnectionTested, sendTestEmail } from "@gatehouse/sso";
import type { ActionState } from "@/lib/forms/action-state";
import { ssoContext } from "@/server/sso-context";
import { connectionTargetOf, INCOMPLETE, revalidateSecurity, runConnectionAction } from "./_lib/connection-action";
import { formatUtc } from "./_lib/format";

/**
 * "Send test email" answers its own form, so a mistyped or non-member email stays in the field
 * beside the reason. sendTestEmail checks the admin role and membership itself.
 */
export async function sendTestEmailAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const target = await connectionTargetOf(formData);
  if (!target) return { error: INCOMPLETE };
  const memberEmail = String(formData.get("memberEmail") ?? "").slice(0, 320);
  const result = await sendTestEmail(ssoContext(), { ...target, memberEmail });
  if (!result.ok) return { error: result.error, values: { memberEmail } };
  revalidateSecurity();
  return {
    success: `Test email sent to ${result.value.email}. Its link works until ${formatUtc(result.value.expiresAt)}; the result appears under Recent results once they sign in.`,
  };
}

export async function markTestedAction(formData: FormData) {
  await runConnectionAction(
    formData,
    (connectionId, accountId, actor) => markConnectionTested(ssoContext(), { accountId, connectionId, actor }),
    (marked) => (marked.alreadyMarked ? `This connection was already marked as tested on ${formatUtc(marked.markedTestedAt)}.` : "Marked as tested."),
  );
}
