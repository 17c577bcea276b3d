import type { Metadata } from "next";
import { listAccountDomains } from "@gatehouse/core";
import { requireAdmin } from "@/server/admin-guard";
import { env } from "@/env";
import { db } from "@/server/context";
import { readFlash } from "@/server/flash";
import { AdminsOnly } from "../../_components/admins-only";
import { FlashBanner } from "../../_components/flash-banner";
import { AddDomainCard } from "./_components/add-domain-card";
import { DomainCard } from "./_components/domain-card";
import { addDomainAction } from "./actions";

export const metadata: Metadata = { title: "Domains" };

type Params = Promise<{ flash?: string; remove?: string }>;

export default async function DomainsPage({ searchParams }: { searchParams: Params }) {
  const access = await requireAdmin();
  if (!access.ok) return <AdminsOnly what="verify domains for" accountName={access.accountName} />;
  const { session } = access;
  const params = await searchParams;
  const [domains, flash] = await Promise.all([listAccountDomains(db(), access.accountId), readFlash(params.flash)]);
  const refused = flash?.tone === "error" ? flash : null;
  const sandboxUrl = env().NODE_ENV !== "production" ? (env().IDP_SANDBOX_URL ?? null) : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Domains</h1>
        <p className="mt-1 text-sm text-slate-600">
          Prove that <strong>{session.activeAccount.name}</strong> owns an email domain with a DNS TXT record. People who type an email on a verified domain go
          straight to your SSO, and SSO email trust relies on verified domains.
        </p>
      </div>
      <FlashBanner id={params.flash} />

      <AddDomainCard action={addDomainAction} typed={refused?.typed?.domain} />

      {domains.length === 0 ? <p className="text-sm text-slate-500">No domains yet.</p> : null}
      {domains.map((domain) => (
        <DomainCard key={domain.id} domain={domain} confirmRemove={params.remove === domain.id} sandboxUrl={sandboxUrl} />
      ))}
    </div>
  );
}
