import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { eq, ssoConnections } from "@gatehouse/db";
import { expect, test } from "../support/fixtures";
import { createOidcClient, createSamlApp } from "../support/sandbox";
import { accountKey, envelope, orgUrl, otherAccount, withKey } from "./api-support";

type Connection = {
  id: string;
  provider: string;
  protocol: string;
  clientId: string | null;
  hasClientSecret: boolean;
  entityId: string | null;
  metadataUrl: string | null;
};

test("settings/sso: PUT an Okta connection, read it back without its secret, Test Connection, DELETE", async ({ request, db, team }) => {
  const api = withKey(request, (await accountKey(db, team.accountId)).token);
  const sso = orgUrl(team.accountId, "/settings/sso");
  await envelope(await api.get(sso), 404, "NOT_FOUND");
  await envelope(await api.post(`${sso}/test`), 404, "NOT_FOUND");

  const client = await createOidcClient("okta");
  const body = { provider: "okta", issuerUrl: client.issuer, clientId: client.client_id, clientSecret: client.client_secret };
  const created = await envelope<Connection>(await api.put(sso, body), 201, "CREATED");
  expect(created.data).toMatchObject({ provider: "okta", protocol: "oidc", clientId: client.client_id, hasClientSecret: true });
  const fetched = await api.get(sso);
  expect(await fetched.text()).not.toContain(client.client_secret!);
  const [row] = await db.select().from(ssoConnections).where(eq(ssoConnections.id, created.data.id));
  expect(row!.clientSecretEncrypted).not.toContain(client.client_secret!);

  const tested = await envelope<{ ok: boolean; protocol: string }>(await api.post(`${sso}/test`), 200, "OK");
  expect(tested.message).toBe("SSO configuration is valid");
  expect(tested.data).toMatchObject({ ok: true, protocol: "oidc" });

  // The same PUT changes the default connection (200); its provider cannot change (409).
  await envelope(await api.put(sso, { ...body, clientId: client.client_id }), 200, "OK");
  await envelope(await api.put(sso, { ...body, provider: "azure" }), 409, "PROVIDER_CHANGE");

  const badProvider = await envelope<{ fields: Record<string, string> }>(await api.put(sso, { ...body, provider: "ldap" }), 422, "VALIDATION_FAILED");
  expect(badProvider.data.fields.provider).toBe("Choose a provider: okta, azure, google, oidc or saml.");
  const missing = await envelope<{ fields: Record<string, string> }>(
    await api.put(sso, { provider: "okta", issuerUrl: client.issuer, clientId: "x" }),
    422,
    "VALIDATION_FAILED",
  );
  expect(Object.keys(missing.data.fields)).toEqual(["clientSecret"]);
  const badUrl = await envelope<{ fields: Record<string, string> }>(await api.put(sso, { ...body, issuerUrl: "not a url" }), 422, "VALIDATION_FAILED");
  expect(Object.keys(badUrl.data.fields)).toEqual(["issuerUrl"]);

  const other = await otherAccount(db);
  await envelope(await api.get(orgUrl(other.id, "/settings/sso")), 404, "NOT_FOUND");

  await envelope(await api.delete(sso), 200, "OK");
  await envelope(await api.delete(sso), 404, "NOT_FOUND");
});

