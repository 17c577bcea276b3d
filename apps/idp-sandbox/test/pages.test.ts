import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTRA_TENANT_ID, startSandbox, type Sandbox } from "../src/index";
import { Browser } from "@gatehouse/testing/browser";
import { authnRequestXml, redirectBindingUrl } from "./support/saml";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appUrl: "http://localhost:4997", spEntityId: "https://sp.example" });
});

afterAll(async () => {
  await sandbox?.stop();
});

describe("index page", () => {
  it("explains every IdP, the demo credentials and the test users", async () => {
    const response = await fetch(`${sandbox.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const page = await response.text();
    for (const text of [
      `${sandbox.url}/oidc/okta/.well-known/openid-configuration`,
      `${sandbox.url}/oidc/entra/${ENTRA_TENANT_ID}/v2.0`,
      "gatehouse-google",
      "sandbox-secret-generic",
      "http://localhost:4997/api/oauth/oidc",
      `${sandbox.url}/saml/demo/metadata`,
      "nomail@acme.test",
      "outsider@gmail.test",
    ]) {
      expect(page).toContain(text);
    }
  });
});

describe("SAML admin pages", () => {
  it("creates an app from the form and shows its setup instructions, escaped", async () => {
    const browser = new Browser();
    const created = await browser.request(`${sandbox.url}/saml`, {
      form: {
        name: "<script>alert(1)</script>",
        acsUrl: "http://localhost:4997/api/oauth/saml",
        spEntityId: "https://sp.example",
        attributeProfile: "okta",
        certificateValidity: "expiring-soon",
        signResponse: "true",
      },
    });
    expect(created.status).toBe(303);
    const id = created.location!.split("/saml/")[1]!;
    const page = await browser.request(created.location!);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(page.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page.body).toContain("Identity Provider Single Sign-On URL");
    expect(page.body).toContain(`${sandbox.url}/saml/${id}/sso`);
    expect(page.body).toContain("Identity Provider Issuer");
    expect(page.body).toContain("-----BEGIN CERTIFICATE-----");
    expect(page.body).toContain(`${sandbox.url}/saml/${id}/initiate`);
    const app = sandbox.samlApps.get(id);
    expect(app.signAssertion).toBe(false);
    expect(app.attributeProfile).toBe("okta");

    const rotated = await browser.request(`${sandbox.url}/saml/${id}/keys/rotate`, { method: "POST", form: {} });
    expect(rotated.location).toBe(`${sandbox.url}/saml/${id}?done=rotate`);
    const after = await browser.request(rotated.location!);
    expect(after.body).toContain("Added a next key");
    expect(after.body).toContain("badge next");
  });

  it("re-renders the form with an error for a bad app", async () => {
    const page = await new Browser().request(`${sandbox.url}/saml`, {
      form: { acsUrl: "not a url", spEntityId: "x" },
    });
    expect(page.status).toBe(400);
    expect(page.body).toContain("acsUrl must be an absolute URL");
  });

  it("explains an AuthnRequest from an unexpected SP", async () => {
    const app = sandbox.samlApps.summary("demo");
    const request = authnRequestXml({ issuer: "https://other-sp.example", acsUrl: app.acsUrl, destination: app.ssoUrl });
    const page = await new Browser().request(redirectBindingUrl(app.ssoUrl, request.xml));
    expect(page.status).toBe(400);
    expect(page.body).toContain("Unknown service provider");
    expect(page.body).toContain("SANDBOX_SP_ENTITY_ID");
  });

  it("serves 404 pages and JSON errors", async () => {
    const page = await fetch(`${sandbox.url}/nope`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Not found");
    const api = await fetch(`${sandbox.url}/api/oidc/unknown/clients`, { method: "POST", body: "{}" });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: expect.stringContaining("Unknown OIDC profile") });
  });
});

describe("state directory", () => {
  it("keeps SAML apps and keys across restarts", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "idp-sandbox-state-"));
    try {
      const first = await startSandbox({ port: 0, stateDir });
      const demoCert = first.samlApps.summary("demo").certificatePem;
      const extra = first.createSamlApp({ acsUrl: "http://localhost:4997/acs", spEntityId: "sp", name: "Kept" });
      first.samlApps.rotateKey(extra.id);
      await first.stop();

      const second = await startSandbox({ port: 0, stateDir });
      try {
        expect(second.samlApps.summary("demo").certificatePem).toBe(demoCert);
        const kept = second.samlApps.summary(extra.id);
        expect(kept.name).toBe("Kept");
        expect(kept.entityId).toBe(`${second.url}/saml/${extra.id}`);
        expect(kept.keys.map((key) => key.state)).toEqual(["active", "next"]);
        expect(second.samlApps.get(extra.id).keys[0]!.notAfter).toBeInstanceOf(Date);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});

describe("look", () => {
  it("uses the app's font stack, with the quotes of font names intact inside <style>", async () => {
    const page = await (await fetch(`${sandbox.url}/`)).text();
    expect(page).toContain('--font-sans:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans",Arial,sans-serif');
    expect(page.slice(page.indexOf("<style>"), page.indexOf("</style>"))).not.toContain("&quot;");
  });
});
