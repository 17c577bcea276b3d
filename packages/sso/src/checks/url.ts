import { fail, ok, type Result } from "./result";

// Plain http is tolerated only where nothing can intercept it: the machine itself, while testing.
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * Parses an address an administrator typed for one of our forms. `field` names the form field
 * in the error sentences, so the person knows which box to fix.
 */
export function parseWebUrl(input: string, field: string): Result<URL> {
  const trimmed = input.trim();
  if (trimmed === "") return fail(`Enter the ${field}.`);
  if (trimmed.length > 4096) return fail(`The ${field} is too long to be a web address. Copy only the URL.`);
  // Without a scheme, `new URL("idp.example.com:8443")` would read "idp.example.com:" as the scheme.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    // "javascript:…" or "mailto:…" are other schemes; "idp.example.com:8443/…" is a missing one.
    const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(trimmed)?.[1];
    if (scheme !== undefined) return fail(`The ${field} must start with https:// (it starts with ${scheme}:).`);
    return fail(`The ${field} must be a full address starting with https://, for example https://${trimmed.replace(/^\/+/, "")}.`);
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fail(`The ${field} is not a valid URL. Copy it again from your identity provider; it should look like https://idp.example.com/….`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return fail(`The ${field} must start with https:// (it starts with ${url.protocol}//).`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    return fail(`The ${field} uses http://; use https:// instead. Plain http is only allowed for localhost while testing.`);
  }
  if (url.username !== "" || url.password !== "") {
    return fail(`The ${field} must not contain a user name or password; remove the part before "@".`);
  }
  return ok(url);
}
