import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@gatehouse/ui";
import { getCurrentSession } from "@/auth/session";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { emailSchema } from "@/lib/validators/auth";
import { EmailStepForm } from "./_components/email-step-form";
import { PasswordStepForm } from "./_components/password-step-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const NOTICES: Record<string, { tone: "success" | "info"; text: string }> = {
  reset: { tone: "success", text: "Your password was changed. Sign in with the new one." },
  signedout: { tone: "info", text: "You are signed out." },
};

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined, "");
  if (await getCurrentSession()) redirect(callbackUrl || "/");
  const email = typeof params.email === "string" ? emailSchema.safeParse(params.email) : null;
  const notice = typeof params.notice === "string" ? NOTICES[params.notice] : undefined;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">{email?.success ? "Enter your password to continue." : "Enter your work email to continue."}</p>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {email?.success ? (
        <PasswordStepForm email={email.data} callbackUrl={callbackUrl} />
      ) : (
        <EmailStepForm callbackUrl={callbackUrl} defaultEmail={typeof params.email === "string" ? params.email : ""} />
      )}
      <p className="border-t border-slate-100 pt-4 text-center text-sm">
        <Link href="/sso" className="font-medium text-indigo-700 hover:underline">Sign in with your company&apos;s SSO</Link>
      </p>
    </div>
  );
}