test("connections: a SAML connection from a metadata URL and one by hand; SCIM tokens issued, used, revoked", async ({ request, db, team }) => {
  const api = withKey(request, (await accountKey(db, team.accountId)).token);
  const base = orgUrl(team.accountId, "/connections");
  const app = await createSamlApp(`API ${randomBytes(3).toString("hex")}`);

  const fromUrl = await envelope<Connection>(await api.post(base, { provider: "saml", metadataUrl: app.metadataUrl }), 201, "CREATED");
  expect(fromUrl.data).toMatchObject({ protocol: "saml", entityId: app.entityId, metadataUrl: app.metadataUrl });
  const byHand = await envelope<Connection>(
    await api.post(base, { provider: "saml", entityId: `${app.entityId}-manual`, ssoUrl: app.ssoUrl, certificate: app.certificatePem, name: "By hand" }),
    201,
  );
  expect(byHand.data.entityId).toBe(`${app.entityId}-manual`);
  const both = await envelope<{ fields: Record<string, string> }>(
    await api.post(base, { provider: "saml", metadataUrl: app.metadataUrl, entityId: "x" }),
    422,
    "VALIDATION_FAILED",
  );
  expect(both.data.fields.metadataUrl).toMatch(/exactly one/);

  expect((await envelope<Connection[]>(await api.get(base), 200)).data.map((c) => c.id)).toEqual([fromUrl.data.id, byHand.data.id]);
  const tested = await envelope(await api.post(`${base}/${fromUrl.data.id}/test`), 200, "OK");
  expect(tested.message).toBe("SSO configuration is valid");
  await envelope(await api.get(`${base}/${randomUUIDish()}`), 404, "NOT_FOUND");

  const tokens = `${base}/${fromUrl.data.id}/scim/tokens`;
  expect((await envelope<{ enabled: boolean }>(await api.get(tokens), 200)).data.enabled).toBe(false);
  const issued = await envelope<{ token: string; baseUrl: string }>(await api.post(tokens), 201, "CREATED");
  const scimPath = new URL(issued.data.baseUrl).pathname;
  const scimGet = () => request.get(`${scimPath}/Users`, { headers: { Authorization: `Bearer ${issued.data.token}`, Accept: "application/scim+json" } });
  expect((await scimGet()).status()).toBe(200);
  const listed = await envelope<{ enabled: boolean; tokens: { id: string; state: string }[] }>(await api.get(tokens), 200);
  expect(listed.data.enabled).toBe(true);
  expect(JSON.stringify(listed.data)).not.toContain(issued.data.token);
  await envelope(await api.delete(`${tokens}/${listed.data.tokens[0]!.id}`), 200, "OK");
  expect((await scimGet()).status()).toBe(401);
  await envelope(await api.delete(`${tokens}/${randomUUIDish()}`), 404, "NOT_FOUND");

  await envelope(await api.delete(`${base}/${byHand.data.id}`), 200);
  await envelope(await api.get(`${base}/${byHand.data.id}`), 404, "NOT_FOUND");
});

test("the issue's curl examples work verbatim: PUT settings/sso, then POST settings/sso/test", async ({ db, team, baseURL }) => {
  const key = await accountKey(db, team.accountId);
  const client = await createOidcClient("okta");
  const curl = promisify(execFile);
  const env = { ...process.env, GATEHOUSE_URL: baseURL!, GATEHOUSE_API_KEY: key.token, ORG_ID: team.accountId };
  const put = await curl(
    "sh",
    [
      "-c",
      `curl -sS -X PUT "$GATEHOUSE_URL/api/user/organizations/$ORG_ID/settings/sso" -H "X-Api-Key: $GATEHOUSE_API_KEY" -H "Content-Type: application/json" -d '${JSON.stringify({ provider: "okta", issuerUrl: client.issuer, clientId: client.client_id, clientSecret: client.client_secret })}'`,
    ],
    { env },
  );
  expect(JSON.parse(put.stdout)).toMatchObject({ success: true, status: 201, code: "CREATED" });
  const test = await curl(
    "sh",
    ["-c", `curl -sS -X POST "$GATEHOUSE_URL/api/user/organizations/$ORG_ID/settings/sso/test" -H "X-Api-Key: $GATEHOUSE_API_KEY"`],
    { env },
  );
  expect(JSON.parse(test.stdout)).toMatchObject({ success: true, status: 200, code: "OK", message: "SSO configuration is valid", data: { ok: true } });
});

function randomUUIDish() {
  return "00000000-0000-4000-8000-000000000000";
}

test("the shared callback /api/auth/sso/callback answers as the OIDC callback does", async ({ request }) => {
  const alias = await request.get("/api/auth/sso/callback?state=unknown&code=x", { maxRedirects: 0 });
  const original = await request.get("/api/sso/oidc/callback?state=unknown&code=x", { maxRedirects: 0 });
  expect(alias.status()).toBe(original.status());
  expect(alias.headers().location).toBe(original.headers().location);
  expect(alias.status()).toBeGreaterThanOrEqual(300);
});
