import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findUserByEmail, hasPasswordProof, isSsoEnforcedForMember } from "@gatehouse/core";
import { listEnabledConnectionsForAccount } from "@gatehouse/sso";
import { Alert } from "@gatehouse/ui";
import { CodeForm } from "@/app/_components/mfa/code-form";
import { codePrompt } from "@/app/_components/mfa/code-prompt";
import { requireSession } from "@/auth/session";
import { readSessionId } from "@/auth/session-cookie";
import { coreContext, db } from "@/server/context";
import { SsoButtons } from "../../_components/sso-buttons";
import { switchAccountAction } from "../../../(console)/actions";
import { proveAccountWithCodeAction } from "./actions";
import { ProveWithPasswordForm } from "./prove-with-password-form";

export const metadata: Metadata = { title: "Sign in to switch account" };

/**
 * Reached from the account switcher when this session's sign-in did not prove the chosen account
 * (it came through another account's SSO, or the account was joined after it): that account's own
 * sign-in is asked for first.
 */
export default async function SwitchAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const { accountId } = await params;
  const query = await searchParams;
  const target = session.accounts.find((a) => a.id === accountId);
  if (!target) notFound();
  const sessionId = await readSessionId();
  // The password was right a moment ago and a code is owed: only the code step is shown.
  if (!target.granted && sessionId && (await hasPasswordProof(coreContext(), sessionId, target.id))) {
    const kind = query.method === "recovery" ? "recovery" : "totp";
    return (
      <div className="space-y-5">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Sign in to {target.name}</h1>
          <p className="mt-1 text-sm text-slate-600">{codePrompt(kind, session.user.email)}</p>
        </div>
        <CodeForm
          key={kind}
          action={proveAccountWithCodeAction}
          hidden={{ accountId: target.id }}
          kind={kind}
          switchHref={`/switch-account/${target.id}${kind === "totp" ? "?method=recovery" : ""}`}
        />
        <StayLink name={session.activeAccount?.name} />
      </div>
    );
  }
  const connections = await listEnabledConnectionsForAccount(db(), target.id);
  // An account that requires SSO of this member is proved by its SSO only.
  const requiresSso = await isSsoEnforcedForMember({ db: db() }, { userId: session.user.id, accountId: target.id });
  const hasPassword = !requiresSso && Boolean((await findUserByEmail(db(), session.user.email))?.passwordHash);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Sign in to {target.name}</h1>
        {target.granted ? (
          <p className="mt-1 text-sm text-slate-600">This session already has access to {target.name}.</p>
        ) : session.method === "sso" ? (
          <p className="mt-1 text-sm text-slate-600">
            You signed in as {session.user.email}
            {session.activeAccount ? ` through ${session.activeAccount.name}'s single sign-on` : ""}. That sign-in counts for{" "}
            {session.activeAccount?.name ?? "that account"} only, so {target.name} asks you to sign in to it as well.
          </p>
        ) : (
          // A password or social sign-in names the accounts it proved: one joined since is not among them.
          <p className="mt-1 text-sm text-slate-600">
            Your sign-in as {session.user.email} did not include {target.name} (you joined it since, or it asks for its own sign-in), so sign in to it as well.
          </p>
        )}
      </div>
      {query.expired ? <Alert tone="error">Your password check has expired. Enter your password again.</Alert> : null}
      {target.granted ? (
        <form action={switchAccountAction}>
          <input type="hidden" name="accountId" value={target.id} />
          <button type="submit" className="w-full rounded-md bg-indigo-600 px-3.5 py-2.5 text-sm font-semibold text-white hover:bg-indigo-500">
            Open {target.name}
          </button>
        </form>
      ) : (
        <>
          {connections.length > 0 ? <SsoButtons connections={connections} callbackUrl="/settings/team" loginHint={session.user.email} /> : null}
          {hasPassword ? <ProveWithPasswordForm accountId={target.id} email={session.user.email} /> : null}
          {requiresSso ? <p className="text-sm text-slate-600">{target.name} requires signing in with SSO.</p> : null}
          {connections.length === 0 && !hasPassword && !requiresSso ? (
            <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
              {target.name} has no single sign-on switched on and you have no password here. Set one with “Forgot your password?” on the sign-in page, then sign
              in to {target.name} with it.
            </p>
          ) : null}
        </>
      )}
      <StayLink name={session.activeAccount?.name} />
    </div>
  );
}

function StayLink({ name }: { name: string | undefined }) {
  return (
    <p className="text-center text-sm">
      <Link href="/settings/team" className="font-medium text-indigo-700 hover:underline">
        Stay in {name ?? "your current account"}
      </Link>
    </p>
  );
}
