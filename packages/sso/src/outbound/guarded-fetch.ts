import { fetch as undiciFetch, type Agent, type RequestInit as UndiciRequestInit } from "undici";
import type { OutboundPolicy } from "./address-policy";
import { createGuardedAgent, type ResolveName } from "./guarded-agent";
import { findOutboundRefusal } from "./refusal";

/**
 * `fetch` for admin-supplied URLs. The brand means only `guardedFetch` makes one, so a context
 * field of this type cannot hold an unguarded function.
 */
export type GuardedFetch = ((input: string | URL, init?: GuardedRequestInit) => Promise<Response>) & { readonly isGuarded: true };

/** RequestInit, widened to the bodies openid-client passes (its CustomFetchOptions). */
export type GuardedRequestInit = Omit<RequestInit, "body"> & { body?: RequestInit["body"] | Uint8Array<ArrayBufferLike> };

export type GuardedFetchOptions = {
  /** Tests only: stands in for DNS so a name can be made to resolve anywhere. */
  resolveName?: ResolveName;
  /** Deadline for each request, from connecting to the last body byte. */
  timeoutMs?: number;
  /** Largest response body; a longer one fails while streaming. */
  maxBytes?: number;
  maxRedirects?: number;
};

const DEFAULTS = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const agents = new Map<string, Agent>();

function agentFor(policy: OutboundPolicy, options: GuardedFetchOptions, timeoutMs: number): Agent {
  const timeouts = { connectTimeoutMs: Math.min(timeoutMs, 10_000), headersTimeoutMs: timeoutMs, bodyTimeoutMs: timeoutMs };
  if (options.resolveName) return createGuardedAgent(policy, { ...timeouts, resolveName: options.resolveName });
  // Shared per policy so connections to an IdP are reused across requests.
  const key = `${policy.allowLoopback}:${policy.allowPrivate}:${timeoutMs}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = createGuardedAgent(policy, timeouts);
    agents.set(key, agent);
  }
  return agent;
}

/**
 * The one fetch for URLs an administrator (or an IdP's documents) supplied: OIDC discovery,
 * JWKS, token and userinfo endpoints, SAML metadata and its scheduled refresh. Every connection,
 * redirect hops included, goes through an agent that refuses addresses the policy does not
 * allow; time and body size are capped. A refusal rejects with OutboundRefusedError.
 */
export function guardedFetch(policy: OutboundPolicy, options: GuardedFetchOptions = {}): GuardedFetch {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const dispatcher = agentFor(policy, options, timeoutMs);

  const fetchOnce = async (url: URL, init: GuardedRequestInit): Promise<Response> => {
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new TypeError(`Gatehouse fetches only http and https URLs, not ${url.protocol}`);
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      const response = await undiciFetch(url, {
        ...(init as UndiciRequestInit),
        redirect: "manual",
        dispatcher,
        signal: signal as UndiciRequestInit["signal"],
      });
      return capBody(response as unknown as Response, maxBytes, url);
    } catch (error) {
      throw findOutboundRefusal(error) ?? error;
    }
  };

  const fetchFollowing = async (input: string | URL, init: GuardedRequestInit = {}): Promise<Response> => {
    let url = new URL(input);
    let current: GuardedRequestInit = init;
    // Redirects are followed here rather than by undici so each hop is a fresh, checked request.
    for (let hop = 0; ; hop++) {
      const response = await fetchOnce(url, current);
      const location = response.headers.get("location");
      if ((init.redirect ?? "follow") === "manual" || response.status < 300 || response.status >= 400 || location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      if (init.redirect === "error") throw new TypeError(`${url.host} answered with a redirect, which this request does not follow`);
      if (hop >= maxRedirects) throw new TypeError(`${url.host} redirected more than ${maxRedirects} times`);
      const next = new URL(location, url);
      const keepsBody = response.status === 307 || response.status === 308;
      current = keepsBody ? current : { ...current, method: current.method === "HEAD" ? "HEAD" : "GET", body: null };
      // Credentials for one origin must not travel to another (fetch spec §4.4 step 13).
      if (next.origin !== url.origin) current = { ...current, headers: withoutCredentials(current.headers) };
      url = next;
    }
  };

  return Object.assign(fetchFollowing, { isGuarded: true as const });
}

function withoutCredentials(headers: RequestInit["headers"]): Headers {
  const copy = new Headers(headers);
  copy.delete("authorization");
  copy.delete("cookie");
  copy.delete("proxy-authorization");
  return copy;
}

/** Re-wraps undici's response as a global Response whose body errors past `maxBytes`. */
function capBody(response: Response, maxBytes: number, url: URL): Response {
  const headers = new Headers(response.headers);
  const init = { status: response.status, statusText: response.statusText, headers };
  if (response.body === null || NULL_BODY_STATUSES.has(response.status)) return new Response(null, init);
  const tooLarge = () => Object.assign(new Error(`The response from ${url.host} is larger than ${maxBytes} bytes`), { code: "GATEHOUSE_RESPONSE_TOO_LARGE" });
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    void response.body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  let total = 0;
  const limiter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > maxBytes) controller.error(tooLarge());
      else controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(limiter), init);
}
