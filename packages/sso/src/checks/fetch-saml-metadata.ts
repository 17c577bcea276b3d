import { guardedFetch, PUBLIC_ONLY, type GuardedFetch } from "../outbound";
import { fetchText } from "./http";
import { fail, ok, type Result } from "./result";
import { MAX_METADATA_BYTES } from "./saml";
import { parseWebUrl } from "./url";

export interface FetchSamlMetadataOptions {
  /** The deployment's guarded fetch (SsoContext.fetchImpl); by default only public addresses. */
  fetchImpl?: GuardedFetch;
  timeoutMs?: number;
}

const FIELD = "metadata URL";

/**
 * Downloads IdP metadata from the URL an administrator typed. The request comes from the
 * Gatehouse server, so the guarded fetch refuses addresses inside its network (every redirect
 * hop too): the form must not become a way to probe internal services (SSRF).
 */
export async function fetchSamlMetadata(url: string, options: FetchSamlMetadataOptions = {}): Promise<Result<string>> {
  const parsed = parseWebUrl(url, FIELD);
  if (!parsed.ok) return parsed;
  const outcome = await fetchText(parsed.value, {
    fetchImpl: options.fetchImpl ?? guardedFetch(PUBLIC_ONLY),
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: MAX_METADATA_BYTES,
    accept: "application/samlmetadata+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
    what: "SAML metadata",
    checkUrl: refuseUnsafeUrl,
  });
  if (!outcome.ok) return fail(outcome.error);
  const host = outcome.url.host;
  if (outcome.status !== 200) return fail(explainStatus(outcome.status));
  const body = outcome.body.replace(/^\uFEFF/, "").trim();
  if (body === "") return fail(`${host} returned an empty response instead of SAML metadata. Check the metadata URL.`);
  if (/^<!DOCTYPE\s+html/i.test(body) || /^<html[\s>]/i.test(body) || outcome.contentType.toLowerCase().includes("text/html")) {
    return fail(
      `${host} returned a web page, not SAML metadata XML. This is often a sign-in page: use the public metadata URL from your identity provider, or download the metadata and paste it.`,
    );
  }
  if (!body.startsWith("<")) {
    return fail(`${host} did not return XML. Check that the URL is your identity provider's SAML metadata URL.`);
  }
  return ok(body);
}

/** Applied to the typed URL and to every redirect target; addresses are judged at connect time. */
function refuseUnsafeUrl(url: URL): string | null {
  const parsed = parseWebUrl(url.href, FIELD);
  return parsed.ok ? null : parsed.error;
}

// The status code only: the reason phrase and body are the server's words, not ours to relay.
function explainStatus(status: number): string {
  if (status === 404) return `The ${FIELD} answered 404: there is no metadata at this address. Copy the metadata URL again from your identity provider.`;
  if (status === 401 || status === 403) {
    return `The ${FIELD} answered ${status}: the metadata needs a sign-in. Use your identity provider's public metadata URL, or download the metadata and paste it.`;
  }
  if (status >= 500) return `The ${FIELD} answered ${status}: the identity provider had a server error. Try again later, or paste the metadata instead.`;
  return `The ${FIELD} answered ${status} instead of the metadata. Check the metadata URL.`;
}
