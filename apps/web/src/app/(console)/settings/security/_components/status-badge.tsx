import { Badge } from "@gatehouse/ui";

/** Active; proven but off; or not yet proven by Authenticate with the current settings. */
export function connectionStatus(c: { enabled: boolean; isVerified: boolean }): { label: string; tone: "emerald" | "indigo" | "amber" } {
  if (c.enabled) return { label: "Active", tone: "emerald" };
  if (c.isVerified) return { label: "Ready to switch on", tone: "indigo" };
  return { label: "Needs Authenticate", tone: "amber" };
}

export function StatusBadge({ connection }: { connection: { enabled: boolean; isVerified: boolean } }) {
  const status = connectionStatus(connection);
  return <Badge tone={status.tone}>{status.label}</Badge>;
}
