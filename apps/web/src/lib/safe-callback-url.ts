const origin = "http://gatehouse.invalid";

/**
 * Keeps post-sign-in redirects on this site: only a same-origin path is accepted.
 * The check runs on the value we will actually send, because URL parsing normalises
 * dot segments: "/.//evil.test" parses to the path "//evil.test", which a browser
 * reads as protocol-relative (issue #12).
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!isSitePath(value)) return fallback;
  const serialised = serialiseSamePath(value);
  // The result must itself be a site path that re-parses to itself.
  if (serialised === null || !isSitePath(serialised) || serialiseSamePath(serialised) !== serialised) return fallback;
  return serialised;
}

/** A single leading "/" not followed by "/" or "\" (both make a browser leave the site). */
function isSitePath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") && !/[\u0000-\u001f\u007f]/.test(value);
}

function serialiseSamePath(value: string): string | null {
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
