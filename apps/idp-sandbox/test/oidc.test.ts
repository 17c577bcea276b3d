import { createHash, randomBytes, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTRA_TENANT_ID, startSandbox, type OidcProfileId, type Sandbox, type TokenEndpointAuthMethod } from "../src/index";
import { Browser, loginForm } from "@gatehouse/testing/browser";
import { verifyJwt } from "./support/jwt";

const REDIRECT_URI = "http://localhost:4999/callback";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appUrl: "http://localhost:4999" });
});

afterAll(async () => {
  await sandbox?.stop();
});

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  scopes_supported: string[];
}

async function getJson<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as T };
}

async function discover(profile: OidcProfileId): Promise<Discovery> {
  const { status, body } = await getJson<Discovery>(sandbox.oidcDiscoveryUrl(profile));
  expect(status).toBe(200);
  return body;
}

async function createClient(profile: OidcProfileId, method: TokenEndpointAuthMethod) {
  const { status, body } = await getJson<{ client_id: string; client_secret?: string; issuer: string; discovery_url: string }>(
    `${sandbox.url}/api/oidc/${profile}/clients`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: method }),
    },
  );
  expect(status).toBe(201);
  return body;
}

interface FlowResult {
  discovery: Discovery;
  claims: Record<string, unknown>;
  userinfo: Record<string, unknown>;
  loginPage: string;
}

