"use server";

import { redirect } from "next/navigation";
import { getSecuritySettings, setDomainSsoEnforcement, updateSecuritySettings, type SecuritySettingsError } from "@gatehouse/core";
import { requireAdmin } from "@/server/admin-guard";
import { formValues } from "@/lib/forms/action-state";
import { confirmEnforcementSchema, domainEnforcementFormSchema, requirementFormSchema } from "@/lib/validators/enforcement";
import { coreContext } from "@/server/context";
import { INCOMPLETE, revalidateSecurity, SECURITY, withMessage } from "./_lib/connection-action";

const REQUIREMENT = `${SECURITY}/requirement`;

function errorText(error: SecuritySettingsError, account: { slug: string }): string {
  switch (error.code) {
    case "forbidden":
      return "Only account admins can change how members sign in.";
    case "not_found":
      return "That domain is no longer verified for this account. Reload the page and try again.";
    case "needs_fresh_test":
      return "No switched-on connection has signed in successfully in the last 24 hours. Run Authenticate or a test sign-in by email on a connection (or mark it as tested after a success), then try again.";
    case "would_lock_out":
    case "confirmation_mismatch":
      return `To confirm, type the account's sign-in name “${account.slug}” exactly.`;
  }
}

const endedText = (n: number) => (n > 0 ? ` ${n} session${n === 1 ? "" : "s"} not signed in through SSO ended.` : "");

/**
 * The "Authentication requirement" form. Switching to SSO only goes through the confirmation
 * page (fresh test, lockout list, typed confirmation); any other change is saved at once.
 */
export async function saveRequirementAction(formData: FormData): Promise<never> {
  const access = await requireAdmin();
  if (!access.ok) redirect(await withMessage(SECURITY, { error: access.error }));
  const { session } = access;
  const parsed = requirementFormSchema.safeParse(formValues(formData));
  if (!parsed.success) redirect(await withMessage(SECURITY, { error: parsed.error.issues[0]?.message ?? INCOMPLETE }));
  const accountId = session.activeAccount.id;
  const current = await getSecuritySettings(coreContext(), accountId);
  const requireMfa = parsed.data.requireMfa === "on";
  if (parsed.data.authRequired === "sso" && current?.authRequired !== "sso") {
    redirect(`${REQUIREMENT}?${new URLSearchParams({ target: "account", ...(requireMfa ? { requireMfa: "on" } : {}) }).toString()}`);
  }
  const result = await updateSecuritySettings(coreContext(), { accountId, actor: access.actor, authRequired: parsed.data.authRequired, requireMfa });
  revalidateSecurity();
  if (!result.ok) redirect(await withMessage(SECURITY, { error: errorText(result.error, session.activeAccount) }));
  redirect(await withMessage(SECURITY, { notice: "Authentication requirement saved." }));
}

/** A domain's "Require SSO" switch: on goes through the confirmation page, off is saved at once. */
export async function setDomainEnforcementAction(formData: FormData): Promise<never> {
  const access = await requireAdmin();
  if (!access.ok) redirect(await withMessage(SECURITY, { error: access.error }));
  const { session } = access;
  const parsed = domainEnforcementFormSchema.safeParse(formValues(formData));
  if (!parsed.success) redirect(await withMessage(SECURITY, { error: parsed.error.issues[0]?.message ?? INCOMPLETE }));
  if (parsed.data.enforceSso === "on") redirect(`${REQUIREMENT}?${new URLSearchParams({ target: "domain", domainId: parsed.data.domainId }).toString()}`);
  const result = await setDomainSsoEnforcement(coreContext(), {
    accountId: access.accountId,
    actor: access.actor,
    domainId: parsed.data.domainId,
    enforceSso: false,
  });
  revalidateSecurity();
  if (!result.ok) redirect(await withMessage(SECURITY, { error: errorText(result.error, session.activeAccount) }));
  redirect(await withMessage(SECURITY, { notice: "People on that domain may use a password again." }));
}

/** The confirmation page's button: switches enforcement on with the typed confirmation. */
export async function confirmEnforcementAction(formData: FormData): Promise<never> {
  const access = await requireAdmin();
  if (!access.ok) redirect(await withMessage(SECURITY, { error: access.error }));
  const { session } = access;
  const parsed = confirmEnforcementSchema.safeParse(formValues(formData));
  if (!parsed.success || (parsed.data.target === "domain" && !parsed.data.domainId)) redirect(await withMessage(SECURITY, { error: INCOMPLETE }));
  const { target, domainId, requireMfa, confirmation } = parsed.data;
  const input = { accountId: access.accountId, actor: access.actor, confirmation };
  const result =
    target === "domain"
      ? await setDomainSsoEnforcement(coreContext(), { ...input, domainId: domainId!, enforceSso: true })
      : await updateSecuritySettings(coreContext(), { ...input, authRequired: "sso", requireMfa: requireMfa === "on" });
  revalidateSecurity();
  if (!result.ok) {
    const back = `${REQUIREMENT}?${new URLSearchParams({ target, ...(domainId ? { domainId } : {}), ...(requireMfa ? { requireMfa } : {}) }).toString()}`;
    redirect(await withMessage(back, { error: errorText(result.error, session.activeAccount) }));
  }
  const what = target === "domain" ? "SSO is now required for people on that domain." : "SSO is now required to sign in to this account.";
  redirect(await withMessage(SECURITY, { notice: `${what}${endedText(result.value.endedSessions)}` }));
}
