import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@gatehouse/ui";
import { describeProviderConfirmation } from "@gatehouse/sso";
import { db } from "@/server/context";

export const metadata: Metadata = { title: "Link your login" };

/**
 * The explicit confirmation before a provider identity is linked to the existing login with the
 * same (trusted) email: an email match alone never links.
 */
export default async function LinkProviderPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? "";
  const held = token ? await describeProviderConfirmation({ db: db() }, token.slice(0, 100)) : null;
  if (!held) {
    return (
      <div className="space-y-3">
        <h1 className="text-xl font-semibold text-slate-900">This link has expired</h1>
        <Alert tone="error">Start again from the login page; the confirmation works for 10 minutes.</Alert>
        <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">Link {held.providerName} to your login?</h1>
      <p className="text-sm text-slate-600">
        A Gatehouse login already uses <strong>{held.email}</strong>. Link your {held.providerName} sign-in to it, so you can use either from now on?
      </p>
      <form method="post" action="/api/providers/confirm" className="flex gap-3">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
          Link and sign in
        </button>
        <Link href="/login" className="rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
          Cancel
        </Link>
      </form>
    </div>
  );
}
