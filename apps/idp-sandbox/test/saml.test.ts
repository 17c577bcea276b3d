import { constants, createDecipheriv, privateDecrypt, X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECOND_DEMO_SAML_APP_ID, startSandbox, type Sandbox, type SamlAppSummary } from "../src/index";
import { createSelfSignedCertificate } from "../src/saml/certificates";
import { samlify } from "../src/saml/samlify";
import { Browser, loginForm } from "@gatehouse/testing/browser";
import {
  authnRequestXml,
  extractResponse,
  firstMatch,
  postedResponse,
  redirectBindingUrl,
  verifyWithCertificate,
  verifyWithMetadata,
  withoutResponseSignature,
} from "./support/saml";

const ACS = "http://localhost:4998/api/oauth/saml";
const SP_ENTITY_ID = "https://saml.gatehouse.test";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appUrl: "http://localhost:4998", spEntityId: SP_ENTITY_ID });
});

afterAll(async () => {
  await sandbox?.stop();
});

async function createApp(body: Record<string, unknown>): Promise<SamlAppSummary> {
  const response = await fetch(`${sandbox.url}/api/saml/apps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ acsUrl: ACS, spEntityId: SP_ENTITY_ID, ...body }),
  });
  const json = (await response.json()) as SamlAppSummary & { error?: string };
  expect(response.status, json.error).toBe(201);
  return json;
}

async function metadataOf(app: SamlAppSummary): Promise<string> {
  const response = await fetch(app.metadataUrl);
  expect(response.status).toBe(200);
  return response.text();
}

function certificatesIn(metadataXml: string): string[] {
  const certs = samlify.IdPMetadata(metadataXml).getX509Certificate("signing");
  return (Array.isArray(certs) ? certs : [certs]).map((cert) => cert.replace(/\s+/g, ""));
}

function body(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----|\s+/g, "");
}

/** SP-initiated sign-in through the real login screen; returns what the browser would POST to the ACS. */
async function spInitiated(app: SamlAppSummary, email: string, relayState = "boxyhq_jackson_state123") {
  const request = authnRequestXml({ issuer: SP_ENTITY_ID, acsUrl: ACS, destination: app.ssoUrl });
  const browser = new Browser();
  const login = await browser.request(redirectBindingUrl(app.ssoUrl, request.xml, relayState));
  expect(login.status, login.body.slice(0, 500)).toBe(200);
  const form = loginForm(login);
  const result = await browser.request(form.action, { form: { ...form.hidden, email } });
  expect(result.status).toBe(200);
  return { request, login, posted: postedResponse(result) };
}

describe("SAML metadata", () => {
  it("offers a second demo app with its own entity ID and key, for setting up a connection by hand", async () => {
    const second = sandbox.samlApps.summary(SECOND_DEMO_SAML_APP_ID);
    const first = sandbox.samlApps.summary(sandbox.demoSamlAppId);
    expect(second.acsUrl).toBe(ACS);
    expect(second.entityId).toBe(`${sandbox.url}/saml/${SECOND_DEMO_SAML_APP_ID}`);
    expect(second.entityId).not.toBe(first.entityId);
    expect(second.certificatePem).not.toBe(first.certificatePem);
  });

  it("describes the demo app with its signing certificate", async () => {
    const demo = sandbox.samlApps.summary(sandbox.demoSamlAppId);
    expect(demo.acsUrl).toBe(ACS);
    expect(demo.spEntityId).toBe(SP_ENTITY_ID);
    const xml = await metadataOf(demo);
    const metadata = samlify.IdPMetadata(xml);
    expect(metadata.getEntityID()).toBe(`${sandbox.url}/saml/demo`);
    expect(certificatesIn(xml)).toEqual([body(demo.certificatePem)]);
    expect(metadata.getSingleSignOnService("redirect")).toBe(`${sandbox.url}/saml/demo/sso`);
    expect(metadata.getSingleSignOnService("post")).toBe(`${sandbox.url}/saml/demo/sso`);
    expect(xml).toContain('WantAuthnRequestsSigned="false"');
    expect(xml).toContain("<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>");
  });

  it("issues RSA-2048 SHA-256 certificates named after the app", async () => {
    const app = await createApp({ name: "Cert check" });
    const cert = new X509Certificate(app.certificatePem);
    expect(cert.subject).toContain("CN=Cert check sandbox");
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    expect(Math.round(days)).toBe(365);
  });

  it("can issue certificates that expire soon or already have", async () => {
    const soon = await createApp({ name: "Expiring", certificateValidity: "expiring-soon" });
    const soonDays = (Date.parse(soon.keys[0]!.notAfter) - Date.now()) / 86_400_000;
    expect(soonDays).toBeGreaterThan(9);
    expect(soonDays).toBeLessThanOrEqual(10);
    const expired = await createApp({ name: "Expired", certificateValidity: "expired" });
    expect(Date.parse(new X509Certificate(expired.certificatePem).validTo)).toBeLessThan(Date.now());
  });
});

describe("SAML SP-initiated sign-in", () => {
  it("returns a signed response for the AuthnRequest", async () => {
    const app = await createApp({ name: "Acme SSO" });
    expect(app.entityId).toBe(`${sandbox.url}/saml/${app.id}`);
    const { request, login, posted } = await spInitiated(app, "admin@acme.test");

    expect(login.body).toContain("<title>Acme SSO</title>");
    expect(login.body).toContain('<label for="email">Email</label>');
    expect(posted.action).toBe(ACS);
    expect(posted.relayState).toBe("boxyhq_jackson_state123");

    const metadataXml = await metadataOf(app);
    const [verified, assertion] = verifyWithMetadata(posted.xml, metadataXml);
    expect(verified).toBe(true);
    expect(assertion).toBeTruthy();
    // The assertion's own signature must hold without the Response signature.
    expect(verifyWithMetadata(withoutResponseSignature(posted.xml), metadataXml)[0]).toBe(true);
    expect(posted.xml.match(/<ds:Signature /g)).toHaveLength(2);
    expect(posted.xml).toContain('<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>');
    expect(posted.xml).toContain('<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>');

    const extracted = extractResponse(posted.xml, assertion!);
    expect(extracted.response.destination).toBe(ACS);
    expect(extracted.response.inResponseTo).toBe(request.id);
    expect(extracted.audience).toBe(SP_ENTITY_ID);
    expect(extracted.issuer).toBe(app.entityId);
    expect(extracted.nameID).toBe("admin@acme.test");
    expect(extracted.attributes).toMatchObject({
      email: "admin@acme.test",
      firstName: "Ada",
      lastName: "Admin",
      displayName: "Ada Admin",
    });
    expect(posted.xml).toContain('Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"');
    expect(firstMatch(posted.xml, /<saml:SubjectConfirmationData ([^>]*)\/>/)).toContain(`Recipient="${ACS}"`);
    expect(firstMatch(posted.xml, /<saml:SubjectConfirmationData [^>]*InResponseTo="([^"]+)"/)).toBe(request.id);

    const notBefore = Date.parse(extracted.conditions.notBefore);
    const notOnOrAfter = Date.parse(extracted.conditions.notOnOrAfter);
    expect(Math.abs(notBefore - (Date.now() - 300_000))).toBeLessThan(10_000);
    expect(Math.abs(notOnOrAfter - (Date.now() + 300_000))).toBeLessThan(10_000);
  });

  it("uses the Entra claim URIs for the entra attribute profile", async () => {
    const app = await createApp({ name: "Entra-like", attributeProfile: "entra", signResponse: false });
    const { posted } = await spInitiated(app, "alice@acme.test");
    const [verified, assertion] = verifyWithMetadata(posted.xml, await metadataOf(app));
    expect(verified).toBe(true);
    expect(posted.xml.match(/<ds:Signature /g)).toHaveLength(1);
    expect(extractResponse(posted.xml, assertion!).attributes).toMatchObject({
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": "alice@acme.test",
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname": "Alice",
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname": "Anders",
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name": "alice@acme.test",
      "http://schemas.microsoft.com/identity/claims/displayname": "Alice Anders",
    });
  });

  it("accepts the HTTP-POST binding", async () => {
    const app = await createApp({ name: "Post binding", attributeProfile: "google" });
    const request = authnRequestXml({ issuer: SP_ENTITY_ID, acsUrl: ACS, destination: app.ssoUrl });
    const browser = new Browser();
    const login = await browser.request(app.ssoUrl, {
      form: { SAMLRequest: Buffer.from(request.xml).toString("base64"), RelayState: "rs" },
    });
    const form = loginForm(login);
    const posted = postedResponse(await browser.request(form.action, { form: { ...form.hidden, pick: "member@acme.test" } }));
    const [verified, assertion] = verifyWithMetadata(posted.xml, await metadataOf(app));
    expect(verified).toBe(true);
    const extracted = extractResponse(posted.xml, assertion!);
    expect(extracted.response.inResponseTo).toBe(request.id);
    expect(extracted.attributes).toEqual({ email: "member@acme.test", firstName: "Max", lastName: "Member" });
  });

  it("refuses an AuthnRequest whose ACS URL is not the registered one", async () => {
    const app = await createApp({ name: "Strict ACS" });
    const request = authnRequestXml({ issuer: SP_ENTITY_ID, acsUrl: "http://evil.test/acs", destination: app.ssoUrl });
    const response = await new Browser().request(redirectBindingUrl(app.ssoUrl, request.xml));
    expect(response.status).toBe(400);
    expect(response.body).toContain("ACS URL mismatch");
    expect(response.body).not.toContain("SAMLResponse");
  });

  it("shows an error for an unknown email and lets the person retry", async () => {
    const app = await createApp({ name: "Retry" });
    const request = authnRequestXml({ issuer: SP_ENTITY_ID, acsUrl: ACS, destination: app.ssoUrl });
    const browser = new Browser();
    const form = loginForm(await browser.request(redirectBindingUrl(app.ssoUrl, request.xml)));
    const failed = await browser.request(form.action, { form: { ...form.hidden, email: "ghost@acme.test" } });
    expect(failed.status).toBe(401);
    expect(failed.body).toContain("No test user ghost@acme.test");
    const retry = loginForm(failed);
    const posted = postedResponse(await browser.request(retry.action, { form: { ...retry.hidden, email: "alice@acme.test" } }));
    expect(posted.xml).toContain(`InResponseTo="${request.id}"`);
    // The pending request is single-use.
    const replay = await browser.request(retry.action, { form: { ...retry.hidden, email: "alice@acme.test" } });
    expect(replay.status).toBe(400);
  });

  it("encrypts the assertion for the SP certificate", async () => {
    const sp = createSelfSignedCertificate("Test SP");
    const app = await createApp({ name: "Encrypted", encryptAssertion: true, spCertificatePem: sp.certificatePem });
    const { posted } = await spInitiated(app, "member@acme.test");
    expect(posted.xml).toContain("<saml:EncryptedAssertion");
    expect(posted.xml).not.toContain("<saml:Assertion ");
    expect(posted.xml).toContain("http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
    expect(posted.xml).toContain("http://www.w3.org/2001/04/xmlenc#aes256-cbc");

    const [wrappedKey, content] = [...posted.xml.matchAll(/<xenc:CipherValue>([^<]+)<\/xenc:CipherValue>/g)].map((m) => Buffer.from(m[1]!, "base64"));
    const key = privateDecrypt({ key: sp.privateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" }, wrappedKey!);
    const decipher = createDecipheriv("aes-256-cbc", key, content!.subarray(0, 16));
    const assertion = Buffer.concat([decipher.update(content!.subarray(16)), decipher.final()]).toString("utf8");
    expect(assertion).toMatch(/^<saml:Assertion xmlns:saml=/);
    expect(assertion).toContain(">member@acme.test</saml:NameID>");

    // Put the decrypted assertion back, as an SP does: its own signature must still verify.
    const decrypted = posted.xml.replace(/<saml:EncryptedAssertion[\s\S]*<\/saml:EncryptedAssertion>/, assertion);
    expect(verifyWithCertificate(withoutResponseSignature(decrypted), app.certificatePem)).toBe(true);
    // And the Response signature covers the encrypted form.
    expect(verifyWithMetadata(posted.xml, await metadataOf(app))[0]).toBe(true);
  });
});

describe("SAML IdP-initiated sign-in", () => {
  it("posts an unsolicited response with the RelayState", async () => {
    const app = sandbox.samlApps.summary(sandbox.demoSamlAppId);
    const browser = new Browser();
    const login = await browser.request(`${app.initiateUrl}?RelayState=${encodeURIComponent("/dashboard")}`);
    expect(login.body).toContain("<title>Gatehouse demo app</title>");
    const form = loginForm(login);
    const posted = postedResponse(await browser.request(form.action, { form: { ...form.hidden, pick: "bob@globex.test" } }));
    expect(posted.action).toBe(ACS);
    expect(posted.relayState).toBe("/dashboard");
    expect(posted.xml).not.toContain("InResponseTo");
    const [verified, assertion] = verifyWithMetadata(posted.xml, await metadataOf(app));
    expect(verified).toBe(true);
    expect(extractResponse(posted.xml, assertion!).nameID).toBe("bob@globex.test");
  });
});

describe("SAML key rotation", () => {
  it("publishes the next key, switches signing, then retires the old key", async () => {
    const app = await createApp({ name: "Rotation" });
    const oldCert = app.certificatePem;

    const rotated = (await (await fetch(`${sandbox.url}/api/saml/apps/${app.id}/keys/rotate`, { method: "POST" })).json()) as SamlAppSummary;
    expect(rotated.keys.map((key) => key.state)).toEqual(["active", "next"]);
    expect(certificatesIn(await metadataOf(app))).toHaveLength(2);
    const beforeActivation = sandbox.buildSamlResponse(app.id, { email: "alice@acme.test" });
    expect(verifyWithCertificate(Buffer.from(beforeActivation, "base64").toString(), oldCert)).toBe(true);

    const active = await fetch(`${sandbox.url}/api/saml/apps/${app.id}/keys/activate-next`, { method: "POST" });
    const activated = (await active.json()) as SamlAppSummary;
    expect(activated.keys.map((key) => key.state)).toEqual(["previous", "active"]);
    expect(activated.certificatePem).not.toBe(oldCert);
    expect(certificatesIn(await metadataOf(app))).toHaveLength(2);
    const afterActivation = Buffer.from(sandbox.buildSamlResponse(app.id, { email: "alice@acme.test" }), "base64").toString();
    expect(verifyWithCertificate(afterActivation, activated.certificatePem)).toBe(true);
    expect(verifyWithCertificate(afterActivation, oldCert)).toBe(false);

    sandbox.samlApps.retireOldKeys(app.id);
    expect(certificatesIn(await metadataOf(app))).toEqual([body(activated.certificatePem)]);
    expect(sandbox.samlApps.get(app.id).keys.map((key) => key.state)).toEqual(["retired", "active"]);
  });

  it("refuses out-of-order rotation steps", async () => {
    const app = sandbox.createSamlApp({ acsUrl: ACS, spEntityId: SP_ENTITY_ID, name: "Order" });
    const response = await fetch(`${sandbox.url}/api/saml/apps/${app.id}/keys/retire-old`, { method: "POST" });
    expect(response.status).toBe(409);
    expect(() => sandbox.samlApps.activateNextKey(app.id)).toThrow(/no next key/);
  });
});

describe("buildSamlResponse for negative tests", () => {
  it("signs with a foreign key that the app certificate does not verify", () => {
    const app = sandbox.samlApps.summary(sandbox.demoSamlAppId);
    const xml = Buffer.from(sandbox.buildSamlResponse(app.id, { email: "admin@acme.test", signWithForeignKey: true }), "base64").toString();
    expect(xml).toContain("<ds:SignatureValue>");
    expect(verifyWithCertificate(xml, app.certificatePem)).toBe(false);
    expect(verifyWithCertificate(withoutResponseSignature(xml), app.certificatePem)).toBe(false);
    const genuine = Buffer.from(sandbox.buildSamlResponse(app.id, { email: "admin@acme.test" }), "base64").toString();
    expect(verifyWithCertificate(genuine, app.certificatePem)).toBe(true);
  });

  it("crafts wrong audience, issuer, destination, expiry and unsigned responses", () => {
    const app = sandbox.samlApps.summary(sandbox.demoSamlAppId);
    const issueInstant = new Date(Date.now() - 3_600_000);
    const xml = Buffer.from(
      sandbox.buildSamlResponse(app.id, {
        email: "someone@elsewhere.test",
        audience: "https://wrong.example",
        issuer: "https://wrong-issuer.example",
        destination: "http://localhost:1/acs",
        inResponseTo: "_req1",
        issueInstant,
        signResponse: false,
        signAssertion: false,
        attributes: { groups: ["a", "b"], displayName: null },
      }),
      "base64",
    ).toString();
    expect(xml).not.toContain("<ds:Signature");
    expect(xml).toContain("<saml:Audience>https://wrong.example</saml:Audience>");
    expect(xml).toContain(">https://wrong-issuer.example</saml:Issuer>");
    expect(xml).toContain('Destination="http://localhost:1/acs"');
    expect(xml).toContain('InResponseTo="_req1"');
    expect(xml).toContain(`NotOnOrAfter="${new Date(issueInstant.getTime() + 300_000).toISOString().replace(/\.\d{3}Z$/, "Z")}"`);
    expect(xml).toContain(
      '<saml:Attribute Name="firstName" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue xsi:type="xs:string">Someone</saml:AttributeValue>',
    );
    expect(xml).toContain('<saml:AttributeValue xsi:type="xs:string">a</saml:AttributeValue><saml:AttributeValue xsi:type="xs:string">b</saml:AttributeValue>');
    expect(xml).not.toContain('Name="displayName"');
  });

  it("can build the same response twice for replay tests", () => {
    const options = { email: "admin@acme.test", responseId: "_fixed-response", assertionId: "_fixed-assertion" };
    const first = Buffer.from(sandbox.buildSamlResponse("demo", options), "base64").toString();
    expect(first).toContain('ID="_fixed-response"');
    expect(first).toContain('ID="_fixed-assertion"');
  });
});

describe("SAML API validation", () => {
  it("requires an SP certificate for encryption", async () => {
    const response = await fetch(`${sandbox.url}/api/saml/apps`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ acsUrl: ACS, spEntityId: SP_ENTITY_ID, encryptAssertion: true }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/spCertificatePem/);
  });

  it("lists apps and 404s unknown ones", async () => {
    const list = (await (await fetch(`${sandbox.url}/api/saml/apps`)).json()) as SamlAppSummary[];
    expect(list.some((app) => app.id === "demo")).toBe(true);
    expect((await fetch(`${sandbox.url}/api/saml/apps/nope`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/saml/nope/metadata`)).status).toBe(404);
  });
});
