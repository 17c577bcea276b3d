import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { SsoResultSummary } from "@gatehouse/db";
import { connectionProgress, getSecuritySettings, loadTestedMark, setupLinkActorLabel, type SsoSetupLinkRecord } from "@gatehouse/core";
import { Alert } from "@gatehouse/ui";
import { getConnectionView, hasPassedTestSinceSave, listConnectionActivity, LOGO_MAX_BYTES, ssoUrls } from "@gatehouse/sso";
import { ssoSetupAccess } from "@/server/sso-setup-access";
import { env } from "@/env";
import { ssoContext } from "@/server/sso-context";
import { connectionFormDefaults, connectionFormMeta } from "../_lib/form-defaults";
import { ConnectionActions, ConnectionDangerZone } from "../_components/connection-actions";
import { ConnectionTabs, type ConnectionTabPanel } from "../_components/connection-tabs";
import { SetupLinkHandOver } from "../_components/setup-link-hand-over";
import { ConnectionForm } from "../_components/connection-form";
import { CertificatesCard } from "../_components/certificates-card";
import { LastResultBanner, ResultsTable } from "../_components/last-result";
import { DisplayForm } from "../_components/display-form";
import { LogoCard } from "../_components/logo-card";
import { ScimCard } from "../_components/scim-card";
import { SetupLinkScim } from "../_components/setup-link-scim";
import { SetupStepper } from "../_components/setup-stepper";
import { StatusBadge } from "../_components/status-badge";
import { ConnectionHealthNotice } from "../_components/connection-health";
import { TestByEmailCard } from "../_components/test-by-email";
import { AdminsOnly } from "../../../_components/admins-only";
import { FlashMessage } from "../../../_components/flash-banner";
import { readFlash } from "@/server/flash";

export const metadata: Metadata = { title: "SSO connection" };

type Params = Promise<{ connectionId: string }>;
type Search = Promise<{ flash?: string; scimLog?: string }>;

export default async function ConnectionPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const access = await ssoSetupAccess("view_connections");
  if ("adminsOnly" in access) return <AdminsOnly what="configure single sign-on for" accountName={access.adminsOnly.activeAccount.name} />;
  if ("refused" in access) return <Alert tone="error">{access.refused}</Alert>;
  // A setup link's recipient configures and tests; the account's admins do the rest.
  const byAdmin = access.setupLink === null;
  const showScim = access.setupLink === null || access.setupLink.scope.includes("scim");
  const { connectionId } = await params;
  const search = await searchParams;
  const ctx = ssoContext();
  const connection = await getConnectionView(ctx.db, access.accountId, connectionId, ctx.encryptionKey);
  if (!connection) notFound();
  const [flash, activity, lastTestPassed, marked, security] = await Promise.all([
    readFlash(search.flash),
    listConnectionActivity(ctx.db, connection),
    hasPassedTestSinceSave(ctx.db, connection),
    loadTestedMark(ctx.db, connection),
    // Domains and enforcement follow the switch; they are the admins' steps, not a setup link's.
    byAdmin ? getSecuritySettings(ctx, access.accountId) : null,
  ]);
  // A reload keeps the flash's id in the URL for a while: a result that came in since is the news.
  const showFlash = flash !== null && !(connection.lastResult && flash.at && Date.parse(connection.lastResult.at) > flash.at);
  const progress = connectionProgress({
    enabled: connection.enabled,
    isVerified: connection.isVerified,
    lastTestPassed,
    followUps: security
      ? { domainVerified: security.domains.length > 0, ssoRequired: security.authRequired === "sso" || security.domains.some((d) => d.enforceSso) }
      : null,
  });
  const settings: ConnectionTabPanel = {
    value: "settings",
    label: "Settings",
    content: (
      <>
        <ConnectionForm
          meta={connectionFormMeta(connection.provider, connection)}
          defaults={connectionFormDefaults(connection.provider, connection)}
          urls={ssoUrls(env().APP_URL)}
          displayElsewhere={byAdmin}
        />
        {connection.protocol === "saml" ? <CertificatesCard connection={connection} /> : null}
      </>
    ),
  };
  // Display and the Danger zone are the account admins' (a setup link's recipient only configures).
  const panels: ConnectionTabPanel[] = byAdmin
    ? [
        settings,
        {
          value: "display",
          label: "Display",
          content: (
            <>
              <DisplayForm connection={connection} />
              <LogoCard connection={connection} maxBytes={LOGO_MAX_BYTES} />
            </>
          ),
        },
        { value: "danger", label: "Danger zone", content: <ConnectionDangerZone connection={connection} /> },
      ]
    : [settings];

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={access.base} className="font-medium text-indigo-700 hover:underline">
            ← Single sign-on
          </Link>
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-slate-900">{connection.name}</h1>
          <StatusBadge connection={connection} />
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {connection.providerLabel} · {connection.protocol === "saml" ? "SAML 2.0" : "OpenID Connect"}
          {connection.description ? ` · ${connection.description}` : ""}
        </p>
      </div>
      <SetupStepper progress={progress} />
      {/* One banner: what was just done (a success as a toast), or else the latest result (an Authenticate's included). */}
      {showFlash ? (
        <FlashMessage id={String(search.flash)} flash={flash} />
      ) : (
        <LastResultBanner result={byAdmin ? connection.lastResult : ownResult(connection.lastResult, access.setupLink)} />
      )}

      <ConnectionHealthNotice connection={connection} now={new Date()} />
      <nav aria-label="Sections" className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium text-indigo-700">
        <a href="#setup" className="hover:underline">
          Set up
        </a>
        {byAdmin ? (
          <a href="#results" className="hover:underline">
            Recent results
          </a>
        ) : null}
        <a href="#connection-tabs" className="hover:underline">
          Settings
        </a>
        {showScim ? (
          <a href="#scim" className="hover:underline">
            SCIM
          </a>
        ) : null}
      </nav>

      <section id="setup" aria-label="Set up" className="scroll-mt-4 space-y-6">
        {access.setupLink === null ? (
          <>
            <ConnectionActions connection={connection} accountSlug={access.accountSlug ?? ""} />
            <TestByEmailCard connectionId={connection.id} marked={marked} />
          </>
        ) : (
          <SetupLinkHandOver connection={connection} accountName={access.accountName} recipientEmail={access.setupLink.email} />
        )}
      </section>
      {/* Recent results name the members who signed in: not for a setup link's recipient. */}
      {byAdmin ? (
        <section id="results" aria-label="Recent results" className="scroll-mt-4">
          <ResultsTable activity={activity} />
        </section>
      ) : null}
      <section id="connection-tabs" aria-label="Connection settings" className="scroll-mt-4">
        <ConnectionTabs panels={panels} />
      </section>
      {byAdmin ? (
        <section id="scim" aria-label="SCIM provisioning" className="scroll-mt-4 border-t border-slate-200 pt-6">
          <ScimCard accountId={access.accountId} connectionId={connection.id} logCursor={search.scimLog} />
        </section>
      ) : null}
      {access.setupLink !== null && showScim ? (
        <section id="scim" aria-label="SCIM provisioning" className="scroll-mt-4 border-t border-slate-200 pt-6">
          <SetupLinkScim accountId={access.accountId} connectionId={connection.id} />
        </section>
      ) : null}
    </div>
  );
}

/** A setup link's recipient sees their own last result only: others' name the account's members. */
function ownResult(result: SsoResultSummary | null, link: SsoSetupLinkRecord | null): SsoResultSummary | null {
  return result && link && result.byUserEmail === setupLinkActorLabel(link.email) ? result : null;
}
