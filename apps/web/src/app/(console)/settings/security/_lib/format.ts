// The same text on the server and in the browser (no locale or time zone), so hydration matches.

/** "2025-03-01 14:05 UTC" */
export function formatUtc(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  return `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from now until the date; negative once it has passed. */
export function daysUntil(value: string, now: Date = new Date()): number {
  return Math.floor((Date.parse(value) - now.getTime()) / DAY_MS);
}

/** How close a certificate is to expiry, for its colour: expired, under 30 days, or fine. */
export function expiryTone(daysLeft: number): "error" | "warn" | "ok" {
  if (daysLeft < 0) return "error";
  if (daysLeft < 30) return "warn";
  return "ok";
}

export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft < 0) return `expired ${-daysLeft === 1 ? "1 day" : `${-daysLeft} days`} ago`;
  if (daysLeft === 0) return "expires today";
  return `${daysLeft === 1 ? "1 day" : `${daysLeft} days`} left`;
}

export const PURPOSE_LABELS: Record<string, string> = { authenticate: "Authenticate", test_email: "Test sign-in", sign_in: "Sign-in" };
