"use server";

import { removeConnectionLogo, setConnectionLogo } from "@gatehouse/sso";
import type { ActionState } from "@/lib/forms/action-state";
import { ssoContext } from "@/server/sso-context";
import { connectionTargetOf, INCOMPLETE, revalidateSecurity, runConnectionAction } from "./_lib/connection-action";

/**
 * The logo upload: a multipart post whose file is read here as bytes. setConnectionLogo decides
 * what the file is from its bytes (never its name or declared type), limits the size and
 * sanitises SVG; a refused file changes nothing.
 */
export async function setLogoAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const target = await connectionTargetOf(formData);
  if (!target) return { error: INCOMPLETE };
  const file = formData.get("logo");
  // With no file chosen, browsers still post the field: an unnamed, empty file.
  if (!(file instanceof File) || (file.name === "" && file.size === 0)) return { error: "Choose a PNG, JPG or SVG file first." };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await setConnectionLogo(ssoContext(), { ...target, fileName: file.name, contentType: file.type, bytes });
  if (!result.ok) return { error: result.error };
  revalidateSecurity();
  return { success: "Logo saved. It shows on this connection's sign-in button." };
}

export async function removeLogoAction(formData: FormData) {
  await runConnectionAction(
    formData,
    (connectionId, accountId, actor) => removeConnectionLogo(ssoContext(), { accountId, connectionId, actor }),
    "Logo removed. The sign-in button shows its text only.",
  );
}
