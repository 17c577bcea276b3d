import type { ReactNode } from "react";
import { Toaster } from "@gatehouse/ui";
import { SetupLinkHeader } from "./_components/setup-link-header";

/** The setup link's pages: the connection wizard of one account, without the console around it. */
export default function SetupLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <SetupLinkHeader />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <Toaster />
    </div>
  );
}
