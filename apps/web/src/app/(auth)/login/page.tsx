import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@gatehouse/ui";
import { loadEmailRoute, loadRememberedChoicePasswordOffer, offersPasswordInstead } from "@gatehouse/core";
import { getEnabledConnection, listLoginButtons } from "@gatehouse/sso";
import { isProviderRefusalKey, PROVIDER_REFUSALS } from "@gatehouse/core";
import { getCurrentSession } from "@/auth/session";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { emailSchema } from "@/lib/validators/auth";
import { db } from "@/server/context";
import { loginStepPath } from "@/server/email-routing";
import { readLastSsoChoice } from "@/server/last-sso-choice";
import { EmailStepForm } from "./_components/email-step-form";
import { PasswordStepForm } from "./_components/password-step-form";
import { RememberedChoice } from "./_components/remembered-choice";
import { SsoChoice } from "./_components/sso-choice";
import { ProviderButtons } from "../_components/provider-buttons";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const NOTICES: Record<string, { tone: "success" | "info"; text: string }> = {
  reset: { tone: "success", text: "Your password was changed. Sign in with the new one." },
  signedout: { tone: "info", text: "You are signed out." },
};

/** Which step /login shows; every step is a server render, so none needs JavaScript. */
async function chooseStep(params: Record<string, string | string[] | undefined>, callbackUrl: string) {
  const email = typeof params.email === "string" ? emailSchema.safeParse(params.email) : null;
  if (email?.success) {
    if (params.step === "sso") {
      // Recomputed from the domain: the URL only says which screen, never which connections.
      const { route, match } = await loadEmailRoute(db(), email.data);
      if (route.kind === "choose" && match) {
        return {
          kind: "choose" as const,
          email: email.data,
          connections: route.connections,
          passwordHref: offersPasswordInstead(match) ? loginStepPath(email.data, callbackUrl) : null,
        };
      }
    }
    return { kind: "password" as const, email: email.data };
  }
  const last = typeof params.email === "string" ? null : await readLastSsoChoice();
  const connection = last ? await getEnabledConnection(db(), last.connectionId) : null;
  if (last && connection) {
    // No "Use my password" where the domain or the connection's account requires SSO.
    const offersPassword = await loadRememberedChoicePasswordOffer(db(), { email: last.email, connectionId: connection.id });
    return {
      kind: "remembered" as const,
      email: last.email,
      connection: { id: connection.id, name: connection.name },
      passwordHref: offersPassword ? loginStepPath(last.email, callbackUrl) : null,
    };
  }
  return { kind: "email" as const, defaultEmail: typeof params.email === "string" ? params.email : "" };
}

const SUBTITLES = {
  email: "Enter your work email to continue.",
  password: "Enter your password to continue.",
  choose: "Choose how to sign in.",
  remembered: "Welcome back.",
} as const;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined, "");
  if (await getCurrentSession()) redirect(callbackUrl || "/");
  const step = await chooseStep(params, callbackUrl);
  const notice = typeof params.notice === "string" ? NOTICES[params.notice] : undefined;
  // Only a code comes from the URL; the words are ours.
  const providerError = typeof params.providerError === "string" && isProviderRefusalKey(params.providerError) ? PROVIDER_REFUSALS[params.providerError] : null;
  const providers = step.kind === "email" || step.kind === "remembered" ? await listLoginButtons(db()) : [];
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">{SUBTITLES[step.kind]}</p>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {providerError ? (
        <Alert tone="error" title={providerError.message}>
          {providerError.advice}
        </Alert>
      ) : null}
      {step.kind === "password" ? <PasswordStepForm email={step.email} callbackUrl={callbackUrl} /> : null}
      {step.kind === "choose" ? (
        <SsoChoice email={step.email} connections={step.connections} callbackUrl={callbackUrl} passwordHref={step.passwordHref} />
      ) : null}
      {step.kind === "remembered" ? (
        <RememberedChoice email={step.email} connection={step.connection} callbackUrl={callbackUrl} passwordHref={step.passwordHref} />
      ) : null}
      {step.kind === "email" ? <EmailStepForm callbackUrl={callbackUrl} defaultEmail={step.defaultEmail} /> : null}
      <ProviderButtons providers={providers} callbackUrl={callbackUrl} />
      <p className="border-t border-slate-100 pt-4 text-center text-sm">
        <Link href={`/sso${callbackUrl ? `?${new URLSearchParams({ callbackUrl }).toString()}` : ""}`} className="font-medium text-indigo-700 hover:underline">
          Sign in with SSO
        </Link>
        <span className="text-slate-400"> · </span>
        <Link href="/signup" className="font-medium text-indigo-700 hover:underline">
          Sign up
        </Link>
      </p>
    </div>
  );
}
