import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Button, Card, CardHeader } from "@gatehouse/ui";
import { hasPasswordSet, listConnectedProviders, listOwnSessions } from "@gatehouse/core";
import { listLoginButtons } from "@gatehouse/sso";
import { requireSession } from "@/auth/session";
import { db } from "@/server/context";
import { FlashBanner } from "../../_components/flash-banner";
import { endSessionsAction, unlinkProviderAction } from "./actions";
import { PasswordForm } from "./_components/password-form";

export const metadata: Metadata = { title: "Account" };

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** Every signed-in user's own settings: connected providers, password, sessions. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ flash?: string }> }) {
  const session = await requireSession();
  const [connected, available, hasPassword, ownSessions] = await Promise.all([
    listConnectedProviders(db(), session.user.id),
    listLoginButtons(db()),
    hasPasswordSet(db(), session.user.id),
    listOwnSessions(db(), { userId: session.user.id, currentIdHash: session.idHash }),
  ]);
  const linkable = available.filter((p) => !connected.some((c) => c.providerId === p.id));
  const others = ownSessions.filter((s) => !s.isCurrent);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Account</h1>
      <FlashBanner id={(await searchParams).flash} />
      <Card>
        <CardHeader title="Connected accounts" description="Providers you can sign in with, besides your password." />
        <ul className="divide-y divide-slate-100" aria-label="Connected accounts">
          {connected.map((c) => (
            <li key={c.providerId} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
              {c.logoDataUrl ? <img src={c.logoDataUrl} alt="" width={20} height={20} className="h-5 w-5" /> : null}
              <span className="font-medium text-slate-900">{c.name}</span>
              <span className="text-slate-600">{c.email ?? "no email shared"}</span>
              <span className="text-slate-500">linked {when(c.linkedAt)}</span>
              <form action={unlinkProviderAction} className="ml-auto">
                <input type="hidden" name="providerId" value={c.providerId} />
                <Button type="submit" variant="danger" size="sm" aria-label={`Unlink ${c.name}`}>
                  Unlink
                </Button>
              </form>
            </li>
          ))}
          {linkable.map((p) => (
            <li key={p.id} className="flex items-center gap-3 px-5 py-3 text-sm">
              {p.logoDataUrl ? <img src={p.logoDataUrl} alt="" width={20} height={20} className="h-5 w-5" /> : null}
              <span className="font-medium text-slate-900">{p.name}</span>
              <span className="text-slate-500">not linked</span>
              <form method="post" action={`/api/providers/${p.identifier}/start`} className="ml-auto">
                <input type="hidden" name="purpose" value="link" />
                <Button type="submit" variant="secondary" size="sm" aria-label={`Link ${p.name}`}>
                  Link
                </Button>
              </form>
            </li>
          ))}
          {connected.length === 0 && linkable.length === 0 ? (
            <li className="px-5 py-3 text-sm text-slate-600">No sign-in providers are offered on this deployment.</li>
          ) : null}
        </ul>
      </Card>
      <Card>
        <CardHeader
          title="Password"
          description={hasPassword ? "Change the password you sign in with." : "You sign in only through a provider. Set a password to have another way in."}
        />
        <div className="max-w-md p-5">
          <PasswordForm hasPassword={hasPassword} />
        </div>
      </Card>
      <Card>
        <CardHeader
          title="Two-step verification"
          description={
            <Link href="/settings/account/mfa" className="text-indigo-700 hover:underline">
              Two-step verification
            </Link>
          }
        />
      </Card>
      <Card>
        <CardHeader
          title="Sessions"
          description="Where you are signed in. Ending a session signs that device out at its next request."
          actions={
            others.length > 0 ? (
              <form action={endSessionsAction}>
                <Button type="submit" variant="danger" size="sm">
                  End all other sessions
                </Button>
              </form>
            ) : undefined
          }
        />
        <ul className="divide-y divide-slate-100" aria-label="Sessions">
          {ownSessions.map((s) => (
            <li key={s.idHash} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
              <span className="font-medium text-slate-900">{s.userAgent ? s.userAgent.slice(0, 80) : "Unknown device"}</span>
              <span className="text-slate-600">{s.ip ?? "unknown IP"}</span>
              <span className="text-slate-500">last seen {when(s.lastSeenAt)}</span>
              <Badge>{s.method}</Badge>
              {s.isCurrent ? (
                <Badge tone="emerald">This session</Badge>
              ) : (
                <form action={endSessionsAction} className="ml-auto">
                  <input type="hidden" name="idHash" value={s.idHash} />
                  <Button type="submit" variant="secondary" size="sm">
                    End session
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
