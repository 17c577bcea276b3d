import Link from "next/link";
import type { RoutableConnection } from "@gatehouse/core";
import { SsoButtons } from "../../_components/sso-buttons";

/** Several connections serve this email's domain: the person picks one (plain forms, no JS needed). */
export function SsoChoice({ email, connections, callbackUrl, passwordHref }: { email: string; connections: RoutableConnection[]; callbackUrl: string; passwordHref: string | null }) {
  const changeHref = `/login?${new URLSearchParams(callbackUrl ? { callbackUrl } : {}).toString()}`;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between rounded-md bg-slate-50 px-3 py-2 text-sm">
        <span className="truncate text-slate-800" data-testid="login-email">{email}</span>
        <Link href={changeHref} className="font-medium text-indigo-700 hover:underline">
          Change
        </Link>
      </div>
      <SsoButtons connections={connections} callbackUrl={callbackUrl || "/"} loginHint={email} />
      {passwordHref ? (
        <p className="text-center text-sm">
          <Link href={passwordHref} className="font-medium text-indigo-700 hover:underline">Use my password instead</Link>
        </p>
      ) : null}
    </div>
  );
}
