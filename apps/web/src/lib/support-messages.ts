import type { PasswordResetsSent } from "@gatehouse/core";

/** "2026-11-27 14:05 UTC": staff and customers are in every time zone. */
export const formatUtcShort = (date: Date | string) => `${new Date(date).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function describeResetsSent({ sent, rateLimited }: PasswordResetsSent): string {
  const sentText = `Password reset links sent to ${sent} member${sent === 1 ? "" : "s"}.`;
  return rateLimited.length === 0 ? sentText : `${sentText} Not sent (several links in the last few minutes already): ${rateLimited.join(", ")}.`;
}
