import type { Metadata } from "next";
import Link from "next/link";
import { getSecuritySettings, listSetupLinks, PROVIDERS, SSO_PROVIDERS } from "@gatehouse/core";
import { listConnections, ssoUrls } from "@gatehouse/sso";
import { Card, CardHeader, CardTable } from "@gatehouse/ui";
import { requireAdmin } from "@/server/admin-guard";
import { env } from "@/env";
import { ssoContext } from "@/server/sso-context";
import { formatUtc } from "./_lib/format";
import { oidcPasteValues, PasteValues, samlPasteValues, SpCertificateLink } from "./_components/paste-values";
import { StatusBadge } from "./_components/status-badge";
import { ConnectionHealthBadge } from "./_components/connection-health";
import { DangerZone } from "./_components/danger-zone";
import { AuthRequirementCard } from "./_components/auth-requirement-card";
import { SetupLinksCard } from "./_components/setup-links-card";
import { AdminsOnly } from "../../_components/admins-only";
import { FlashBanner } from "../../_components/flash-banner";

export const metadata: Metadata = { title: "Single sign-on" };

type Params = Promise<{ flash?: string }>;

export default async function SecurityPage({ searchParams }: { searchParams: Params }) {
  const access = await requireAdmin();
  if (!access.ok) return <AdminsOnly what="configure single sign-on for" accountName={access.accountName} />;
  const { session } = access;
  const params = await searchParams;
  const ctx = ssoContext();
  const connections = await listConnections(ctx.db, session.activeAccount.id, ctx.encryptionKey);
  const urls = ssoUrls(env().APP_URL);
  const now = new Date();
  const settings = await getSecuritySettings(ctx, session.activeAccount.id);
  const setupLinks = await listSetupLinks(ctx, session.activeAccount.id);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Single sign-on</h1>
        <p className="mt-1 text-sm text-slate-600">
          Let members of <strong>{session.activeAccount.name}</strong> sign in with your company’s identity provider. A connection goes live only after you have
          signed in through it once yourself (Authenticate) and switched it on.
        </p>
      </div>
      <FlashBanner id={params.flash} />

      <Card>
        <CardHeader title={`Your connections (${connections.length})`} />
        <CardTable
          columns={["Name", "Provider", "Status", "Button text", "Last result"]}
          empty={connections.length === 0 ? "No connections yet. Add one below." : null}
        >
          {connections.map((c) => (
            <tr key={c.id} data-testid="connection-row">
              <td className="px-5 py-3 font-medium">
                <Link href={`/settings/security/${c.id}`} className="text-indigo-700 hover:underline">
                  {c.name}
                </Link>
              </td>
              <td className="px-5 py-3 text-slate-700">{c.providerLabel}</td>
              <td className="space-x-1 px-5 py-3">
                <StatusBadge connection={c} />
                <ConnectionHealthBadge connection={c} now={now} />
              </td>
              <td className="px-5 py-3 text-slate-700">{c.buttonText}</td>
              <td className="px-5 py-3 text-slate-600">
                {c.lastResult ? `${c.lastResult.ok ? "Succeeded" : "Failed"} ${formatUtc(c.lastResult.at)}` : "Never"}
              </td>
            </tr>
          ))}
        </CardTable>
      </Card>

      {settings ? (
        <div id="auth-requirement" className="scroll-mt-4">
          <AuthRequirementCard settings={settings} now={new Date()} />
        </div>
      ) : null}

      <Card>
        <CardHeader title="New connection" description="Choose your identity provider. Any other provider works with OpenID Connect or SAML 2.0." />
        <div className="flex flex-wrap gap-2 px-5 py-4">
          {SSO_PROVIDERS.map((id) => (
            <Link
              key={id}
              href={`/settings/security/new?provider=${id}`}
              className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              {PROVIDERS[id].label}
            </Link>
          ))}
        </div>
      </Card>

      <SetupLinksCard links={setupLinks} />

      <Card>
        <CardHeader
          title="Values for your identity provider"
          description="The same for every connection of this Gatehouse. Each connection's page shows the ones its protocol needs."
        />
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

      <DangerZone />
    </div>
  );
}
