import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listAccountDomains } from "@gatehouse/core";
import { env } from "@/env";
import { db } from "@/server/context";
import { readFlash } from "@/server/flash";
import { ssoSetupAccess } from "@/server/sso-setup-access";
import { FlashBanner } from "../../(console)/_components/flash-banner";
import { AddDomainCard } from "../../(console)/settings/domains/_components/add-domain-card";
import { DomainCard } from "../../(console)/settings/domains/_components/domain-card";
import { addSetupDomainAction, verifySetupDomainAction } from "./actions";

export const metadata: Metadata = { title: "Verify domains" };

/** A setup link that covers domains: add them and prove them by DNS; everything else about them stays with the admins. */
export default async function SetupDomainsPage({ searchParams }: { searchParams: Promise<{ flash?: string }> }) {
  const access = await ssoSetupAccess("view_domains");
  // Without a link that covers domains this page does not exist.
  if (!("base" in access) || !access.setupLink) notFound();
  const params = await searchParams;
  const [domains, flash] = await Promise.all([listAccountDomains(db(), access.accountId), readFlash(params.flash)]);
  const refused = flash?.tone === "error" ? flash : null;
  const sandboxUrl = env().NODE_ENV !== "production" ? (env().IDP_SANDBOX_URL ?? null) : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Verify domains for {access.accountName}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Prove that {access.accountName} owns its email domains with a DNS TXT record. What a verified domain does (routing, joining, enforcement) stays with
          the account&apos;s admins.
        </p>
      </div>
      <FlashBanner id={params.flash} />
      <AddDomainCard action={addSetupDomainAction} typed={refused?.typed?.domain} />
      {domains.length === 0 ? <p className="text-sm text-slate-500">No domains yet.</p> : null}
      {domains.map((domain) => (
        <DomainCard key={domain.id} domain={domain} confirmRemove={false} sandboxUrl={sandboxUrl} verifyAction={verifySetupDomainAction} manage={false} />
      ))}
    </div>
  );
}
