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

/**
 * For next-auth's redirect callback: an absolute URL on `baseUrl`'s origin, or a site path,
 * becomes `baseUrl` + the safe path; anything else goes to `baseUrl`'s home.
 */
export function sameSiteRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, "");
  let path: string = url;
  try {
    const absolute = new URL(url);
    if (absolute.origin !== new URL(base).origin) return `${base}/`;
    path = `${absolute.pathname}${absolute.search}${absolute.hash}`;
  } catch {
    // Not absolute: a path, checked below.
  }
  return `${base}${safeCallbackUrl(path, "/")}`;
}
