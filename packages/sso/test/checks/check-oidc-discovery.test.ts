import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOidcDiscovery, type CheckItem, type OidcDiscoveryCheck } from "../../src/checks";
import { guardedFetch } from "../../src/outbound";
import { closedPort, json, remoteIdp, startServer, text, type Handler, type TestServer } from "./helpers";

let server: TestServer;
let base: string;

const jwks = { keys: [{ kty: "RSA", kid: "k1", use: "sig", n: "AQAB", e: "AQAB" }] };

function document(issuer: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/keys`,
    userinfo_endpoint: `${issuer}/userinfo`,
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "email", "profile"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    code_challenge_methods_supported: ["S256"],
    ...overrides,
  };
}

const WK = "/.well-known/openid-configuration";

beforeAll(async () => {
  // Routes need the port, which is only known once listening; they read `base` lazily.
  const lazy =
    (make: () => Record<string, unknown>): Handler =>
    (req, res) =>
      json(make())(req, res);
  server = await startServer({
    [`/good${WK}`]: lazy(() => document(`${base}/good`)),
    "/good/keys": json(jwks),
    [`/slash${WK}`]: lazy(() => document(`${base}/slash/`, { jwks_uri: `${base}/good/keys` })),
    [`/wrong${WK}`]: lazy(() => document("https://elsewhere.example.com", { jwks_uri: `${base}/good/keys` })),
    [`/empty-jwks${WK}`]: lazy(() => document(`${base}/empty-jwks`)),
    "/empty-jwks/keys": json({ keys: [] }),
    [`/weak${WK}`]: lazy(() =>
      document(`${base}/weak`, {
        jwks_uri: `${base}/good/keys`,
        id_token_signing_alg_values_supported: ["HS256", "none"],
        scopes_supported: ["openid"],
        token_endpoint_auth_methods_supported: ["client_secret_basic"],
        code_challenge_methods_supported: ["plain"],
      }),
    ),
    [`/sparse${WK}`]: lazy(() => ({
      issuer: `${base}/sparse`,
      authorization_endpoint: `${base}/sparse/authorize`,
      token_endpoint: `${base}/sparse/token`,
      jwks_uri: `${base}/good/keys`,
    })),
    [`/no-jwks${WK}`]: lazy(() => document(`${base}/no-jwks`, { jwks_uri: `${base}/missing-keys` })),
    "/html": text("<!DOCTYPE html><html><body>Sign in</body></html>", "text/html; charset=utf-8"),
    "/broken": text("{ not json", "application/json"),
    "/error": text("oops", "text/plain", 500),
    "/redirect": (_req, res) => {
      res.writeHead(302, { location: `${base}/good${WK}` });
      res.end();
    },
    [`/enc-only${WK}`]: lazy(() => document(`${base}/enc-only`)),
    "/enc-only/keys": json({ keys: [{ kty: "RSA", use: "enc", n: "AQAB", e: "AQAB" }] }),
    "/stall": (_req, res) => {
      // Headers and half a document, then silence: the deadline must cover the body too.
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"issuer":');
    },
    "/hang": () => {
      // Never answers, to exercise the timeout.
    },
  });
  base = server.origin;
});

afterAll(async () => {
  await server.close();
});

function item(result: OidcDiscoveryCheck, id: string): CheckItem {
  const found = result.items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id} in ${result.items.map((i) => i.id).join(", ")}`);
  return found;
}

// The test servers are on loopback, which the test deployment allows (as development does).
const loopbackAllowed = guardedFetch({ allowLoopback: true, allowPrivate: false });
const defaults = { scopes: ["openid", "email", "profile"], tokenEndpointAuthMethod: "client_secret_basic" as const, fetchImpl: loopbackAllowed };

