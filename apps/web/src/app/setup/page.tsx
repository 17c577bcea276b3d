import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PROVIDERS, setupLinkSenderName, SSO_PROVIDERS } from "@gatehouse/core";
import { listConnections, ssoUrls } from "@gatehouse/sso";
import { Card, CardHeader, TableHead } from "@gatehouse/ui";
import { env } from "@/env";
import { ssoContext } from "@/server/sso-context";
import { ssoSetupAccess } from "@/server/sso-setup-access";
import { oidcPasteValues, PasteValues, samlPasteValues, SpCertificateLink } from "../(console)/settings/security/_components/paste-values";
import { StatusBadge } from "../(console)/settings/security/_components/status-badge";
import { FlashBanner } from "../(console)/_components/flash-banner";

export const metadata: Metadata = { title: "Set up single sign-on" };

/** Where a setup link lands: this account's connections, a new one, and the values for the IdP. */
export default async function SetupLinkHome({ searchParams }: { searchParams: Promise<{ flash?: string }> }) {
  const access = await ssoSetupAccess("view_connections");
  // Without a setup link this page has nothing to show: admins have the console's own page.
  if (!("setupLink" in access) || !access.setupLink) redirect("/settings/security");
  const params = await searchParams;
  const ctx = ssoContext();
  const connections = await listConnections(ctx.db, access.accountId, ctx.encryptionKey);
  const urls = ssoUrls(env().APP_URL);
  const sender = await setupLinkSenderName(ctx, access.setupLink);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Set up single sign-on for {access.accountName}</h1>
        <p className="mt-1 text-sm text-slate-700" data-testid="setup-link-sender">
          {sender ? `${sender} at ${access.accountName}` : `${access.accountName}'s admins`} asked you to set up single sign-on.
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Add the application in your identity provider, save the connection here, run Test Connection and Authenticate. {access.accountName}&apos;s admins are
          told when it is ready and switch it on.
        </p>
      </div>
      <FlashBanner id={params.flash} />
      <Card>
        <CardHeader title={`Connections (${connections.length})`} />
        {connections.length === 0 ? (
          <p className="px-5 py-6 text-center text-sm text-slate-500">No connections yet. Add one below.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead columns={["Name", "Provider", "Status"]} />
            <tbody className="divide-y divide-slate-100">
              {connections.map((c) => (
                <tr key={c.id} data-testid="connection-row">
                  <td className="px-5 py-3 font-medium">
                    <Link href={`${access.base}/${c.id}`} className="text-indigo-700 hover:underline">
                      {c.name}
                    </Link>
                  </td>
                  <td className="px-5 py-3 text-slate-700">{c.providerLabel}</td>
                  <td className="px-5 py-3">
                    <StatusBadge connection={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card>
        <CardHeader title="New connection" description="Choose your identity provider. Any other provider works with OpenID Connect or SAML 2.0." />
        <div className="flex flex-wrap gap-2 px-5 py-4">
          {SSO_PROVIDERS.map((id) => (
            <Link
              key={id}
              href={`${access.base}/new?provider=${id}`}
              className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              {PROVIDERS[id].label}
            </Link>
          ))}
        </div>
      </Card>
      <Card>
        <CardHeader title="Values for your identity provider" />
        <div className="space-y-3 px-5 py-4">
          <PasteValues
            values={[
              ...oidcPasteValues(urls).map((v) => ({ ...v, label: `OIDC ${v.label}` })),
              ...samlPasteValues(urls).map((v) => ({ ...v, label: `SAML ${v.label}` })),
            ]}
          />
          <SpCertificateLink href={urls.spCertificateUrl} />
        </div>
      </Card>
    </div>
  );
}
