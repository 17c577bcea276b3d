import type { Metadata } from "next";
import Link from "next/link";
import { mfaRequirementFor, startMfaEnrolment, userHasMfa } from "@gatehouse/core";
import { Badge, Card, CardHeader } from "@gatehouse/ui";
import { AuthenticatorSetup } from "@/app/_components/mfa/authenticator-setup";
import { requireSession } from "@/auth/session";
import { mfaContext } from "@/server/mfa";
import { FlashBanner } from "../../../_components/flash-banner";
import { confirmEnrolmentAction, regenerateCodesAction, removeMfaAction } from "./actions";
import { CodeActionForm } from "./_components/code-action-form";

export const metadata: Metadata = { title: "Two-step verification" };

type Params = Promise<{ setup?: string; flash?: string }>;

export default async function MfaSettingsPage({ searchParams }: { searchParams: Params }) {
  const session = await requireSession();
  const params = await searchParams;
  const ctx = mfaContext();
  const [hasMfa, isRequired] = await Promise.all([userHasMfa(ctx.db, session.user.id), mfaRequirementFor(ctx.db, session.user.id)]);
  // Enrolment starts when asked for (?setup=1); asking again shows the same, not yet confirmed, key.
  const enrolment = !hasMfa && params.setup ? await startMfaEnrolment(ctx, { userId: session.user.id, email: session.user.email }) : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Two-step verification</h1>
        <p className="mt-1 text-sm text-slate-600">
          After your password, Gatehouse asks for a code from an authenticator app on your phone. Signing in with SSO skips this step: your identity provider
          asks for its own.
        </p>
      </div>
      <FlashBanner id={params.flash} />
      <Card>
        <CardHeader
          title="Authenticator app"
          description={isRequired ? "One of your accounts requires two-step verification for password sign-ins." : undefined}
          actions={hasMfa ? <Badge tone="emerald">On</Badge> : <Badge>Off</Badge>}
        />
        <div className="space-y-4 px-5 py-4">
          <CodeActionForm
            action={confirmEnrolmentAction}
            showForm={enrolment?.ok === true}
            intro={enrolment?.ok ? <AuthenticatorSetup enrolment={enrolment.value} /> : null}
            codeLabel="Code from your app"
            submitLabel="Turn on two-step verification"
          />
          {!hasMfa && !enrolment ? (
            <Link
              href="/settings/account/mfa?setup=1"
              className="inline-block rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
            >
              Set up an authenticator app
            </Link>
          ) : null}
        </div>
      </Card>
      {hasMfa ? (
        <Card>
          <CardHeader
            title="Recovery codes"
            description="Ten one-time codes for when you don't have your phone. Making new ones stops the old ones from working."
          />
          <div className="px-5 py-4">
            <CodeActionForm action={regenerateCodesAction} codeLabel="Code from your app" submitLabel="Make new recovery codes" variant="secondary" />
          </div>
        </Card>
      ) : null}
      {hasMfa ? (
        <Card>
          <CardHeader
            title="Turn off two-step verification"
            description={
              isRequired
                ? "Your account requires it, so it cannot be turned off. If you lose your phone, an account admin can reset it."
                : "Removes your authenticator app, recovery codes and remembered devices."
            }
          />
          {isRequired ? null : (
            <div className="px-5 py-4">
              <CodeActionForm action={removeMfaAction} codeLabel="Code from your app to confirm" submitLabel="Turn off" variant="danger" />
            </div>
          )}
        </Card>
      ) : null}
    </div>
  );
}
