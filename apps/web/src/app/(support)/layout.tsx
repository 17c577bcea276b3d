import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Toaster } from "@gatehouse/ui";
import { requireStaff } from "@/server/require-staff";
import { SignedInAs } from "../_components/signed-in-as";

export const metadata: Metadata = { title: { default: "Support", template: "%s · Gatehouse support" }, robots: { index: false } };

export default async function SupportLayout({ children }: { children: ReactNode }) {
  // Non-staff get a 404 here already; each page checks again (and checks MFA) for itself.
  const session = await requireStaff({ allowWithoutMfa: true });
  return (
    <div className="min-h-screen">
      <header className="border-b border-amber-300 bg-amber-50">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/support" className="flex items-center gap-2 font-semibold">
            <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-amber-600 text-white">
              G
            </span>
            Gatehouse support
          </Link>
          <p className="text-sm text-amber-900">Every action here is shown to the customer in their audit log, with your reason.</p>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <Link href="/settings/team" className="rounded px-2 py-1 text-slate-700 hover:bg-amber-100">
              Your console
            </Link>
            <SignedInAs email={session.user.email} hoverClassName="hover:bg-amber-100" />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <Toaster />
    </div>
  );
}
