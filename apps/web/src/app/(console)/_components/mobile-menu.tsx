"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { cn, DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger, useHydrated } from "@gatehouse/ui";
import { isCurrentPath } from "./nav-link";

export type NavItem = { href: string; label: string; external?: boolean };

const MENU_ICON = (
  <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
    <path
      fillRule="evenodd"
      d="M2 4.75A.75.75 0 0 1 2.75 4h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 4.75Zm0 5A.75.75 0 0 1 2.75 9h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 9.75Zm0 5a.75.75 0 0 1 .75-.75h14.5a.75.75 0 0 1 0 1.5H2.75a.75.75 0 0 1-.75-.75Z"
      clipRule="evenodd"
    />
  </svg>
);
const TRIGGER =
  "flex cursor-pointer list-none items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100";

/**
 * The main navigation on narrow screens, as a Radix menu: Enter, Space or the arrow keys open it,
 * the arrows move through the links, Escape closes it and focus returns to the button. Before
 * hydration (and without JavaScript) `fallback` sits in a native <details> disclosure instead.
 */
export function MobileMenu({ className, items, fallback }: { className?: string; items: NavItem[]; fallback: ReactNode }) {
  const hydrated = useHydrated();
  const pathname = usePathname();
  if (!hydrated) return <DetailsMenu className={className}>{fallback}</DetailsMenu>;
  return (
    <div className={className}>
      <DropdownMenu>
        <DropdownMenuTrigger className={TRIGGER}>
          {MENU_ICON}
          Menu
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-64">
          {items.map((item) => {
            const isCurrent = !item.external && isCurrentPath(pathname, item.href);
            return (
              <DropdownMenuItem key={item.href} asChild className={isCurrent ? "bg-indigo-50 font-semibold text-indigo-800" : undefined}>
                {item.external ? (
                  <a href={item.href} target="_blank" rel="noreferrer">
                    {item.label}
                  </a>
                ) : (
                  <Link href={item.href} aria-current={isCurrent ? "page" : undefined}>
                    {item.label}
                  </Link>
                )}
              </DropdownMenuItem>
            );
          })}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}

/** The no-JavaScript menu: a native disclosure (closed again after a client-side navigation). */
function DetailsMenu({ className, children }: { className?: string; children: ReactNode }) {
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);
  return (
    <details ref={details} className={cn("group relative", className)}>
      <summary className={cn(TRIGGER, "[&::-webkit-details-marker]:hidden")}>
        {MENU_ICON}
        <span className="group-open:hidden">Menu</span>
        <span className="hidden group-open:inline">Close menu</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-lg bg-white p-3 text-sm shadow-lg ring-1 ring-slate-200">{children}</div>
    </details>
  );
}
