import { describe, expect, it } from "vitest";
import { resolveOidcDiscoveryUrl, type OidcProvider } from "../../src/checks";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const WK = "/.well-known/openid-configuration";

describe("resolveOidcDiscoveryUrl", () => {
  const accepted: { name: string; provider: OidcProvider; input: string; discoveryUrl: string; expectedIssuer: string | undefined; note?: RegExp }[] = [
    {
      name: "okta org URL",
      provider: "okta",
      input: "https://dev-123.okta.com",
      discoveryUrl: `https://dev-123.okta.com${WK}`,
      expectedIssuer: "https://dev-123.okta.com",
    },
    {
      name: "okta trailing slash and spaces",
      provider: "okta",
      input: "  https://dev-123.okta.com/ \n",
      discoveryUrl: `https://dev-123.okta.com${WK}`,
      expectedIssuer: "https://dev-123.okta.com",
    },
    {
      name: "okta custom authorization server",
      provider: "okta",
      input: "https://x.okta.com/oauth2/default",
      discoveryUrl: `https://x.okta.com/oauth2/default${WK}`,
      expectedIssuer: "https://x.okta.com/oauth2/default",
    },
    {
      name: "okta admin console URL",
      provider: "okta",
      input: "https://dev-123-admin.okta.com",
      discoveryUrl: `https://dev-123.okta.com${WK}`,
      expectedIssuer: "https://dev-123.okta.com",
      note: /admin console/,
    },
    {
      name: "okta endpoint URL",
      provider: "okta",
      input: "https://x.okta.com/oauth2/default/v1/authorize",
      discoveryUrl: `https://x.okta.com/oauth2/default${WK}`,
      expectedIssuer: "https://x.okta.com/oauth2/default",
      note: /endpoint URL/,
    },
    {
      name: "okta discovery URL as is",
      provider: "okta",
      input: `https://dev-123.okta.com${WK}`,
      discoveryUrl: `https://dev-123.okta.com${WK}`,
      expectedIssuer: "https://dev-123.okta.com",
      note: /we use it as is/,
    },
    {
      name: "entra issuer",
      provider: "entra",
      input: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      discoveryUrl: `https://login.microsoftonline.com/${TENANT}/v2.0${WK}`,
      expectedIssuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    },
    {
      name: "entra metadata document",
      provider: "entra",
      input: `https://login.microsoftonline.com/${TENANT}/v2.0${WK}`,
      discoveryUrl: `https://login.microsoftonline.com/${TENANT}/v2.0${WK}`,
      expectedIssuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      note: /as is/,
    },
    {
      name: "entra without v2.0",
      provider: "entra",
      input: `https://login.microsoftonline.com/${TENANT}/`,
      discoveryUrl: `https://login.microsoftonline.com/${TENANT}/v2.0${WK}`,
      expectedIssuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      note: /v2\.0/,
    },
    {
      name: "entra bare tenant ID",
      provider: "entra",
      input: TENANT,
      discoveryUrl: `https://login.microsoftonline.com/${TENANT}/v2.0${WK}`,
      expectedIssuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      note: /built the issuer/,
    },
    {
      name: "entra tenant domain (issuer unknown until fetched)",
      provider: "entra",
      input: "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0",
      discoveryUrl: `https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0${WK}`,
      expectedIssuer: undefined,
      note: /by its ID/,
    },
    {
      name: "entra v1 metadata",
      provider: "entra",
      input: `https://login.microsoftonline.com/${TENANT}${WK}`,
      discoveryUrl: `https://login.microsoftonline.com/${TENANT}${WK}`,
      expectedIssuer: undefined,
      note: /v1\.0/,
    },
    { name: "google empty", provider: "google", input: "", discoveryUrl: `https://accounts.google.com${WK}`, expectedIssuer: "https://accounts.google.com" },
    {
      name: "google ignores input",
      provider: "google",
      input: "https://example.com",
      discoveryUrl: `https://accounts.google.com${WK}`,
      expectedIssuer: "https://accounts.google.com",
      note: /ignored/,
    },
    {
      name: "oidc issuer",
      provider: "oidc",
      input: "https://sso.example.com/realms/acme/",
      discoveryUrl: `https://sso.example.com/realms/acme${WK}`,
      expectedIssuer: "https://sso.example.com/realms/acme",
    },
    {
      name: "oidc discovery URL with query",
      provider: "oidc",
      input: `https://idp.example.com${WK}?appid=1`,
      discoveryUrl: `https://idp.example.com${WK}?appid=1`,
      expectedIssuer: "https://idp.example.com",
      note: /as is/,
    },
    {
      name: "oidc http on localhost",
      provider: "oidc",
      input: "http://localhost:8080/realms/dev",
      discoveryUrl: `http://localhost:8080/realms/dev${WK}`,
      expectedIssuer: "http://localhost:8080/realms/dev",
    },
    {
      name: "oidc http on 127.0.0.1",
      provider: "oidc",
      input: "http://127.0.0.1:9000",
      discoveryUrl: `http://127.0.0.1:9000${WK}`,
      expectedIssuer: "http://127.0.0.1:9000",
    },
    { name: "oidc http on [::1]", provider: "oidc", input: "http://[::1]:9000/", discoveryUrl: `http://[::1]:9000${WK}`, expectedIssuer: "http://[::1]:9000" },
  ];

  it.each(accepted)("accepts $name", ({ provider, input, discoveryUrl, expectedIssuer, note }) => {
    const result = resolveOidcDiscoveryUrl(provider, input);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.discoveryUrl).toBe(discoveryUrl);
    expect(result.value.expectedIssuer).toBe(expectedIssuer);
    if (note === undefined) expect(result.value.notes).toEqual([]);
    else expect(result.value.notes.join(" ")).toMatch(note);
  });

  it("says the discovery URL is used as is", () => {
    const result = resolveOidcDiscoveryUrl("oidc", `https://idp.example.com${WK}`);
    expect(result.ok && result.value.notes).toEqual(["You pasted the discovery document URL; we use it as is."]);
  });

  const refused: { name: string; provider: OidcProvider; input: string; error: RegExp }[] = [
    { name: "empty", provider: "okta", input: "   ", error: /Enter the Okta URL/ },
    { name: "no scheme", provider: "okta", input: "dev-123.okta.com", error: /https:\/\/dev-123\.okta\.com/ },
    { name: "plain http", provider: "oidc", input: "http://idp.example.com", error: /use https/ },
    { name: "other scheme", provider: "oidc", input: "ftp://idp.example.com", error: /must start with https/ },
    { name: "credentials", provider: "oidc", input: "https://user:pw@idp.example.com", error: /user name or password/ },
    { name: "issuer with query", provider: "oidc", input: "https://idp.example.com/?x=1", error: /query string/ },
    { name: "another well-known", provider: "oidc", input: "https://idp.example.com/.well-known/oauth-authorization-server", error: /different well-known/ },
    { name: "okta placeholder", provider: "okta", input: "https://{yourOktaDomain}/oauth2/default", error: /placeholder \{yourOktaDomain\}/ },
    { name: "entra {tenantid}", provider: "entra", input: "https://login.microsoftonline.com/{tenantid}/v2.0", error: /\{tenantid\}.*Directory \(tenant\) ID/ },
    { name: "entra {tenant}", provider: "entra", input: "https://login.microsoftonline.com/{tenant}/v2.0", error: /\{tenant\}.*Directory \(tenant\) ID/ },
    {
      name: "entra <tenant-id>",
      provider: "entra",
      input: "https://login.microsoftonline.com/<tenant-id>/v2.0",
      error: /<tenant-id>.*Directory \(tenant\) ID/,
    },
    { name: "entra encoded placeholder", provider: "entra", input: "https://login.microsoftonline.com/%7Btenantid%7D/v2.0", error: /\{tenantid\}/ },
    {
      name: "entra common",
      provider: "entra",
      input: "https://login.microsoftonline.com/common/v2.0",
      error: /multi-tenant endpoints cannot sign in one account; use your Directory \(tenant\) ID from Entra's Overview page/,
    },
    {
      name: "entra organizations",
      provider: "entra",
      input: "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration",
      error: /"organizations" is a multi-tenant endpoint/,
    },
    { name: "entra consumers", provider: "entra", input: "https://login.microsoftonline.com/Consumers/v2.0", error: /multi-tenant/ },
    { name: "entra bare common", provider: "entra", input: "common", error: /multi-tenant/ },
    { name: "entra no tenant", provider: "entra", input: "https://login.microsoftonline.com/", error: /no tenant/ },
    { name: "entra odd path", provider: "entra", input: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`, error: /not an Entra issuer URL/ },
  ];

  it.each(refused)("refuses $name", ({ provider, input, error }) => {
    const result = resolveOidcDiscoveryUrl(provider, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
