import type { Metadata } from "next";
import Link from "next/link";
import { inspectInvite, ROLE_LABELS } from "@gatehouse/core";
import { Alert } from "@gatehouse/ui";
import { coreContext } from "@/server/context";
import { AcceptInviteForm } from "./accept-invite-form";

export const metadata: Metadata = { title: "Accept invite" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await inspectInvite(coreContext(), decodeURIComponent(token));
  if (!invite) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold text-slate-900">Invite not valid</h1>
        <Alert tone="error">This invite has expired, was revoked or was already used. Ask your admin for a new one.</Alert>
        <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Join {invite.accountName}</h1>
        <p className="mt-1 text-sm text-slate-600">
          You were invited as <strong>{ROLE_LABELS[invite.role]}</strong> with <strong>{invite.email}</strong>.
        </p>
      </div>
      <AcceptInviteForm token={decodeURIComponent(token)} email={invite.email} needsExistingPassword={invite.needsExistingPassword} />
    </div>
  );
}
