import type { Metadata } from "next";
import { listMembersWithLogin } from "@gatehouse/core";
import { Card, CardHeader } from "@gatehouse/ui";
import { requireAdmin } from "@/server/admin-guard";
import { db } from "@/server/context";
import { AdminsOnly } from "../../../_components/admins-only";
import { FlashBanner } from "../../../_components/flash-banner";
import { PasswordResetsForm } from "../_components/disable-sso-forms";

export const metadata: Metadata = { title: "Password resets" };

type Params = Promise<{ flash?: string }>;

export default async function PasswordResetsPage({ searchParams }: { searchParams: Params }) {
  const access = await requireAdmin();
  if (!access.ok) return <AdminsOnly what="send password resets for" accountName={access.accountName} />;
  const { session } = access;
  const members = await listMembersWithLogin(db(), session.activeAccount.id);
  return (
    <div className="space-y-6">
      <FlashBanner id={(await searchParams).flash} />
      <Card>
        <CardHeader
          title="Email password-reset links"
          description="Members keep their existing login: do not create a new one. Members who only ever used SSO need a password now; the link lets them set one."
        />
        <div className="px-5 py-4">
          <PasswordResetsForm members={members.map(({ userId, email, hasPassword }) => ({ userId, email, hasPassword }))} />
        </div>
      </Card>
    </div>
  );
}
