/** Keeps post-sign-in redirects on this site: only a same-origin path is accepted. */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // "//evil.test" and "/\evil.test" are protocol-relative to browsers.
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, "http://gatehouse.invalid");
    if (url.origin !== "http://gatehouse.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
