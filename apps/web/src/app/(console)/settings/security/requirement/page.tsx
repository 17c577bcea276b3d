import type { Metadata } from "next";
import Link from "next/link";
import { previewEnforcement, ROLE_LABELS, type EnforcementTarget } from "@gatehouse/core";
import { Alert, Button, Card, CardHeader, Field, TableHead, TableScroll } from "@gatehouse/ui";
import { requireAdmin } from "@/server/admin-guard";
import { coreContext } from "@/server/context";
import { AdminsOnly } from "../../../_components/admins-only";
import { FlashBanner } from "../../../_components/flash-banner";
import { confirmEnforcementAction } from "../requirement-actions";

export const metadata: Metadata = { title: "Require SSO" };

type Params = Promise<{ target?: string; domainId?: string; requireMfa?: string; flash?: string }>;

/**
 * The confirmation step before SSO is required (account-wide or for a domain): the interlock,
 * exactly who would be locked out, the sessions that end, and the typed confirmation.
 */
export default async function RequireSsoPage({ searchParams }: { searchParams: Params }) {
  const access = await requireAdmin();
  if (!access.ok) return <AdminsOnly what="change how members sign in to" accountName={access.accountName} />;
  const { session } = access;
  const params = await searchParams;
  const domainId = typeof params.domainId === "string" && /^[0-9a-f-]{36}$/i.test(params.domainId) ? params.domainId : null;
  const target: EnforcementTarget = params.target === "domain" && domainId ? { kind: "domain", domainId } : { kind: "account" };
  const preview = await previewEnforcement(coreContext(), { accountId: session.activeAccount.id, target });
  const back = (
    <Link href="/settings/security" className="text-sm font-medium text-indigo-700 hover:underline">
      Back to single sign-on
    </Link>
  );
  if (!preview) {
    return (
      <div className="space-y-4">
        <Alert tone="error">That domain is no longer verified for this account.</Alert>
        {back}
      </div>
    );
  }
  const scope = preview.target.kind === "domain" ? `people on ${preview.target.label}` : `every member of ${preview.account.name}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Require SSO for {scope}</h1>
        <p className="mt-1 text-sm text-slate-600">
          They will sign in only through {preview.account.name}&apos;s single sign-on. Members with “SSO off” on the Team page keep their password.
        </p>
      </div>
      <FlashBanner id={params.flash} />
      {!preview.hasFreshTest ? (
        <Alert tone="error" title="Test a connection first">
          No switched-on connection has signed in successfully in the last 24 hours. Run Authenticate or a test sign-in by email on a connection (or mark it as
          tested after a success), then come back.
        </Alert>
      ) : (
        <>
          <Card>
            <CardHeader
              title={
                preview.lockedOut.length === 0
                  ? "Nobody would be locked out"
                  : `${preview.lockedOut.length} ${preview.lockedOut.length === 1 ? "person" : "people"} would be locked out`
              }
              description={`Of the ${preview.affected.length} ${preview.affected.length === 1 ? "member" : "members"} this affects, these never signed in through SSO, their email is not on a verified domain of this account, and they are not exempt.`}
            />
            {preview.lockedOut.length > 0 ? (
              <TableScroll>
                <table className="w-full text-left text-sm" aria-label="Members who would be locked out">
                  <TableHead columns={["Name", "Email", "Role"]} />
                  <tbody className="divide-y divide-slate-100">
                    {preview.lockedOut.map((m) => (
                      <tr key={m.userId} data-testid="locked-out-row">
                        <td className="px-5 py-3 font-medium">{m.name || "—"}</td>
                        <td className="px-5 py-3 text-slate-700">{m.email}</td>
                        <td className="px-5 py-3 text-slate-700">{ROLE_LABELS[m.role]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
          </Card>
          {!preview.hasExemptAdmin ? (
            <Alert tone="warning" title="Keep one admin exempt">
              We recommend turning on “SSO off” for one account admin on the{" "}
              <Link href="/settings/team" className="underline">
                Team page
              </Link>{" "}
              first, so someone can still sign in with a password if your identity provider stops working.
            </Alert>
          ) : null}
          <Alert tone="warning" title="Sessions end now">
            {preview.sessionsToEnd === 0
              ? "No one affected is signed in without SSO right now."
              : `${preview.sessionsToEnd} ${preview.sessionsToEnd === 1 ? "session" : "sessions"} of affected members that ${preview.sessionsToEnd === 1 ? "was" : "were"} not signed in through SSO will end at once.`}{" "}
            They may lose unsaved work.
          </Alert>
          <Card>
            <form action={confirmEnforcementAction} className="space-y-4 px-5 py-4">
              <input type="hidden" name="target" value={preview.target.kind} />
              {preview.target.kind === "domain" ? <input type="hidden" name="domainId" value={preview.target.domainId} /> : null}
              {params.requireMfa === "on" ? <input type="hidden" name="requireMfa" value="on" /> : null}
              <Field
                label={`Type ${preview.account.slug} to confirm`}
                name="confirmation"
                autoComplete="off"
                required
                hint="The account's sign-in name (or its name)."
              />
              <Button type="submit" variant="danger">
                Require SSO
              </Button>
            </form>
          </Card>
        </>
      )}
      {back}
    </div>
  );
}
