import Link from "next/link";
import { notFound } from "next/navigation";
import { getOutboxEmail } from "@gatehouse/email";
import { isDevMailboxEnabled } from "@/env";
import { db } from "@/server/context";

export const dynamic = "force-dynamic";

export default async function DevMailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!isDevMailboxEnabled()) notFound();
  const { id } = await params;
  const email = /^[0-9a-f-]{36}$/.test(id) ? await getOutboxEmail(db(), id) : null;
  if (!email) notFound();
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-8">
      <Link href="/dev/mailbox" className="text-sm font-medium text-indigo-700 hover:underline">← All emails</Link>
      <div className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
        <h1 className="text-lg font-semibold">{email.subject}</h1>
        <p className="text-slate-600">To {email.to} · {email.createdAt.toISOString()} · {email.transport} · {email.status}</p>
      </div>
      {/* The email's HTML runs in a sandboxed frame: no scripts, links open in the top window. */}
      <iframe title="Email content" sandbox="allow-top-navigation-by-user-activation allow-popups" srcDoc={email.html} className="h-[640px] w-full rounded-lg bg-white ring-1 ring-slate-200" />
      <details className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
        <summary className="cursor-pointer font-medium">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap">{email.text}</pre>
      </details>
    </main>
  );
}
