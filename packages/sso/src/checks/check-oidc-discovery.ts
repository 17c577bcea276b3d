import { guardedFetch, PUBLIC_ONLY, type GuardedFetch } from "../outbound";
import { fetchText } from "./http";
import { checklistPasses, type CheckItem } from "./result";
import { parseWebUrl } from "./url";

export type TokenEndpointAuthMethod = "client_secret_post" | "client_secret_basic" | "none";

export interface CheckOidcDiscoveryInput {
  discoveryUrl: string;
  expectedIssuer?: string;
  scopes: string[];
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** The deployment's guarded fetch (SsoContext.fetchImpl); by default only public addresses. */
  fetchImpl?: GuardedFetch;
  timeoutMs?: number;
}

/** The endpoints Gatehouse needs from the document, as advertised (unvalidated strings). */
export interface OidcProviderMetadata {
  issuer?: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  jwks_uri?: string;
  userinfo_endpoint?: string;
}

export interface OidcDiscoveryCheck {
  ok: boolean;
  items: CheckItem[];
  metadata?: OidcProviderMetadata;
}

const MAX_DOCUMENT_BYTES = 1024 * 1024;
// Symmetric or absent signatures would need the client secret to verify, or nothing at all.
const UNSAFE_SIGNING_ALGS = new Set(["none", "HS256", "HS384", "HS512"]);

/**
 * The "Test Connection" checklist for an OpenID Connect IdP. Stops at the first step that makes
 * later ones meaningless (unreachable, bad status, not JSON); otherwise reports every problem.
 * Network failures become checklist items: this function does not throw for them.
 */
export async function checkOidcDiscovery(input: CheckOidcDiscoveryInput): Promise<OidcDiscoveryCheck> {
  const items: CheckItem[] = [];
  const done = (metadata?: OidcProviderMetadata): OidcDiscoveryCheck =>
    metadata === undefined ? { ok: checklistPasses(items), items } : { ok: checklistPasses(items), items, metadata };
  const timeoutMs = input.timeoutMs ?? 5000;
  const fetchImpl = input.fetchImpl ?? guardedFetch(PUBLIC_ONLY);

  const start = parseWebUrl(input.discoveryUrl, "discovery URL");
  if (!start.ok) {
    items.push({ id: "reachable", label: "Discovery URL reachable", status: "error", detail: start.error });
    return done();
  }
  const response = await fetchText(start.value, {
    fetchImpl,
    timeoutMs,
    maxBytes: MAX_DOCUMENT_BYTES,
    accept: "application/json",
    what: "an OpenID configuration",
    checkUrl: (url) => {
      const checked = parseWebUrl(url.href, "discovery URL");
      return checked.ok ? null : `The discovery URL redirected to an address Gatehouse does not use. ${checked.error}`;
    },
  });
  if (!response.ok) {
    items.push({ id: "reachable", label: "Discovery URL reachable", status: "error", detail: response.error });
    return done();
  }
  items.push({ id: "reachable", label: "Discovery URL reachable", status: "ok", detail: `Connected to ${response.url.host}.` });

  const statusItem = httpStatusItem(response.status);
  items.push(statusItem);
  if (statusItem.status === "error") return done();

  const document = parseJsonDocument(response.body, response.contentType);
  items.push(document.item);
  if (document.value === undefined) return done();
  const doc = document.value;
  const metadata = pickMetadata(doc);

  items.push(issuerItem(metadata.issuer, input.expectedIssuer));
  items.push(endpointItem("authorization_endpoint", "Authorization endpoint", metadata.authorization_endpoint));
  items.push(endpointItem("token_endpoint", "Token endpoint", metadata.token_endpoint));
  items.push(await jwksItem(metadata.jwks_uri, fetchImpl, timeoutMs));
  items.push(signingAlgItem(doc["id_token_signing_alg_values_supported"]));
  items.push(scopesItem(doc["scopes_supported"], input.scopes));
  items.push(authMethodItem(doc["token_endpoint_auth_methods_supported"], input.tokenEndpointAuthMethod));
  if (input.tokenEndpointAuthMethod === "none") items.push(pkceItem(doc["code_challenge_methods_supported"]));
  return done(metadata);
}

