import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isEnforcementSuspended, isSsoExemptNow, PROVIDERS, supportAccountView } from "@gatehouse/core";
import { Badge, Card, CardHeader, CardTable } from "@gatehouse/ui";
import { ROLE_LABELS } from "@gatehouse/core/limits";
import { formatUtcShort } from "@/lib/support-messages";
import { coreContext } from "@/server/context";
import { requireStaff } from "@/server/require-staff";
import { FlashBanner } from "@/app/(console)/_components/flash-banner";
import { AUTH_REQUIRED_LABELS } from "../../_components/labels";
import { DisableSsoForm, ResendInviteForm, ResetMfaForm, SendPasswordResetsForm, SuspendEnforcementForm } from "../../_components/support-forms";

export const metadata: Metadata = { title: "Account" };

type Params = Promise<{ accountId: string }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SupportAccountPage({ params, searchParams }: { params: Params; searchParams: Promise<{ flash?: string }> }) {
  await requireStaff();
  const { accountId } = await params;
  if (!UUID.test(accountId)) notFound();
  const view = await supportAccountView(coreContext(), accountId);
  if (!view) notFound();
  const { account, enforcement, connections, domains, members, pendingInvites, recentEvents } = view;
  const now = new Date();
  const suspended = isEnforcementSuspended(enforcement.suspendedUntil, now);

  return (
    <div className="space-y-6">
      <FlashBanner id={(await searchParams).flash} />
      <div>
        <Link href="/support" className="text-sm text-indigo-700 hover:underline">
          ← Find an account
        </Link>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{account.name}</h1>
        <p className="text-sm text-slate-600">
          Slug <span className="font-mono">{account.slug}</span> · created {formatUtcShort(account.createdAt)}
        </p>
      </div>

      <Card>
        <CardHeader title="Enforcement" />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 px-5 py-4 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Sign-in requirement</dt>
          <dd data-testid="support-auth-required">
            {AUTH_REQUIRED_LABELS[enforcement.authRequired]}
            {enforcement.requireMfa ? " · MFA required" : ""}
          </dd>
          <dt className="font-medium text-slate-700">Domains enforcing SSO</dt>
          <dd>{enforcement.enforcedDomains.join(", ") || "None"}</dd>
          <dt className="font-medium text-slate-700">Suspended</dt>
          <dd data-testid="support-suspension">{suspended ? <Badge tone="amber">until {formatUtcShort(enforcement.suspendedUntil!)}</Badge> : "No"}</dd>
        </dl>
      </Card>

      <Card>
        <CardHeader title={`Connections (${connections.length})`} />
        <CardTable columns={["Name", "Provider", "Status", "Last result", "Credentials"]} empty={connections.length === 0 && "No connections."}>
          {connections.map((c) => (
            <tr key={c.id} data-testid="support-connection-row">
              <td className="px-5 py-2 font-medium">{c.name}</td>
              <td className="px-5 py-2">{PROVIDERS[c.provider as keyof typeof PROVIDERS]?.label ?? c.provider}</td>
              <td className="px-5 py-2">
                {c.enabled ? <Badge tone="emerald">On</Badge> : <Badge>Off</Badge>} {c.verifiedAt ? null : <Badge tone="amber">never authenticated</Badge>}
              </td>
              <td className="px-5 py-2 text-slate-700">
                {c.lastResult
                  ? `${c.lastResult.ok ? "Succeeded" : "Failed"} ${formatUtcShort(c.lastResult.at)}${c.lastResult.reason ? `: ${c.lastResult.reason}` : ""}`
                  : "Never tried"}
              </td>
              <td className="px-5 py-2 text-slate-700">
                {c.health.message ? (
                  <Badge tone={c.health.status === "expired" ? "red" : "amber"}>{c.health.message}</Badge>
                ) : c.health.credential ? (
                  `Valid until ${formatUtcShort(c.health.credential.expiresAt)}`
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </CardTable>
      </Card>

      <Card>
        <CardHeader title={`Domains (${domains.length})`} />
        <CardTable columns={["Domain", "Status", "Enforces SSO", "Auto-join"]} empty={domains.length === 0 && "No domains."}>
          {domains.map((d) => (
            <tr key={d.id} data-testid="support-domain-row">
              <td className="px-5 py-2 font-mono text-xs">{d.domain}</td>
              <td className="px-5 py-2">{d.status}</td>
              <td className="px-5 py-2">{d.enforceSso ? "Yes" : "No"}</td>
              <td className="px-5 py-2">{d.autoJoin}</td>
            </tr>
          ))}
        </CardTable>
      </Card>

      <Card>
        <CardHeader title={`Members (${members.length})`} />
        <CardTable columns={["Email", "Name", "Role", "Password", "MFA", "SSO exemption"]}>
          {members.map((m) => (
            <tr key={m.userId} data-testid="support-member-row">
              <td className="px-5 py-2">{m.email}</td>
              <td className="px-5 py-2">{m.name}</td>
              <td className="px-5 py-2">{ROLE_LABELS[m.role]}</td>
              <td className="px-5 py-2">{m.hasPassword ? "Set" : "Never set"}</td>
              <td className="px-5 py-2" data-testid="support-member-mfa">
                {m.hasMfa ? <Badge tone="emerald">On</Badge> : "Off"}
              </td>
              <td className="px-5 py-2">{isSsoExemptNow(m, now) ? (m.ssoExemptUntil ? `Until ${formatUtcShort(m.ssoExemptUntil)}` : "Exempt") : "—"}</td>
            </tr>
          ))}
        </CardTable>
      </Card>

      <Card>
        <CardHeader
          title="Reset a member's MFA"
          description="For a member who lost their authenticator app and recovery codes. Their app and codes stop working and they are signed out everywhere (remembered browsers too); they set MFA up again after signing in."
        />
        {members.some((m) => m.hasMfa) ? (
          <ul className="divide-y divide-slate-100">
            {members
              .filter((m) => m.hasMfa)
              .map((m) => (
                <li key={m.userId} className="space-y-2 px-5 py-3" data-testid="support-mfa-reset-row">
                  <p className="text-sm">
                    <strong>{m.email}</strong> · {m.name}
                  </p>
                  <ResetMfaForm accountId={account.id} userId={m.userId} email={m.email} />
                </li>
              ))}
          </ul>
        ) : (
          <p className="px-5 py-4 text-sm text-slate-500">No member has MFA.</p>
        )}
      </Card>

      <Card>
        <CardHeader
          title={`Pending invites (${pendingInvites.length})`}
          description="Resending makes a fresh link (the old one stops working) valid for 7 days."
        />
        {pendingInvites.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">No pending invites.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {pendingInvites.map((invite) => (
              <li key={invite.id} className="space-y-2 px-5 py-3" data-testid="support-invite-row">
                <p className="text-sm">
                  <strong>{invite.email}</strong> · {ROLE_LABELS[invite.role]} · expires {formatUtcShort(invite.expiresAt)}
                </p>
                <ResendInviteForm accountId={account.id} inviteId={invite.id} email={invite.email} />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Suspend enforcement" description="For a customer locked out by a broken connection." />
          <div className="px-5 py-4">
            <SuspendEnforcementForm accountId={account.id} />
          </div>
        </Card>
        <Card>
          <CardHeader title="Send password resets" description="Members keep their existing login: the email tells them not to create a new one." />
          <div className="px-5 py-4">
            <SendPasswordResetsForm accountId={account.id} members={members} />
          </div>
        </Card>
      </div>

      <Card className="ring-red-200">
        <CardHeader title="Disable SSO" description="For an account whose identity provider is gone for good. Admins can turn SSO on again later." />
        <div className="px-5 py-4">
          <DisableSsoForm accountId={account.id} accountName={account.name} />
        </div>
      </Card>

      <Card>
        <CardHeader title="Recent audit events" description={`The newest ${recentEvents.length}; the customer sees the same log.`} />
        <CardTable columns={["When", "Who", "What", "Target", "Reason"]}>
          {recentEvents.map((e) => (
            <tr key={e.id} data-testid="support-audit-row">
              <td className="whitespace-nowrap px-5 py-2 text-slate-600">{formatUtcShort(e.createdAt)}</td>
              <td className="px-5 py-2">{e.actorLabel}</td>
              <td className="px-5 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-5 py-2">{e.targetLabel ?? ""}</td>
              <td className="px-5 py-2 text-slate-600">{typeof e.metadata?.reason === "string" ? e.metadata.reason : ""}</td>
            </tr>
          ))}
        </CardTable>
      </Card>
    </div>
  );
}
