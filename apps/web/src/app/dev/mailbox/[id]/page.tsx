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
      <nav className="flex gap-4 text-sm font-medium text-indigo-700">
        <Link href="/dev/mailbox" className="hover:underline">
          ← All emails
        </Link>
        <Link href="/" className="hover:underline">
          Back to Gatehouse
        </Link>
      </nav>
      <div className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
        <h1 className="text-lg font-semibold">{email.subject}</h1>
        <p className="text-slate-600">
          To {email.to} · {email.createdAt.toISOString()} · {email.transport} · {email.status}
        </p>
      </div>
      {/*
        The email's HTML runs in a sandboxed frame without scripts. Its links open a new tab, which
        must escape the sandbox: a tab that inherits it has an opaque origin ("Origin: null"), so
        Next.js refuses its scripts and styles and every server action on it.
      */}
      <iframe
        title="Email content"
        sandbox="allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox"
        srcDoc={email.html}
        className="h-[640px] w-full rounded-lg bg-white ring-1 ring-slate-200"
      />
      <details className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
        <summary className="cursor-pointer font-medium">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap">{email.text}</pre>
      </details>
    </main>
  );
}
