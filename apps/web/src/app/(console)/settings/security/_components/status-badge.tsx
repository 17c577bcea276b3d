import { connectionProgress } from "@gatehouse/core";
import { Badge } from "@gatehouse/ui";

const TONES = { On: "emerald", "Ready to switch on": "indigo", "Not yet proven": "amber" } as const;

/** The connection's state in words: On, Ready to switch on, or Not yet proven (by Authenticate). */
export function StatusBadge({ connection }: { connection: { enabled: boolean; isVerified: boolean } }) {
  const { status } = connectionProgress({ ...connection, lastTestPassed: false });
  return <Badge tone={TONES[status]}>{status}</Badge>;
}
