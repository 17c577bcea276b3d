import type { Metadata } from "next";
import { Alert } from "@gatehouse/ui";
import { findAccountBySlug } from "@gatehouse/core";
import { db } from "@/server/context";
import { readFlash } from "@/server/flash";

export const metadata: Metadata = { title: "Sign in with your organisation" };

/** A social sign-in refused by the account's enforcement: its reason, and the way to its IdP. */
export default async function SsoRequiredPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ flash?: string }> }) {
  const { slug } = await params;
  const account = /^[a-z0-9-]{1,64}$/.test(slug) ? await findAccountBySlug(db(), slug) : null;
  const flash = await readFlash((await searchParams).flash);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-900">Sign in with your organisation</h1>
      <Alert tone="info">{flash?.text ?? "Your organisation requires its single sign-on."}</Alert>
      {account ? (
        <a
          href={`/api/auth/sso/${account.slug}/login`}
          className="block rounded-md bg-indigo-600 px-3.5 py-2.5 text-center text-sm font-semibold text-white hover:bg-indigo-500"
        >
          Continue to {account.name} sign-in
        </a>
      ) : null}
    </div>
  );
}
