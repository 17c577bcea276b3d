import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listOutbox } from "@gatehouse/email";
import { isDevMailboxEnabled } from "@/env";
import { db } from "@/server/context";

export const metadata: Metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

/** Development only: every email the app sent, so invite and reset links can be clicked without SMTP. */
export default async function DevMailboxPage() {
  if (!isDevMailboxEnabled()) notFound();
  const emails = await listOutbox(db(), { limit: 100 });
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <Link href="/" className="text-sm font-medium text-indigo-700 hover:underline">
        ← Back to Gatehouse
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">Dev mailbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Every email Gatehouse sent, newest first. Shown in development only; with SMTP_URL set, emails are delivered and only their subject and recipient are
        kept here.
      </p>
      <ul className="mt-6 divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200">
        {emails.length === 0 ? <li className="px-4 py-6 text-center text-sm text-slate-500">No emails yet.</li> : null}
        {emails.map((email) => (
          <li key={email.id}>
            <Link href={`/dev/mailbox/${email.id}`} className="flex items-center justify-between gap-4 px-4 py-3 text-sm hover:bg-slate-50">
              <span className="min-w-0">
                <span className="block truncate font-medium text-slate-900">{email.subject}</span>
                <span className="block truncate text-slate-600">To {email.to}</span>
              </span>
              <span className="shrink-0 text-xs text-slate-500">
                {email.createdAt.toISOString().replace("T", " ").slice(0, 19)} · {email.status}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
