import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findAccountBySlug } from "@gatehouse/core";
import { listEnabledConnectionsForAccount } from "@gatehouse/sso";
import { db } from "@/server/context";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { emailSchema } from "@/lib/validators/auth";
import { SsoButtons } from "../../_components/sso-buttons";

export const metadata: Metadata = { title: "Sign in with SSO" };

/** An account's SSO sign-in page: one button per active connection. */
export default async function AccountSsoPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ callbackUrl?: string; loginHint?: string }>;
}) {
  const { slug } = await params;
  const { callbackUrl, loginHint } = await searchParams;
  const account = /^[a-z0-9-]{1,64}$/.test(slug) ? await findAccountBySlug(db(), slug) : null;
  if (!account) notFound();
  const connections = await listEnabledConnectionsForAccount(db(), account.id);
  const target = safeCallbackUrl(callbackUrl, "/");
  // Carried from /sso's email entry so the IdP can skip asking for it again.
  const hint = typeof loginHint === "string" && emailSchema.safeParse(loginHint).success ? loginHint : undefined;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Sign in to {account.name}</h1>
        <p className="mt-1 text-sm text-slate-600">Use your company&apos;s identity provider.</p>
      </div>
      {connections.length === 0 ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
          {account.authRequired === "sso"
            ? `${account.name} requires single sign-on, but none of its connections is switched on right now. Members with “SSO off” can still sign in with their password; everyone else, ask one of them or our support to restore access.`
            : `${account.name} has no single sign-on switched on yet. Sign in with your email and password instead.`}
        </p>
      ) : (
        <SsoButtons connections={connections} callbackUrl={target} loginHint={hint} />
      )}
      <p className="text-center text-sm">
        <Link href="/login" className="font-medium text-indigo-700 hover:underline">
          Sign in with email and password
        </Link>
      </p>
    </div>
  );
}
