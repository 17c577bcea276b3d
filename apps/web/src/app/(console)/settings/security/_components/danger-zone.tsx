import Link from "next/link";
import { Card, CardHeader } from "@gatehouse/ui";

/** The way out of SSO for an account whose identity provider is gone: leads to the confirmation page. */
export function DangerZone() {
  return (
    <Card className="ring-red-200">
      <CardHeader title="Danger zone" />
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
        <p className="text-sm text-slate-700">
          <strong>Disable SSO</strong>: switch every connection off, stop enforcing SSO, and end every SSO session. Members then sign in with a password (you
          can email them reset links).
        </p>
        <Link
          href="/settings/security/disable-sso"
          className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-red-700 shadow-sm ring-1 ring-inset ring-red-300 hover:bg-red-50"
        >
          Disable SSO…
        </Link>
      </div>
    </Card>
  );
}
