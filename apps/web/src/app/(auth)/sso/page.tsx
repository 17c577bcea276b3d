import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Button, Field } from "@gatehouse/ui";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { goToSso } from "./actions";

export const metadata: Metadata = { title: "Sign in with SSO" };

const ERRORS: Record<string, string> = {
  empty: "Enter your work email or your company's sign-in name.",
  email: "That email address is not valid. Check it, for example name@company.com.",
  slug: "A sign-in name uses only letters, digits and hyphens (for example acme).",
  unknown_slug: "No account uses that sign-in name. Check it with your admin.",
  no_sso: "Single sign-on is not set up for that email's domain. Sign in with your email and password, or ask your admin for your company's sign-in name.",
};

/** SSO by a work email (routed by its domain) or by the account's sign-in name. Plain form: no JS needed. */
export default async function SsoStartPage({ searchParams }: { searchParams: Promise<{ error?: string; entry?: string; callbackUrl?: string }> }) {
  const { error, entry, callbackUrl } = await searchParams;
  const message = error ? ERRORS[error] : undefined;
  const target = safeCallbackUrl(callbackUrl, "");
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Sign in with SSO</h1>
        <p className="mt-1 text-sm text-slate-600">
          Enter your work email, or your company&apos;s sign-in name as your admin gave it (for example <code>acme</code>).
        </p>
      </div>
      {message ? <Alert tone="error">{message}</Alert> : null}
      <form action={goToSso} className="space-y-4">
        <input type="hidden" name="callbackUrl" value={target} />
        {/* Keyed by the answer: React resets a form after its action, which would otherwise empty the field. */}
        <Field
          key={`${error ?? ""}:${entry ?? ""}`}
          label="Work email or sign-in name"
          name="entry"
          autoComplete="username"
          defaultValue={typeof entry === "string" ? entry.slice(0, 320) : ""}
          required
        />
        <Button type="submit" className="w-full">
          Continue
        </Button>
      </form>
      <p className="text-center text-sm">
        <Link href="/login" className="font-medium text-indigo-700 hover:underline">
          Sign in with email and password
        </Link>
        <span aria-hidden className="px-2 text-slate-400">
          ·
        </span>
        <Link href="/help/sign-in" className="font-medium text-indigo-700 hover:underline">
          Help with signing in
        </Link>
      </p>
    </div>
  );
}
