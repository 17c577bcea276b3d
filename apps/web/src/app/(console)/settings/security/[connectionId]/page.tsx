import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { eq, users } from "@gatehouse/db";
import { getConnectionView, listConnectionResults, LOGO_MAX_BYTES, ssoUrls } from "@gatehouse/sso";
import { Alert } from "@gatehouse/ui";
import { isAdminSession, requireAccount } from "@/auth/session";
import { env } from "@/env";
import { ssoContext } from "@/server/sso-context";
import { connectionFormDefaults, connectionFormMeta } from "../_lib/form-defaults";
import { ConnectionActions, DeleteConnection } from "../_components/connection-actions";
import { ConnectionForm } from "../_components/connection-form";
import { CertificatesCard } from "../_components/certificates-card";
import { LastResultBanner, ResultsTable } from "../_components/last-result";
import { LogoCard } from "../_components/logo-card";
import { ScimCard } from "../_components/scim-card";
import { StatusBadge } from "../_components/status-badge";
import { ConnectionHealthNotice } from "../_components/connection-health";
import { TestByEmailCard, type TestedMark } from "../_components/test-by-email";
import { AdminsOnly } from "../../../_components/admins-only";
import { FlashBanner } from "../../../_components/flash-banner";

export const metadata: Metadata = { title: "SSO connection" };

type Params = Promise<{ connectionId: string }>;
type Search = Promise<{ flash?: string; authenticated?: string; scimLog?: string }>;

export default async function ConnectionPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const session = await requireAccount();
  if (!isAdminSession(session)) {
    return <AdminsOnly what="configure single sign-on for" accountName={session.activeAccount.name} />;
  }
  const { connectionId } = await params;
  const search = await searchParams;
  const ctx = ssoContext();
  const connection = await getConnectionView(ctx.db, session.activeAccount.id, connectionId, ctx.encryptionKey);
  if (!connection) notFound();
  const results = await listConnectionResults(ctx.db, connection.id);
  const marked = await testedMark(connection.markedTestedAt, connection.markedTestedByUserId);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/settings/security" className="font-medium text-indigo-700 hover:underline">← Single sign-on</Link>
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
      <FlashBanner id={search.flash} />
      {search.authenticated === "1" ? <Alert tone="success" title="Authenticate succeeded">The settings work. You can switch the connection on.</Alert> : null}
      {search.authenticated === "0" ? <Alert tone="error" title="Authenticate did not succeed">The last result below says why and what to change.</Alert> : null}

      <ConnectionHealthNotice connection={connection} now={new Date()} />
      <LastResultBanner result={connection.lastResult} />
      <ConnectionActions connection={connection} accountSlug={session.activeAccount.slug} />
      <TestByEmailCard connectionId={connection.id} marked={marked} />
      <ResultsTable results={results} />
      {connection.protocol === "saml" ? <CertificatesCard connection={connection} /> : null}
      <LogoCard connection={connection} maxBytes={LOGO_MAX_BYTES} />
      <ScimCard accountId={session.activeAccount.id} connectionId={connection.id} logCursor={search.scimLog} />
      <DeleteConnection connectionId={connection.id} />

      <div className="border-t border-slate-200 pt-6">
        <h2 className="text-xl font-semibold text-slate-900">Edit settings</h2>
      </div>
      <ConnectionForm meta={connectionFormMeta(connection.provider, connection)} defaults={connectionFormDefaults(connection.provider, connection)} urls={ssoUrls(env().APP_URL)} />
    </div>
  );
}

/** "I already tested this connection": when, and which admin said so (their email, if they still exist). */
async function testedMark(at: Date | null, byUserId: string | null): Promise<TestedMark> {
  if (!at) return null;
  const [by] = byUserId ? await ssoContext().db.select({ email: users.email }).from(users).where(eq(users.id, byUserId)).limit(1) : [];
  return { at, byEmail: by?.email ?? null };
}