// The status code only: the reason phrase is the server's text, not ours to relay.
function httpStatusItem(status: number): CheckItem {
  const base = { id: "http_status", label: "HTTP status" };
  const code = String(status);
  if (status === 200) return { ...base, status: "ok", detail: code };
  if (status === 404) {
    return {
      ...base,
      status: "error",
      detail: `The discovery URL answered ${code}: this URL is not an OpenID discovery document. Check for typos; the URL usually ends in /.well-known/openid-configuration.`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      ...base,
      status: "error",
      detail: `The discovery URL answered ${code}. Discovery documents are public, so this is probably not the right URL; check it with your identity provider.`,
    };
  }
  if (status >= 500)
    return { ...base, status: "error", detail: `The discovery URL answered ${code}: the identity provider had a server error. Try again later.` };
  return { ...base, status: "error", detail: `The discovery URL answered ${code} instead of 200 OK. Check the discovery URL.` };
}

function parseJsonDocument(body: string, contentType: string): { item: CheckItem; value?: Record<string, unknown> } {
  const base = { id: "json", label: "OpenID configuration" };
  const trimmed = body.replace(/^\uFEFF/, "").trim();
  if (contentType.toLowerCase().includes("text/html") || trimmed.startsWith("<")) {
    return {
      item: {
        ...base,
        status: "error",
        detail:
          "This URL returned a web page, not OpenID configuration JSON. Paste the issuer URL or the discovery URL (ending in /.well-known/openid-configuration), not the sign-in page.",
      },
    };
  }
  if (trimmed === "")
    return { item: { ...base, status: "error", detail: "This URL returned an empty response, not OpenID configuration JSON. Check the discovery URL." } };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { item: { ...base, status: "error", detail: "This URL did not return valid JSON, so it is not an OpenID configuration. Check the discovery URL." } };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { item: { ...base, status: "error", detail: "This URL returned JSON that is not an OpenID configuration object. Check the discovery URL." } };
  }
  return { item: { ...base, status: "ok", detail: "Valid JSON document." }, value: value as Record<string, unknown> };
}

function pickMetadata(doc: Record<string, unknown>): OidcProviderMetadata {
  const metadata: OidcProviderMetadata = {};
  for (const key of ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint"] as const) {
    const value = doc[key];
    if (typeof value === "string" && value !== "") metadata[key] = value;
  }
  return metadata;
}

function issuerItem(issuer: string | undefined, expected: string | undefined): CheckItem {
  const base = { id: "issuer", label: "Issuer" };
  if (issuer === undefined)
    return { ...base, status: "error", detail: "The document has no issuer, so ID tokens cannot be checked. This is not a valid OpenID configuration." };
  if (expected === undefined || issuer === expected) return { ...base, status: "ok", detail: issuer };
  if (issuer.replace(/\/+$/, "") === expected.replace(/\/+$/, "")) {
    return {
      ...base,
      status: "warn",
      detail: `The identity provider's issuer is "${issuer}" and you entered "${expected}"; they differ only by a trailing slash. Gatehouse will use "${issuer}" exactly, as ID tokens carry it.`,
    };
  }
  return {
    ...base,
    status: "error",
    detail: `The identity provider says its issuer is "${issuer}", but we expected "${expected}". ID tokens would be rejected. Check that the URL is for the right tenant or authorization server.`,
  };
}

function endpointItem(id: string, label: string, value: string | undefined): CheckItem {
  if (value === undefined) return { id, label, status: "error", detail: `The document has no ${id}; Gatehouse needs it to sign users in.` };
  const url = parseWebUrl(value, label.toLowerCase());
  if (!url.ok) return { id, label, status: "error", detail: `The advertised ${id} is unusable: ${url.error}` };
  return { id, label, status: "ok", detail: value };
}

