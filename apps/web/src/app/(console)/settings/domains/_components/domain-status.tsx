import type { DomainStatus } from "@gatehouse/db";
import { Badge } from "@gatehouse/ui";

const STATUS: Record<DomainStatus, { label: string; tone: "emerald" | "amber" | "slate" | "red" }> = {
  pending: { label: "Pending", tone: "amber" },
  verified: { label: "Verified", tone: "emerald" },
  expired: { label: "Expired — re-check stopped", tone: "slate" },
  lost: { label: "Verification lost", tone: "red" },
};

/** The status in words (never colour alone). */
export function DomainStatusBadge({ status }: { status: DomainStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
