import { describeFilter, matchesFilter, type CapturedEmail, type EmailFilter } from "./captured-email";

export type WaitForEmailOverHttpOptions = EmailFilter & { timeoutMs?: number; intervalMs?: number };

/** Mail captured for `to` (all mail without it), newest first, read from an SMTP capture's HTTP API. */
export async function listEmailsOverHttp(httpUrl: string, to?: string): Promise<CapturedEmail[]> {
  const url = new URL("/messages", httpUrl);
  if (to) url.searchParams.set("to", to);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as CapturedEmail[];
}

export async function clearEmailsOverHttp(httpUrl: string): Promise<void> {
  const url = new URL("/messages", httpUrl);
  const response = await fetch(url, { method: "DELETE" });
  if (!response.ok) throw new Error(`DELETE ${url} answered ${response.status}`);
}

/**
 * Polls the capture until an email matching the filter is there and returns the newest one.
 * Keeps polling through connection errors: the capture may still be starting.
 */
export async function waitForEmailOverHttp(
  httpUrl: string,
  { timeoutMs = 10_000, intervalMs = 200, ...filter }: WaitForEmailOverHttpOptions,
): Promise<CapturedEmail> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "nothing was received for that address";
  for (;;) {
    try {
      const emails = await listEmailsOverHttp(httpUrl, filter.to);
      const found = emails.find((email) => matchesFilter(email, filter));
      if (found) return found;
      if (emails.length) lastProblem = `received for that address: ${emails.map((e) => JSON.stringify(e.subject)).join(", ")}`;
    } catch (error) {
      lastProblem = `last poll failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`No ${describeFilter(filter)} at ${httpUrl} within ${timeoutMs} ms; ${lastProblem}`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, remaining)));
  }
}
