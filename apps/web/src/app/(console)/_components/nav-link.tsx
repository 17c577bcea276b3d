"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@gatehouse/ui";

/** Whether `href` is the current section (the page itself or one below it). */
export const isCurrentPath = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/** A main navigation link that marks the current section (aria-current="page", and visibly). */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const isCurrent = isCurrentPath(pathname, href);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={cn("rounded px-2 py-1 hover:bg-slate-100", isCurrent ? "bg-indigo-50 font-semibold text-indigo-800" : "text-slate-700")}
    >
      {children}
    </Link>
  );
}
