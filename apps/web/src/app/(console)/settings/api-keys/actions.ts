"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { issueApiKey, revokeApiKey } from "@gatehouse/core";
import { actorOf, requireAccount } from "@/auth/session";
import { fieldErrorsOf, formValues } from "@/lib/forms/action-state";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validators/api-keys";
import { coreContext } from "@/server/context";
import { flashTo } from "@/server/flash";
import type { IssuedKeyState } from "./_lib/issued-state";

const PAGE = "/settings/api-keys";

/** Create answers its own form, so the key is shown once, in this response only. issueApiKey checks the role. */
export async function createApiKeyAction(_state: IssuedKeyState, formData: FormData): Promise<IssuedKeyState> {
  const session = await requireAccount();
  const values = formValues(formData);
  const parsed = createApiKeySchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const { expiresOn, ...input } = parsed.data;
  const issued = await issueApiKey(coreContext(), {
    ...input,
    expiresAt: expiresOn,
    accountId: session.activeAccount.id,
    actor: await actorOf(session),
    // A token made after an SSO sign-in keeps working if the account later requires SSO.
    signedInThroughConnectionId: session.method === "sso" ? session.connectionId : null,
  });
  if (!issued.ok) return { error: issued.error, values };
  revalidatePath(PAGE);
  return { issued: { token: issued.value.token, prefix: issued.value.prefix, name: issued.value.name, scope: issued.value.scope } };
}

export async function revokeApiKeyAction(formData: FormData): Promise<void> {
  const session = await requireAccount();
  const parsed = revokeApiKeySchema.safeParse(formValues(formData));
  const result = parsed.success
    ? await revokeApiKey(coreContext(), { accountId: session.activeAccount.id, keyId: parsed.data.keyId, actor: await actorOf(session) })
    : ({ ok: false, error: "That request was incomplete. Reload the page and try again." } as const);
  revalidatePath(PAGE);
  redirect(
    await flashTo(
      PAGE,
      result.ok ? { tone: "success", text: `Key ${result.value.prefix}… revoked. Requests with it now get 401.` } : { tone: "error", text: result.error },
    ),
  );
}