describe("checkOidcDiscovery", () => {
  it("passes a good document, in checklist order, with metadata", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/good${WK}`, expectedIssuer: `${base}/good` });
    expect(result.items.map((i) => i.id)).toEqual([
      "reachable",
      "http_status",
      "json",
      "issuer",
      "authorization_endpoint",
      "token_endpoint",
      "jwks",
      "signing_algs",
      "scopes",
      "token_auth_method",
    ]);
    expect(result.items.filter((i) => i.status !== "ok")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(item(result, "jwks").detail).toBe("1 signing key (RSA).");
    expect(item(result, "signing_algs").detail).toBe("RS256");
    expect(result.metadata).toEqual({
      issuer: `${base}/good`,
      authorization_endpoint: `${base}/good/authorize`,
      token_endpoint: `${base}/good/token`,
      jwks_uri: `${base}/good/keys`,
      userinfo_endpoint: `${base}/good/userinfo`,
    });
  });

  it("follows redirects", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/redirect` });
    expect(result.ok).toBe(true);
  });

  it("reports an unreachable host without throwing", async () => {
    const port = await closedPort();
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `http://127.0.0.1:${port}${WK}` });
    expect(result.ok).toBe(false);
    expect(result.items).toHaveLength(1);
    expect(item(result, "reachable")).toMatchObject({ status: "error" });
    expect(item(result, "reachable").detail).toBe(
      `We could not reach 127.0.0.1:${port} (connection refused). Check the URL and that the IdP is reachable from the Gatehouse server.`,
    );
    expect(result.metadata).toBeUndefined();
  });

  it("reports a timeout", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/hang`, timeoutMs: 200 });
    expect(item(result, "reachable").detail).toMatch(/\(timed out after 200 ms\)/);
  });

  it("reports name resolution failures through fetchImpl errors", async () => {
    const fetchImpl = remoteIdp(async (): Promise<Response> => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND idp.invalid"), { code: "ENOTFOUND" }) });
    });
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `https://idp.invalid${WK}`, fetchImpl });
    expect(item(result, "reachable").detail).toMatch(/^We could not reach idp\.invalid \(name not found\)/);
  });

  it("refuses plain http to a remote host before connecting", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `http://idp.example.com${WK}` });
    expect(item(result, "reachable")).toMatchObject({ status: "error", detail: expect.stringMatching(/use https/) });
  });

  it("explains a 404", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/nothing-here${WK}` });
    expect(result.ok).toBe(false);
    expect(item(result, "reachable").status).toBe("ok");
    expect(item(result, "http_status")).toMatchObject({ status: "error", detail: expect.stringMatching(/404.*not an OpenID discovery document/) });
    expect(result.items.map((i) => i.id)).toEqual(["reachable", "http_status"]);
  });

  it("explains a server error", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/error` });
    expect(item(result, "http_status").detail).toMatch(/500.*server error/);
  });

  it("explains an HTML page", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/html` });
    expect(result.ok).toBe(false);
    expect(item(result, "json").detail).toMatch(/^This URL returned a web page, not OpenID configuration JSON/);
  });

  it("explains broken JSON", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/broken` });
    expect(item(result, "json")).toMatchObject({ status: "error", detail: expect.stringMatching(/not return valid JSON/) });
  });

  it("shows both values when the issuer does not match", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/wrong${WK}`, expectedIssuer: `${base}/wrong` });
    expect(result.ok).toBe(false);
    const issuer = item(result, "issuer");
    expect(issuer.status).toBe("error");
    expect(issuer.detail).toContain('"https://elsewhere.example.com"');
    expect(issuer.detail).toContain(`"${base}/wrong"`);
  });

  it("only warns when the issuer differs by a trailing slash", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/slash${WK}`, expectedIssuer: `${base}/slash` });
    expect(item(result, "issuer").status).toBe("warn");
    expect(result.ok).toBe(true);
  });

  it("fails on an empty key set", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/empty-jwks${WK}` });
    expect(result.ok).toBe(false);
    expect(item(result, "jwks")).toMatchObject({ status: "error", detail: expect.stringMatching(/0 keys/) });
  });

  it("fails when the key set has only encryption keys", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/enc-only${WK}` });
    expect(item(result, "jwks")).toMatchObject({ status: "error", detail: expect.stringMatching(/only encryption keys \(1\)/) });
  });

  it("times out on a body that stops arriving", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/stall`, timeoutMs: 200 });
    expect(item(result, "reachable").detail).toMatch(/timed out after 200 ms/);
  });

  it("times out even when fetchImpl ignores the abort signal", async () => {
    const fetchImpl = remoteIdp(() => new Promise<Response>(() => undefined));
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `https://idp.example.com${WK}`, fetchImpl, timeoutMs: 100 });
    expect(item(result, "reachable").detail).toBe(
      "We could not reach idp.example.com (timed out after 100 ms). Check the URL and that the IdP is reachable from the Gatehouse server.",
    );
  });

  it("warns when no scopes are requested", async () => {
    const result = await checkOidcDiscovery({ ...defaults, scopes: [], discoveryUrl: `${base}/good${WK}` });
    expect(item(result, "scopes")).toMatchObject({ status: "warn", detail: expect.stringMatching(/at least openid/) });
  });

  it("fails when the key set cannot be fetched", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/no-jwks${WK}` });
    expect(item(result, "jwks")).toMatchObject({ status: "error", detail: expect.stringMatching(/answered 404/) });
  });

  it("warns about symmetric-only algorithms, missing scopes, auth method and PKCE", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/weak${WK}`, tokenEndpointAuthMethod: "none" });
    expect(item(result, "signing_algs")).toMatchObject({ status: "warn", detail: expect.stringContaining("HS256, none") });
    expect(item(result, "scopes")).toMatchObject({ status: "warn", detail: expect.stringContaining("email, profile") });
    expect(item(result, "token_auth_method")).toMatchObject({ status: "warn", detail: expect.stringContaining("not none") });
    expect(item(result, "pkce")).toMatchObject({ status: "error" });
    expect(result.ok).toBe(false);
  });

  it("warns when scopes, methods and PKCE are not advertised", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/sparse${WK}`, tokenEndpointAuthMethod: "none" });
    expect(item(result, "scopes")).toMatchObject({ status: "warn", detail: expect.stringMatching(/not advertised/) });
    expect(item(result, "signing_algs").status).toBe("warn");
    expect(item(result, "token_auth_method").status).toBe("warn");
    expect(item(result, "pkce")).toMatchObject({ status: "warn", detail: expect.stringMatching(/not advertised/) });
    expect(result.ok).toBe(true);
    expect(result.metadata?.userinfo_endpoint).toBeUndefined();
  });

  it("accepts client_secret_basic when methods are not advertised (the default)", async () => {
    const result = await checkOidcDiscovery({ ...defaults, discoveryUrl: `${base}/sparse${WK}` });
    expect(item(result, "token_auth_method").status).toBe("ok");
    expect(result.items.some((i) => i.id === "pkce")).toBe(false);
  });
});
