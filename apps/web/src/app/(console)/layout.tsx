import Link from "next/link";
import type { ReactNode } from "react";
import { requireSession } from "@/auth/session";
import { env, isDevMailboxEnabled } from "@/env";
import { isStaffUser } from "@gatehouse/core";
import { Toaster } from "@gatehouse/ui";
import { db } from "@/server/context";
import { AccountSwitcher } from "./_components/account-switcher";
import { SignedInAs } from "../_components/signed-in-as";
import { NavLink } from "./_components/nav-link";
import { MobileMenu, type NavItem } from "./_components/mobile-menu";

const TOOL_LINK = "rounded px-2 py-1 text-slate-500 hover:bg-slate-100";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  // The local test IdPs, linked in development so a newcomer can configure SSO against them.
  const isStaff = await isStaffUser(db(), session.user.id);
  const sandboxUrl = env().NODE_ENV !== "production" ? (env().IDP_SANDBOX_URL ?? null) : null;
  const isAdmin = session.activeAccount?.role === "admin";
  const navItems: NavItem[] = [
    { href: "/settings/team", label: "Team" },
    ...(isAdmin
      ? [
          { href: "/settings/security", label: "Security" },
          { href: "/settings/domains", label: "Domains" },
          { href: "/settings/audit", label: "Audit log" },
        ]
      : []),
    { href: "/settings/account", label: "Account" },
    ...(isStaff ? [{ href: "/admin/identity-providers", label: "Identity providers" }] : []),
    { href: "/settings/api-keys", label: "API keys" },
  ];
  const toolItems: NavItem[] = [
    ...(isDevMailboxEnabled() ? [{ href: "/dev/mailbox", label: "Dev mailbox" }] : []),
    ...(sandboxUrl ? [{ href: sandboxUrl, label: "IdP sandbox", external: true }] : []),
  ];
  const links = (
    <>
      {navItems.map((item) => (
        <NavLink key={item.href} href={item.href}>
          {item.label}
        </NavLink>
      ))}
      {toolItems.map((item) =>
        item.external ? (
          <a key={item.href} href={item.href} target="_blank" rel="noreferrer" className={TOOL_LINK}>
            {item.label}
          </a>
        ) : (
          <Link key={item.href} href={item.href} className={TOOL_LINK}>
            {item.label}
          </Link>
        ),
      )}
    </>
  );
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/settings/team" className="flex items-center gap-2 font-semibold">
            <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-white">
              G
            </span>
            Gatehouse
          </Link>
          <AccountSwitcher accounts={session.accounts} activeId={session.activeAccount?.id ?? null} />
          <nav aria-label="Settings" className="hidden gap-1 text-sm md:flex">
            {links}
          </nav>
          <MobileMenu
            className="ml-auto md:hidden"
            items={[...navItems, ...toolItems]}
            fallback={
              <nav aria-label="Settings" className="flex flex-col gap-1">
                {links}
              </nav>
            }
          />
          <div className="flex w-full flex-wrap items-center gap-3 text-sm md:ml-auto md:w-auto">
            <Link href="/settings/account/mfa" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
              Two-step verification
            </Link>
            <SignedInAs email={session.user.email} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <Toaster />
    </div>
  );
}
