import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@gatehouse/ui";
import { ssoRefusalText } from "@/lib/sso-refusals";

export const metadata: Metadata = { title: "Sign-in not completed" };

/** Shows the fixed text for the refusal code in the URL: a link can choose a code, never the words. */
export default async function SsoErrorPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const refusal = ssoRefusalText(code);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">We could not sign you in</h1>
      <Alert tone="error" title={refusal.message}>
        {refusal.advice}
      </Alert>
      <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">
        Back to sign in
      </Link>
    </div>
  );
}
