import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@gatehouse/ui";

export const metadata: Metadata = { title: "Sign-in not completed" };

export default async function SsoErrorPage({ searchParams }: { searchParams: Promise<{ message?: string; advice?: string }> }) {
  const { message, advice } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">We could not sign you in</h1>
      <Alert tone="error" title={typeof message === "string" ? message.slice(0, 500) : "The single sign-on did not complete."}>
        {typeof advice === "string" ? advice.slice(0, 800) : null}
      </Alert>
      <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">Back to sign in</Link>
    </div>
  );
}
