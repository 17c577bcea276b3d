"use client";

import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@gatehouse/ui";
import { connectionTabOf, type ConnectionTab } from "../_lib/connection-tabs";

export type ConnectionTabPanel = { value: ConnectionTab; label: string; content: ReactNode };

/**
 * The connection page's Settings, Display and Danger zone as tabs. The chosen tab lives in the URL
 * (replaced in place, so Back leaves the page rather than stepping through tabs); without
 * JavaScript the tabs are plain links to the same URLs.
 */
export function ConnectionTabs({ panels }: { panels: ConnectionTabPanel[] }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const fromUrl = connectionTabOf(params.get("tab"));
  const current = panels.find((panel) => panel.value === fromUrl)?.value ?? panels[0]!.value;
  const hrefOf = (tab: string) => {
    const next = new URLSearchParams(params);
    next.set("tab", tab);
    return `${pathname}?${next.toString()}`;
  };
  return (
    <Tabs value={current} onValueChange={(tab) => window.history.replaceState(null, "", hrefOf(tab))} className="border-t border-slate-200 pt-6">
      <TabsList aria-label="Connection">
        {panels.map((panel) => (
          <TabsTrigger key={panel.value} value={panel.value}>
            {panel.label}
          </TabsTrigger>
        ))}
      </TabsList>
      <noscript>
        <p className="flex gap-4 pt-2 text-sm font-medium text-indigo-700">
          {panels.map((panel) => (
            <a key={panel.value} href={hrefOf(panel.value)} className="hover:underline">
              Open {panel.label}
            </a>
          ))}
        </p>
      </noscript>
      {panels.map((panel) => (
        <TabsContent key={panel.value} value={panel.value}>
          {panel.content}
        </TabsContent>
      ))}
    </Tabs>
  );
}
