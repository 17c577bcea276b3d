import { findOutboundRefusal, type GuardedFetch } from "../outbound";

/** The subset of `fetch` we use. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface FetchTextOptions {
  /** Always the guarded fetch: these URLs come from administrators and IdP documents. */
  fetchImpl: GuardedFetch;
  timeoutMs: number;
  maxBytes: number;
  accept: string;
  /** Short noun phrase for messages, e.g. "SAML metadata". */
  what: string;
  /** Checked for every hop of a redirect chain; returns an error sentence to refuse a URL. */
  checkUrl: (url: URL) => string | null;
  maxRedirects?: number;
}

export type FetchTextOutcome =
  | { ok: true; url: URL; status: number; statusText: string; contentType: string; body: string }
  | { ok: false; stage: "refused" | "unreachable" | "too_large"; error: string };

class TimeoutSignal extends Error {}

/**
 * GETs a small text document with a deadline covering connection, redirects and body, and a
 * byte limit enforced while streaming, so a hostile or broken server cannot hold a request or
 * fill memory. Redirects are followed by hand so each hop passes `checkUrl` (an https page must
 * not bounce us to an internal address). Never throws.
 */
export async function fetchText(start: URL, options: FetchTextOptions): Promise<FetchTextOutcome> {
  const controller = new AbortController();
  let current = start;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Racing the deadline as well as aborting keeps the promise honest when a custom fetchImpl
  // (or its body stream) ignores the abort signal.
  const deadline = new Promise<FetchTextOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new TimeoutSignal("timeout"));
      resolve({ ok: false, stage: "unreachable", error: unreachableSentence(current, undefined, controller, options.timeoutMs) });
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([
      fetchHops(start, options, controller, (url) => {
        current = url;
      }),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchHops(start: URL, options: FetchTextOptions, controller: AbortController, onHop: (url: URL) => void): Promise<FetchTextOutcome> {
  const fetchImpl = options.fetchImpl;
  const maxRedirects = options.maxRedirects ?? 5;
  let url = start;
  for (let hop = 0; ; hop++) {
    onHop(url);
    const refusal = options.checkUrl(url);
    if (refusal !== null) return { ok: false, stage: "refused", error: refusal };
    let response: Response;
    try {
      response = await fetchImpl(url.href, {
        method: "GET",
        headers: { accept: options.accept },
        redirect: "manual",
        signal: controller.signal,
      });
    } catch (error) {
      const refusal = findOutboundRefusal(error);
      if (refusal !== null) return { ok: false, stage: "refused", error: refusal.message };
      return { ok: false, stage: "unreachable", error: unreachableSentence(url, error, controller, options.timeoutMs) };
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel().catch(() => undefined);
      if (hop >= maxRedirects) {
        return {
          ok: false,
          stage: "unreachable",
          error: `${url.host} redirected us more than ${maxRedirects} times. Use the final address of the ${options.what} instead.`,
        };
      }
      try {
        url = new URL(location, url);
      } catch {
        // The Location header is the server's text: not echoed, it may name internal hosts.
        return { ok: false, stage: "unreachable", error: `${url.host} redirected us to an invalid address. Check the URL with your identity provider.` };
      }
      continue;
    }
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, stage: "too_large", error: tooLargeSentence(url, options) };
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await readLimited(response, options.maxBytes);
    } catch (error) {
      return { ok: false, stage: "unreachable", error: unreachableSentence(url, error, controller, options.timeoutMs) };
    }
    if (bytes === null) return { ok: false, stage: "too_large", error: tooLargeSentence(url, options) };
    return {
      ok: true,
      url,
      status: response.status,
      statusText: response.statusText,
      contentType: response.headers.get("content-type") ?? "",
      body: new TextDecoder("utf-8").decode(bytes),
    };
  }
}

/** Returns null when the body exceeds `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLargeSentence(url: URL, options: FetchTextOptions): string {
  const limit = options.maxBytes >= 1024 * 1024 ? `${options.maxBytes / (1024 * 1024)} MB` : `${options.maxBytes} bytes`;
  return `The response from ${url.host} is larger than ${limit}, which is far more than ${options.what} should be. Check that the URL points to your identity provider's own document.`;
}

function unreachableSentence(url: URL, error: unknown, controller: AbortController, timeoutMs: number): string {
  const reason = controller.signal.reason instanceof TimeoutSignal ? `timed out after ${formatSeconds(timeoutMs)}` : describeNetworkError(error);
  return `We could not reach ${url.host} (${reason}). Check the URL and that the IdP is reachable from the Gatehouse server.`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

const TLS_CODES = new Set([
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_NOT_YET_VALID",
]);

/** Turns undici's "fetch failed" (the real cause is nested) into words an admin recognises. */
export function describeNetworkError(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string") {
      if (code === "ECONNREFUSED") return "connection refused";
      if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return "name not found";
      if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT") return "timed out";
      if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "the connection was closed unexpectedly";
      if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "no network route to the host";
      if (TLS_CODES.has(code)) return `its HTTPS certificate is not trusted: ${code}`;
      return code;
    }
    if (current.name === "TimeoutError") return "timed out";
    if (current.cause === undefined) return current.message || "network error";
    current = current.cause;
  }
  return "network error";
}
