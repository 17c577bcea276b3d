"use server";

import { addDomain, verifyDomainNow, type SetupLinkStep } from "@gatehouse/core";
import { domainContext } from "@/server/domain-context";
import { runFormAction, type ActionCaller } from "@/server/form-action";
import { formValues } from "@/lib/forms/action-state";
import { addDomainSchema, domainTargetSchema } from "@/lib/validators/domains";
import { ssoSetupAccess } from "@/server/sso-setup-access";

const SETUP_DOMAINS = "/setup/domains";

/** Only a setup link that covers domains: an admin without one uses the console's own page. */
async function setupLinkCaller(step: SetupLinkStep): Promise<ActionCaller | { error: string }> {
  const access = await ssoSetupAccess(step);
  if ("refused" in access) return { error: access.refused };
  if (!("base" in access) || !access.setupLink) return { error: "Open the setup link from your email again." };
  return { accountId: access.accountId, actor: access.actor };
}

export async function addSetupDomainAction(formData: FormData) {
  await runFormAction({
    schema: addDomainSchema,
    input: formValues(formData),
    gate: () => setupLinkCaller("add_domain"),
    run: (input, { accountId, actor }) => addDomain(domainContext(), { domain: input.domain, accountId, actor }),
    success: (row) => `${row.domain} added. Publish the TXT record below, then click Verify now.`,
    back: () => SETUP_DOMAINS,
    incomplete: (error) => error.issues[0]?.message ?? "Enter a domain, like acme.com.",
    revalidate: SETUP_DOMAINS,
    keep: ["domain"],
  });
}

export async function verifySetupDomainAction(formData: FormData) {
  await runFormAction({
    schema: domainTargetSchema,
    input: formValues(formData),
    gate: () => setupLinkCaller("verify_domain"),
    run: (input, { accountId, actor }) => verifyDomainNow(domainContext(), { ...input, accountId, actor }),
    success: (row) => (row.status === "verified" ? `${row.domain} is verified.` : `${row.domain} is not verified yet. ${row.lastCheckDetail ?? ""}`.trim()),
    back: () => SETUP_DOMAINS,
    revalidate: SETUP_DOMAINS,
  });
}
