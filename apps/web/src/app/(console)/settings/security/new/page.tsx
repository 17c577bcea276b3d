import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SSO_PROVIDER_IDS, ssoUrls, type SsoProviderId } from "@gatehouse/sso";
import { ssoSetupAccess } from "@/server/sso-setup-access";
import { Alert } from "@gatehouse/ui";
import { env } from "@/env";
import { connectionFormDefaults, connectionFormMeta } from "../_lib/form-defaults";
import { ConnectionForm } from "../_components/connection-form";
import { AdminsOnly } from "../../../_components/admins-only";

export const metadata: Metadata = { title: "Configure SSO" };

const isProvider = (value: unknown): value is SsoProviderId => typeof value === "string" && (SSO_PROVIDER_IDS as readonly string[]).includes(value);

export default async function NewConnectionPage({ searchParams }: { searchParams: Promise<{ provider?: string }> }) {
  const access = await ssoSetupAccess("save_connection");
  if ("adminsOnly" in access) return <AdminsOnly what="configure single sign-on for" accountName={access.adminsOnly.activeAccount.name} />;
  if ("refused" in access) return <Alert tone="error">{access.refused}</Alert>;
  const { provider } = await searchParams;
  if (!isProvider(provider)) redirect(`${access.base}?${new URLSearchParams({ error: "Choose an identity provider to add a connection." }).toString()}`);
  const meta = connectionFormMeta(provider, null);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={access.base} className="font-medium text-indigo-700 hover:underline">
            ← Single sign-on
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Configure SSO: {meta.providerLabel}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Set up the application in your identity provider, then fill in what it shows you. Saving does not switch anything on.
        </p>
      </div>
      <ConnectionForm meta={meta} defaults={connectionFormDefaults(provider, null)} urls={ssoUrls(env().APP_URL)} />
    </div>
  );
}
