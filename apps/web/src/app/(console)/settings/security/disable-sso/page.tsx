import type { Metadata } from "next";
import { Card, CardHeader } from "@gatehouse/ui";
import { requireAdmin } from "@/server/admin-guard";
import { AdminsOnly } from "../../../_components/admins-only";
import { ConfirmDisableSsoForm } from "../_components/disable-sso-forms";

export const metadata: Metadata = { title: "Disable SSO" };

export default async function DisableSsoPage() {
  const access = await requireAdmin();
  if (!access.ok) return <AdminsOnly what="switch SSO off for" accountName={access.accountName} />;
  const { session } = access;
  return (
    <Card className="ring-red-200">
      <CardHeader title={`Disable SSO for ${session.activeAccount.name}`} />
      <div className="space-y-4 px-5 py-4 text-sm text-slate-700">
        <ul className="list-disc space-y-1 pl-5">
          <li>Every connection is switched off, and the sign-in requirement goes back to any method.</li>
          <li>No domain enforces SSO any more.</li>
          <li>
            <strong>Every session signed in through SSO ends now</strong>: those members are signed out and may lose unsaved work.
          </li>
        </ul>
        <p>Next you can email password-reset links to all members or chosen ones. Members keep their existing login: do not create a new one.</p>
        <ConfirmDisableSsoForm accountName={session.activeAccount.name} />
      </div>
    </Card>
  );
}
