import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { startMfaEnrolment } from "@gatehouse/core";
import { getCurrentSession } from "@/auth/session";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { currentMfaChallenge, mfaContext } from "@/server/mfa";
import { AuthenticatorSetup } from "@/app/_components/mfa/authenticator-setup";
import { CodeForm } from "@/app/_components/mfa/code-form";
import { codePrompt } from "@/app/_components/mfa/code-prompt";
import { cancelMfaAction, verifyMfaAction } from "./actions";
import { EnrolForm } from "./_components/enrol-form";

export const metadata: Metadata = { title: "Two-step verification" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The step after a correct password, for people with MFA (or whose account requires it). Every
 * password sign-in passes through here; with no step due it sends the browser straight on.
 */
export default async function MfaStepPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const challenge = await currentMfaChallenge();
  if (!challenge) redirect((await getCurrentSession()) ? callbackUrl : "/login");
  const kind = params.method === "recovery" ? "recovery" : "totp";
  const switchHref = `/login/mfa?${new URLSearchParams({ callbackUrl, ...(kind === "totp" ? { method: "recovery" } : {}) }).toString()}`;
  const enrolment =
    challenge.step === "enrol" && !challenge.hasEnrolled ? await startMfaEnrolment(mfaContext(), { userId: challenge.userId, email: challenge.email }) : null;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{challenge.step === "enrol" ? "Set up two-step verification" : "Two-step verification"}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {challenge.step === "enrol"
            ? "Your account requires a code from an authenticator app at sign-in. Set it up to continue."
            : codePrompt(kind, challenge.email)}
        </p>
      </div>
      {challenge.step === "verify" ? <CodeForm key={kind} action={verifyMfaAction} hidden={{ callbackUrl }} kind={kind} switchHref={switchHref} /> : null}
      {challenge.step === "enrol" ? (
        <EnrolForm
          setup={enrolment?.ok ? <AuthenticatorSetup enrolment={enrolment.value} /> : null}
          hasEnrolled={challenge.hasEnrolled}
          callbackUrl={callbackUrl}
        />
      ) : null}
      <form action={cancelMfaAction} className="border-t border-slate-100 pt-4 text-center">
        <button type="submit" className="text-sm font-medium text-slate-600 hover:underline">
          Cancel and sign out
        </button>
      </form>
    </div>
  );
}
