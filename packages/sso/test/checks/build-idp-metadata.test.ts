import { describe, expect, it } from "vitest";
import { buildIdpMetadataXml, inspectSamlMetadata, validateIdpEntityId, validateSsoUrl } from "../../src/checks";
import { NOW, makeCertificate } from "./helpers";

const first = makeCertificate({ commonName: "first" });
const second = makeCertificate({ commonName: "second" });

describe("buildIdpMetadataXml", () => {
  it("round-trips through inspectSamlMetadata", () => {
    const xml = buildIdpMetadataXml({
      entityId: 'urn:idp:"quoted"&<tagged>',
      ssoUrl: "https://idp.example.com/sso?app=1&tenant=2",
      certificatesPem: [first.pem, second.base64, first.pem],
    });
    const result = inspectSamlMetadata(xml, NOW);
    if (!result.ok) throw new Error(result.error);
    const report = result.value;
    expect(report.entityId).toBe('urn:idp:"quoted"&<tagged>');
    expect(report.ssoServices).toEqual([
      { binding: "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect", bindingName: "HTTP-Redirect", location: "https://idp.example.com/sso?app=1&tenant=2" },
      { binding: "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", bindingName: "HTTP-POST", location: "https://idp.example.com/sso?app=1&tenant=2" },
    ]);
    expect(report.nameIdFormats).toEqual(["urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"]);
    expect(report.certificates.map((c) => c.subject)).toEqual(["CN=first, O=Example IdP", "CN=second, O=Example IdP"]);
    expect(report.items.filter((i) => i.status !== "ok")).toEqual([]);
    expect(xml).toContain('entityID="urn:idp:&quot;quoted&quot;&amp;&lt;tagged&gt;"');
  });

  it("uses the requested NameID format", () => {
    const xml = buildIdpMetadataXml({
      entityId: "urn:idp",
      ssoUrl: "https://idp.example.com/sso",
      certificatesPem: [first.pem],
      wantNameIdFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    });
    const result = inspectSamlMetadata(xml, NOW);
    expect(result.ok && result.value.nameIdFormats).toEqual(["urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"]);
  });

  it("throws on a value that is not a certificate (callers validate first)", () => {
    expect(() => buildIdpMetadataXml({ entityId: "urn:idp", ssoUrl: "https://idp.example.com/sso", certificatesPem: ["nope"] })).toThrow(
      /not an X\.509 certificate/,
    );
  });
});

describe("validateSsoUrl", () => {
  it.each([
    ["https://idp.example.com/sso/saml", "https://idp.example.com/sso/saml"],
    ["  https://idp.example.com  ", "https://idp.example.com/"],
    ["http://localhost:8080/sso", "http://localhost:8080/sso"],
    ["http://127.0.0.1/sso", "http://127.0.0.1/sso"],
    ["http://[::1]/sso", "http://[::1]/sso"],
  ])("accepts %s", (input, expected) => {
    expect(validateSsoUrl(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", /^Enter the Single Sign-On URL\.$/],
    ["idp.example.com/sso", /^The Single Sign-On URL must be a full address starting with https:\/\//],
    ["http://idp.example.com/sso", /^The Single Sign-On URL uses http:\/\/; use https:\/\/ instead/],
    ["javascript:alert(1)", /^The Single Sign-On URL must start with https:\/\/ \(it starts with javascript:\)\.$/],
    ["idp.example.com:8443/sso", /for example https:\/\/idp\.example\.com:8443\/sso\.$/],
    ["ftp://idp.example.com", /^The Single Sign-On URL must start with https:\/\//],
    ["https://", /^The Single Sign-On URL is not a valid URL/],
  ])("refuses %j", (input, error) => {
    const result = validateSsoUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe("validateIdpEntityId", () => {
  it.each([
    ["http://www.okta.com/exk1abc", "http://www.okta.com/exk1abc"],
    ["  urn:example:idp \n", "urn:example:idp"],
    ["x".repeat(1024), "x".repeat(1024)],
  ])("accepts %s", (input, expected) => {
    expect(validateIdpEntityId(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", /Enter the identity provider's Entity ID/],
    ["   ", /Enter/],
    ["http://www.okta.com/ exk1abc", /must not contain spaces/],
    ["urn:a\turn:b", /must not contain spaces/],
    ["x".repeat(1025), /1025 characters long; SAML allows at most 1024/],
  ])("refuses %j", (input, error) => {
    const result = validateIdpEntityId(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