/** Authorization code + PKCE through the real login screen, then the token endpoint. */
async function signIn(profile: OidcProfileId, email: string, method: TokenEndpointAuthMethod): Promise<FlowResult> {
  const discovery = await discover(profile);
  const client = await createClient(profile, method);
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(8).toString("hex");
  const nonce = randomBytes(8).toString("hex");
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "openid profile email",
    state,
    nonce,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();

  const browser = new Browser();
  const loginPage = await browser.follow(authorize.href);
  expect(loginPage.status).toBe(200);
  const form = loginForm(loginPage);
  const callback = await browser.follow(form.action, { form: { ...form.hidden, email } }, REDIRECT_URI);
  expect(callback.location, callback.body.slice(0, 400)).toMatch(/^http:\/\/localhost:4999\/callback\?/);
  const params = new URL(callback.location!).searchParams;
  expect(params.get("state")).toBe(state);
  expect(params.get("iss")).toBe(discovery.issuer);
  const code = params.get("code");
  expect(code).toBeTruthy();

  const tokenBody = new URLSearchParams({
    grant_type: "authorization_code",
    code: code!,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (method === "client_secret_basic") {
    const credentials = `${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret!)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
  } else {
    tokenBody.set("client_id", client.client_id);
    if (method === "client_secret_post") tokenBody.set("client_secret", client.client_secret!);
  }
  const tokens = await getJson<{ id_token: string; access_token: string; token_type: string; error?: string }>(discovery.token_endpoint, {
    method: "POST",
    headers,
    body: tokenBody,
  });
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);

  const jwks = await getJson<{ keys: JsonWebKey[] }>(discovery.jwks_uri);
  const idToken = verifyJwt(tokens.body.id_token, jwks.body);
  expect(idToken.payload.iss).toBe(discovery.issuer);
  expect(idToken.payload.aud).toBe(client.client_id);
  expect(idToken.payload.nonce).toBe(nonce);

  const userinfo = await getJson<Record<string, unknown>>(discovery.userinfo_endpoint, {
    headers: { authorization: `Bearer ${tokens.body.access_token}` },
  });
  expect(userinfo.status).toBe(200);
  return { discovery, claims: idToken.payload, userinfo: userinfo.body, loginPage: loginPage.body };
}

describe("OIDC discovery", () => {
  it.each([
    ["okta", "/oidc/okta"],
    ["entra", `/oidc/entra/${ENTRA_TENANT_ID}/v2.0`],
    ["google", "/oidc/google"],
    ["generic", "/oidc/generic"],
  ] as const)("%s publishes discovery at its issuer", async (profile, path) => {
    const discovery = await discover(profile);
    expect(discovery.issuer).toBe(`${sandbox.url}${path}`);
    expect(sandbox.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
    expect(discovery.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(["client_secret_post", "client_secret_basic", "none"]));
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(["openid", "profile", "email"]));
    const jwks = await getJson<{ keys: JsonWebKey[] }>(discovery.jwks_uri);
    expect(jwks.body.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.body.keys[0]).not.toHaveProperty("d");
  });

  it("creates the demo clients for Gatehouse", async () => {
    expect(sandbox.demoOidcClients.okta).toEqual({
      client_id: "gatehouse-okta",
      client_secret: "sandbox-secret-okta",
      redirect_uris: [
        "http://localhost:4999/api/oauth/oidc",
        "http://localhost:4999/api/sso/oidc/callback",
        "http://localhost:4999/api/providers/google/callback",
        "http://localhost:4999/api/providers/microsoft/callback",
        "http://localhost:4999/api/providers/auth0/callback",
        "http://127.0.0.1:4999/api/oauth/oidc",
        "http://127.0.0.1:4999/api/sso/oidc/callback",
        "http://127.0.0.1:4999/api/providers/google/callback",
        "http://127.0.0.1:4999/api/providers/microsoft/callback",
        "http://127.0.0.1:4999/api/providers/auth0/callback",
      ],
    });
  });
});

describe("OIDC sign-in", () => {
  it("auth0: connection-prefixed subject and a verified email", async () => {
    const { claims } = await signIn("auth0", "admin@acme.test", "client_secret_post");
    expect(claims).toMatchObject({ email: "admin@acme.test", email_verified: true, name: "Ada Admin" });
    expect(String(claims.sub)).toMatch(/^auth0\|[0-9a-f]{24}$/);
  });

  it("okta: client_secret_post, claims in ID token and userinfo", async () => {
    const { claims, userinfo, loginPage } = await signIn("okta", "admin@acme.test", "client_secret_post");
    expect(loginPage).toContain("<title>Okta sandbox</title>");
    expect(loginPage).toContain('<label for="email">Email</label>');
    expect(loginPage).toContain("member@acme.test");
    expect(loginPage).toContain(">Sign in</button>");
    expect(claims).toMatchObject({
      email: "admin@acme.test",
      email_verified: true,
      name: "Ada Admin",
      given_name: "Ada",
      family_name: "Admin",
      preferred_username: "admin@acme.test",
      locale: "en-US",
      zoneinfo: "America/Los_Angeles",
      groups: expect.arrayContaining(["Gatehouse Admins"]),
    });
    expect(claims.sub).toMatch(/^00u[0-9A-Za-z]{17}$/);
    expect(userinfo).toMatchObject({ sub: claims.sub, email: "admin@acme.test", groups: claims.groups });
  });

  it("okta: client_secret_basic, and the same user keeps the same sub", async () => {
    const first = await signIn("okta", "member@acme.test", "client_secret_basic");
    const second = await signIn("okta", "MEMBER@acme.test", "client_secret_post");
    expect(first.claims.sub).toBe(second.claims.sub);
    expect(first.claims.email).toBe("member@acme.test");
  });

  it("entra: v2.0 issuer with tid, oid and upn", async () => {
    const { claims, userinfo, discovery, loginPage } = await signIn("entra", "alice@acme.test", "client_secret_basic");
    expect(loginPage).toContain("<title>Microsoft Entra ID sandbox</title>");
    expect(discovery.issuer).toMatch(new RegExp(`/oidc/entra/${ENTRA_TENANT_ID}/v2\\.0$`));
    expect(claims).toMatchObject({
      tid: ENTRA_TENANT_ID,
      upn: "alice@acme.test",
      preferred_username: "alice@acme.test",
      email: "alice@acme.test",
      name: "Alice Anders",
    });
    expect(claims.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(userinfo).toMatchObject({ tid: ENTRA_TENANT_ID, oid: claims.oid, upn: "alice@acme.test" });
  });

  it("entra: an account without a mailbox has a upn but no email", async () => {
    const { claims, userinfo } = await signIn("entra", "nomail@acme.test", "client_secret_post");
    expect(claims.upn).toBe("nomail@acme.test");
    expect(claims).not.toHaveProperty("email");
    expect(userinfo).not.toHaveProperty("email");
  });

  it("google: hd for Workspace users, none for consumer accounts", async () => {
    const workspace = await signIn("google", "bob@globex.test", "client_secret_post");
    expect(workspace.loginPage).toContain("<title>Google Workspace sandbox</title>");
    expect(workspace.claims).toMatchObject({ hd: "globex.test", email: "bob@globex.test", email_verified: true });
    expect(workspace.claims.sub).toMatch(/^1\d{20}$/);
    expect(String(workspace.claims.picture)).toMatch(/\/avatars\/bob-globex\.svg$/);

    const consumer = await signIn("google", "outsider@gmail.test", "client_secret_basic");
    expect(consumer.claims.email).toBe("outsider@gmail.test");
    expect(consumer.claims).not.toHaveProperty("hd");
  });

  it("generic: standard claims, email_verified false where it should be", async () => {
    const { claims, loginPage } = await signIn("generic", "unverified@acme.test", "client_secret_post");
    expect(loginPage).toContain("<title>OpenID Connect sandbox</title>");
    expect(claims).toMatchObject({ email: "unverified@acme.test", email_verified: false, name: "Uma Unverified" });
  });

  it("public clients (none) sign in with PKCE and no secret", async () => {
    const { claims } = await signIn("generic", "newhire@acme.test", "none");
    expect(claims.email).toBe("newhire@acme.test");
  });

  it("public clients without PKCE are refused", async () => {
    const discovery = await discover("generic");
    const client = await createClient("generic", "none");
    const authorize = new URL(discovery.authorization_endpoint);
    authorize.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: REDIRECT_URI,
      response_type: "code",
      scope: "openid",
    }).toString();
    const response = await new Browser().request(authorize.href);
    expect(response.location).toMatch(/^http:\/\/localhost:4999\/callback\?error=invalid_request/);
  });

  it("an unknown email gets a clear error on the login page", async () => {
    const discovery = await discover("okta");
    const authorize = new URL(discovery.authorization_endpoint);
    authorize.search = new URLSearchParams({
      client_id: "gatehouse-okta",
      redirect_uri: "http://localhost:4999/api/oauth/oidc",
      response_type: "code",
      scope: "openid email",
    }).toString();
    const browser = new Browser();
    const form = loginForm(await browser.follow(authorize.href));
    const page = await browser.request(form.action, { form: { email: "nobody@acme.test" } });
    expect(page.status).toBe(401);
    expect(page.body).toContain("No test user nobody@acme.test");
    expect(page.body).toContain("<title>Okta sandbox</title>");
  });

  it("asks again on the next sign-in so testers can switch users; prompt=none stays silent", async () => {
    const discovery = await discover("okta");
    const redirectUri = "http://localhost:4999/api/oauth/oidc";
    const authorize = (extra: Record<string, string> = {}) => {
      const url = new URL(discovery.authorization_endpoint);
      url.search = new URLSearchParams({
        client_id: "gatehouse-okta",
        redirect_uri: redirectUri,
        response_type: "code",
        scope: "openid email",
        ...extra,
      }).toString();
      return url.href;
    };
    const browser = new Browser();
    const first = loginForm(await browser.follow(authorize()));
    const signedIn = await browser.follow(first.action, { form: { pick: "admin@acme.test" } }, redirectUri);
    expect(signedIn.location).toContain("code=");

    const again = await browser.follow(authorize(), {}, redirectUri);
    expect(again.status).toBe(200);
    expect(again.body).toContain('<label for="email">Email</label>');

    const silent = await browser.follow(authorize({ prompt: "none" }), {}, redirectUri);
    expect(silent.location).toContain("code=");
  });

  it("rejects a client without redirect URIs", async () => {
    const response = await getJson<{ error: string }>(`${sandbox.url}/api/oidc/okta/clients`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ redirect_uris: [] }),
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/redirect_uris/);
  });

  it("creates clients through the exported function too", async () => {
    const client = await sandbox.createOidcClient("entra", { redirectUris: [REDIRECT_URI] });
    expect(client.issuer).toBe(sandbox.oidcIssuer("entra"));
    expect(client.discovery_url).toBe(sandbox.oidcDiscoveryUrl("entra"));
    expect(client.client_secret).toBeTruthy();
    expect(client.token_endpoint_auth_method).toBe("client_secret_post");
  });
});
