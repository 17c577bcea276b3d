"use server";

import { enableScim, disableScim, revokeScimDirectoryToken, rotateScimDirectoryToken, runScimSelfTest, setScimDefaultRole, ROLE_LABELS } from "@gatehouse/core";
import { coreContext } from "@/server/context";
import { formValues } from "@/lib/forms/action-state";
import { disableScimSchema, issueScimTokenSchema, revokeScimTokenSchema, scimDefaultRoleSchema } from "@/lib/validators/scim";
import { connectionTargetOf, INCOMPLETE, revalidateSecurity, runConnectionAction } from "./_lib/connection-action";
import type { ScimSelfTestState, ScimTokenState } from "./_lib/scim-state";

/**
 * Enable SCIM 2.0 and Rotate token: both answer their own form (useActionState) with the new
 * token, so it is shown once, in this response only, with or without JavaScript.
 */
export async function issueScimTokenAction(_state: ScimTokenState, formData: FormData): Promise<ScimTokenState> {
  const target = await connectionTargetOf(formData, "issue_scim_token");
  const parsed = issueScimTokenSchema.safeParse(formValues(formData));
  if (!target || !parsed.success) return { error: INCOMPLETE };
  const ctx = coreContext();
  if (parsed.data.intent === "enable") {
    const result = await enableScim(ctx, target);
    if (!result.ok) return { error: result.error };
    revalidateSecurity();
    return { issued: { token: result.value.token, prefix: result.value.prefix, baseUrl: result.value.baseUrl, intent: "enable" } };
  }
  const result = await rotateScimDirectoryToken(ctx, target);
  if (!result.ok) return { error: result.error };
  revalidateSecurity();
  return {
    issued: {
      token: result.value.token,
      prefix: result.value.prefix,
      intent: "rotate",
      graceUntil: result.value.graceUntil.toISOString(),
      graceHours: result.value.graceHours,
    },
  };
}

export async function revokeScimTokenAction(formData: FormData) {
  const parsed = revokeScimTokenSchema.safeParse(formValues(formData));
  await runConnectionAction(
    formData,
    async (connectionId, accountId, actor) => {
      if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? INCOMPLETE };
      return revokeScimDirectoryToken(coreContext(), { accountId, connectionId, actor, tokenId: parsed.data.tokenId });
    },
    (value) => `Token ${value.prefix}… revoked. Requests with it now get 401.`,
  );
}

export async function setScimDefaultRoleAction(formData: FormData) {
  const parsed = scimDefaultRoleSchema.safeParse(formValues(formData));
  await runConnectionAction(
    formData,
    async (connectionId, accountId, actor) => {
      if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? INCOMPLETE };
      return setScimDefaultRole(coreContext(), { accountId, connectionId, actor, role: parsed.data.role });
    },
    () => `New SCIM members will join as ${parsed.success ? ROLE_LABELS[parsed.data.role] : "members"}. Existing members keep their roles.`,
  );
}

export async function disableScimAction(formData: FormData) {
  const parsed = disableScimSchema.safeParse(formValues(formData));
  await runConnectionAction(
    formData,
    async (connectionId, accountId, actor) => {
      if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? INCOMPLETE };
      return disableScim(coreContext(), { accountId, connectionId, actor });
    },
    (value) =>
      `SCIM switched off; ${value.tokensRevoked === 1 ? "1 token" : `${value.tokensRevoked} tokens`} revoked. Members it added stay until you remove them.`,
  );
}

/** Run self-test: a live conformance check against this app's own SCIM endpoint. */
export async function runScimSelfTestAction(_state: ScimSelfTestState, formData: FormData): Promise<ScimSelfTestState> {
  const target = await connectionTargetOf(formData);
  if (!target) return { error: INCOMPLETE };
  const result = await runScimSelfTest(coreContext(), target);
  revalidateSecurity();
  return result.ok ? { report: result.value } : { error: result.error };
}
