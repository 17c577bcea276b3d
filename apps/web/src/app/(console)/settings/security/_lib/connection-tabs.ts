/** The connection page's tabs, named in its URL (`?tab=display`) so reloads, links and refusals land on them. */
export const CONNECTION_TABS = ["settings", "display", "danger"] as const;
export type ConnectionTab = (typeof CONNECTION_TABS)[number];

/** The tab a value names, or null for anything else (the value comes from a URL or a form). */
export const connectionTabOf = (value: unknown): ConnectionTab | null => CONNECTION_TABS.find((tab) => tab === value) ?? null;

/** The connection page's path on a tab (none: the page's default). */
export const onTab = (path: string, tab: ConnectionTab | null) => (tab ? `${path}?tab=${tab}` : path);