async function jwksItem(jwksUri: string | undefined, fetchImpl: GuardedFetch, timeoutMs: number): Promise<CheckItem> {
  const base = { id: "jwks", label: "Signing keys (JWKS)" };
  if (jwksUri === undefined) return { ...base, status: "error", detail: "The document has no jwks_uri, so ID token signatures cannot be verified." };
  const url = parseWebUrl(jwksUri, "jwks_uri");
  if (!url.ok) return { ...base, status: "error", detail: `The advertised jwks_uri is unusable: ${url.error}` };
  const response = await fetchText(url.value, {
    fetchImpl,
    timeoutMs,
    maxBytes: MAX_DOCUMENT_BYTES,
    accept: "application/json, application/jwk-set+json",
    what: "a key set",
    checkUrl: (next) => {
      const checked = parseWebUrl(next.href, "jwks_uri");
      return checked.ok ? null : `The jwks_uri redirected to an address Gatehouse does not use. ${checked.error}`;
    },
  });
  if (!response.ok) return { ...base, status: "error", detail: `Fetching the signing keys failed. ${response.error}` };
  if (response.status !== 200) {
    return {
      ...base,
      status: "error",
      detail: `The jwks_uri answered ${response.status} instead of 200, so ID tokens cannot be verified. Check the identity provider's configuration.`,
    };
  }
  let keys: unknown;
  try {
    keys = (JSON.parse(response.body) as { keys?: unknown }).keys;
  } catch {
    keys = undefined;
  }
  if (!Array.isArray(keys)) {
    return { ...base, status: "error", detail: `The jwks_uri ${jwksUri} did not return a JSON key set (an object with "keys").` };
  }
  const objects = keys.filter((k): k is Record<string, unknown> => typeof k === "object" && k !== null);
  const signing = objects.filter((k) => k["use"] !== "enc");
  if (signing.length === 0) {
    const found = objects.length === 0 ? "has no keys (0 keys)" : `has only encryption keys (${objects.length}), no signing keys`;
    return {
      ...base,
      status: "error",
      detail: `The key set at ${jwksUri} ${found}, so no ID token can be verified. Check the identity provider's signing key configuration.`,
    };
  }
  const types = [...new Set(signing.map((k) => (typeof k["kty"] === "string" ? k["kty"] : "unknown type")))].join(", ");
  return { ...base, status: "ok", detail: `${signing.length} signing key${signing.length === 1 ? "" : "s"} (${types}).` };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

function signingAlgItem(value: unknown): CheckItem {
  const base = { id: "signing_algs", label: "ID token signing algorithms" };
  const algs = stringList(value);
  if (algs === undefined || algs.length === 0) {
    return { ...base, status: "warn", detail: "The document does not list id_token_signing_alg_values_supported; we will expect RS256." };
  }
  if (algs.every((alg) => UNSAFE_SIGNING_ALGS.has(alg))) {
    return {
      ...base,
      status: "warn",
      detail: `Only ${algs.join(", ")} advertised. Gatehouse needs ID tokens signed with a public-key algorithm such as RS256; enable it in your identity provider.`,
    };
  }
  return { ...base, status: "ok", detail: algs.join(", ") };
}

function scopesItem(value: unknown, requested: string[]): CheckItem {
  const base = { id: "scopes", label: "Scopes" };
  if (requested.length === 0) {
    return { ...base, status: "warn", detail: "No scopes are configured; OpenID Connect sign-in needs at least openid (and email to match users)." };
  }
  const supported = stringList(value);
  if (supported === undefined) {
    return { ...base, status: "warn", detail: `Supported scopes are not advertised, so we cannot confirm ${requested.join(" ")}. Sign in once to be sure.` };
  }
  const missing = requested.filter((scope) => !supported.includes(scope));
  if (missing.length > 0) {
    return {
      ...base,
      status: "warn",
      detail: `The identity provider does not advertise ${missing.join(", ")}. Sign-in may fail or lack user details; remove ${missing.length === 1 ? "it" : "them"} or enable ${missing.length === 1 ? "it" : "them"} in your identity provider.`,
    };
  }
  return { ...base, status: "ok", detail: `${requested.join(" ")} supported.` };
}

function authMethodItem(value: unknown, chosen: TokenEndpointAuthMethod): CheckItem {
  const base = { id: "token_auth_method", label: "Client authentication" };
  const methods = stringList(value);
  if (methods === undefined) {
    // OpenID Connect Discovery §3: when omitted, the default is client_secret_basic.
    if (chosen === "client_secret_basic") return { ...base, status: "ok", detail: "Not advertised; client_secret_basic is the default." };
    return { ...base, status: "warn", detail: `Supported methods are not advertised (the default is client_secret_basic), so ${chosen} may not work.` };
  }
  if (!methods.includes(chosen)) {
    return {
      ...base,
      status: "warn",
      detail: `The identity provider advertises ${methods.join(", ") || "no methods"}, not ${chosen}. Choose one of those, or the token request may fail.`,
    };
  }
  return { ...base, status: "ok", detail: `${chosen} supported.` };
}

function pkceItem(value: unknown): CheckItem {
  const base = { id: "pkce", label: "PKCE (S256)" };
  const methods = stringList(value);
  if (methods === undefined) {
    return {
      ...base,
      status: "warn",
      detail:
        "code_challenge_methods_supported is not advertised. A client without a secret relies on PKCE S256; make sure your identity provider supports it.",
    };
  }
  if (!methods.includes("S256")) {
    return {
      ...base,
      status: "error",
      detail: `The identity provider advertises PKCE ${methods.join(", ") || "without any method"}, not S256. A client without a secret needs S256; enable it, or use a client secret.`,
    };
  }
  return { ...base, status: "ok", detail: "S256 supported." };
}
