import { describe, expect, it } from "vitest";
import { and, auditEvents, desc, eq, ssoConnections } from "@gatehouse/db";
import { buildIdpMetadataXml, saveConnection, ssoUrls, testConnection } from "../../src";
import { makeCertificate } from "../checks/helpers";
import { baseSettings, makeTeam, useSsoStack } from "../flows/harness";
import { makeManualSamlConnection, reload } from "./helpers";

const stack = useSsoStack();
const DAY = 86_400_000;
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function oidcConnection(tag: string, clientSecretExpiresOn: string) {
  const team = await makeTeam(stack.ctx, tag);
  const client = await stack.sandbox.createOidcClient("okta", {
    redirectUris: [ssoUrls(stack.ctx.appUrl).oidcRedirectUri],
    tokenEndpointAuthMethod: "client_secret_post",
  });
  const data = {
    ...baseSettings("okta"),
    provider: "okta",
    discoveryInput: stack.sandbox.oidcIssuer("okta"),
    clientId: client.client_id,
    clientSecret: client.client_secret ?? "",
    clientSecretExpiresOn,
    tokenEndpointAuthMethod: "client_secret_post",
    scopes: "openid profile email",
    googleHostedDomain: "",
  };
  const saved = await saveConnection(stack.ctx, { accountId: team.account.id, actor: team.actor, data });
  return { team, data, saved };
}

describe("connection health in Test Connection and the connection form", () => {
  it("keeps the client secret's expiry date, refuses a past one when entered, and fails Test Connection once it has passed", async () => {
    const { team, data, saved } = await oidcConnection("health-oidc", dayFromNow(10));
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const id = saved.value.id;
    const [row] = await stack.ctx.db.select().from(ssoConnections).where(eq(ssoConnections.id, id));
    expect(row!.clientSecretExpiresAt?.toISOString().slice(0, 10)).toBe(dayFromNow(10));

    let report = await testConnection(stack.ctx, { accountId: team.account.id, connectionId: id, actor: team.actor });
    expect(report.ok && report.value.items.find((i) => i.id === "client_secret_expiry")).toMatchObject({
      status: "warn",
      detail: expect.stringMatching(/expires on .* \(in 10 days\)\. Create a new client secret/),
    });
    expect(report.ok && report.value.ok).toBe(true);

    const past = await saveConnection(stack.ctx, {
      accountId: team.account.id,
      actor: team.actor,
      connectionId: id,
      data: { ...data, clientSecret: "", clientSecretExpiresOn: dayFromNow(-3) },
    });
    expect(past).toMatchObject({ ok: false, error: { fieldErrors: { clientSecretExpiresOn: expect.stringContaining("That date has passed") } } });

    // Time passes: the stored date is now behind us.
    await stack.ctx.db
      .update(ssoConnections)
      .set({ clientSecretExpiresAt: new Date(Date.now() - DAY) })
      .where(eq(ssoConnections.id, id));
    report = await testConnection(stack.ctx, { accountId: team.account.id, connectionId: id, actor: team.actor });
    expect(report.ok && report.value.ok).toBe(false);
    expect(report.ok && report.value.items.find((i) => i.id === "client_secret_expiry")).toMatchObject({
      status: "error",
      detail: expect.stringMatching(/expired on .*: sign-ins through this connection fail\. Create a new client secret/),
    });
  });

  it("audits a settings change as old → new values, and a new expiry date on its own", async () => {
    const { team, data, saved } = await oidcConnection("health-audit", "");
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const id = saved.value.id;
    const again = await saveConnection(stack.ctx, {
      accountId: team.account.id,
      actor: team.actor,
      connectionId: id,
      data: { ...data, clientSecret: "", buttonText: "Okta for staff", clientSecretExpiresOn: dayFromNow(60) },
    });
    expect(again.ok).toBe(true);
    const latest = (action: string) =>
      stack.ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, action)))
        .orderBy(desc(auditEvents.id))
        .limit(1);
    const [updated] = await latest("sso.connection.updated");
    expect(updated!.metadata.changes).toEqual({ buttonText: { from: data.buttonText, to: "Okta for staff" } });
    const [expiry] = await latest("sso.connection.secret_expiry_changed");
    expect(expiry!.metadata).toEqual({ from: null, to: `${dayFromNow(60)}T00:00:00.000Z` });
  });

  it("fails Test Connection for an expired SAML signing certificate, with the fix", async () => {
    const setup = await makeManualSamlConnection(stack, "health-saml");
    const expired = makeCertificate({ notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 2 * DAY) });
    const xml = buildIdpMetadataXml({ entityId: setup.connection.idpEntityId!, ssoUrl: setup.connection.idpSsoUrl!, certificatesPem: [expired.pem] });
    await stack.ctx.db.update(ssoConnections).set({ metadataXml: xml }).where(eq(ssoConnections.id, setup.connection.id));
    const connection = await reload(stack, setup.connection);
    const report = await testConnection(stack.ctx, { accountId: setup.account.id, connectionId: connection.id, actor: setup.actor });
    expect(report.ok && report.value.ok).toBe(false);
    expect(report.ok && report.value.items.find((i) => i.id === "certificate_expiry_1")).toMatchObject({
      status: "error",
      detail: expect.stringMatching(/expired on .*Get the current metadata or certificate from your identity provider/),
    });
  });
});
