const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Email links must be absolute web URLs; anything else (a relative path, `javascript:`) is a bug
 * in the caller and would give the reader a broken or dangerous button.
 */
export function assertWebUrl(url: string): string {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new TypeError("Email links must be absolute http(s) URLs");
  }
  if (protocol !== "https:" && protocol !== "http:") throw new TypeError("Email links must be absolute http(s) URLs");
  return url;
}

const UTC_DATE_TIME = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Recipients are in every time zone, so dates say UTC explicitly: "Tuesday, March 3, 2026 at 14:05 UTC". */
export function formatUtc(date: Date): string {
  return `${UTC_DATE_TIME.format(date)} UTC`;
}

/** "1 minute", "30 minutes", "1 hour", "2 hours", "90 minutes", "1 day". */
export function formatDuration(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (minutes >= 1440 && minutes % 1440 === 0) return plural(minutes / 1440, "day");
  if (minutes >= 60 && minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

export function greeting(name: string | undefined): string {
  const trimmed = name?.trim();
  return trimmed ? `Hi ${trimmed},` : "Hi,";
}
