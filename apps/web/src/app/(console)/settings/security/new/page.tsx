import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SSO_PROVIDER_IDS, ssoUrls, type SsoProviderId } from "@gatehouse/sso";
import { requireAdmin } from "@/server/admin-guard";
import { env } from "@/env";
import { connectionFormDefaults, connectionFormMeta } from "../_lib/form-defaults";
import { ConnectionForm } from "../_components/connection-form";
import { AdminsOnly } from "../../../_components/admins-only";

export const metadata: Metadata = { title: "Configure SSO" };

const isProvider = (value: unknown): value is SsoProviderId => typeof value === "string" && (SSO_PROVIDER_IDS as readonly string[]).includes(value);

export default async function NewConnectionPage({ searchParams }: { searchParams: Promise<{ provider?: string }> }) {
  const access = await requireAdmin();
  if (!access.ok) return <AdminsOnly what="configure single sign-on for" accountName={access.accountName} />;
  const { provider } = await searchParams;
  if (!isProvider(provider)) redirect(`/settings/security?${new URLSearchParams({ error: "Choose an identity provider to add a connection." }).toString()}`);
  const meta = connectionFormMeta(provider, null);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/settings/security" className="font-medium text-indigo-700 hover:underline">← Single sign-on</Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Configure SSO: {meta.providerLabel}</h1>
        <p className="mt-1 text-sm text-slate-600">Set up the application in your identity provider, then fill in what it shows you. Saving does not switch anything on.</p>
      </div>
      <ConnectionForm meta={meta} defaults={connectionFormDefaults(provider, null)} urls={ssoUrls(env().APP_URL)} />
    </div>
  );
}
