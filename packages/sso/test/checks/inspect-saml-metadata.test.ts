import { describe, expect, it } from "vitest";
import { inspectSamlMetadata, type CheckItem, type SamlMetadataReport } from "../../src/checks";
import { DAY, NOW, makeCertificate } from "./helpers";

const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
const DS = "http://www.w3.org/2000/09/xmldsig#";
const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
const EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

const valid = makeCertificate({ commonName: "okta" });
const second = makeCertificate({ commonName: "okta-next", notAfter: new Date(NOW.getTime() + 700 * DAY) });
const expired = makeCertificate({ commonName: "old", notBefore: new Date(NOW.getTime() - 800 * DAY), notAfter: new Date(NOW.getTime() - 3 * DAY) });
const expiring = makeCertificate({ commonName: "soon", notAfter: new Date(NOW.getTime() + 10 * DAY) });
const sha1 = makeCertificate({ commonName: "legacy", digest: "sha1" });

/** Okta-style metadata: md: prefix, ds: declared on the root. */
function oktaMetadata(options: { certificate?: string; extra?: string; nameIds?: string[]; sso?: string } = {}): string {
  const nameIds = (options.nameIds ?? [EMAIL, "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"])
    .map((f) => `<md:NameIDFormat>${f}</md:NameIDFormat>`)
    .join("\n    ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="${MD}" entityID="http://www.okta.com/exk1abc">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="${DS}">
        <ds:X509Data>
          <ds:X509Certificate>${options.certificate ?? valid.base64.replace(/.{76}/g, "$&\n")}</ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
    ${nameIds}
    ${
      options.sso ??
      `<md:SingleSignOnService Binding="${POST}" Location="https://dev-1.okta.com/app/x/sso/saml"/>
    <md:SingleSignOnService Binding="${REDIRECT}" Location="https://dev-1.okta.com/app/x/sso/saml?a=1&amp;b=2"/>`
    }
    ${options.extra ?? ""}
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

function inspect(xml: string): SamlMetadataReport {
  const result = inspectSamlMetadata(xml, NOW);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function item(report: SamlMetadataReport, id: string): CheckItem {
  const found = report.items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id} in ${report.items.map((i) => i.id).join(", ")}`);
  return found;
}

const withOrganization = (organization: string) => oktaMetadata().replace("</md:EntityDescriptor>", `${organization}\n</md:EntityDescriptor>`);

describe("inspectSamlMetadata", () => {
  it.each<[string, string, string | null]>([
    ["no Organization", "", null],
    [
      "the display name before the legal name",
      `<md:Organization><md:OrganizationName xml:lang="en">Acme Corporation Inc.</md:OrganizationName><md:OrganizationDisplayName xml:lang="en">Acme</md:OrganizationDisplayName><md:OrganizationURL xml:lang="en">https://acme.test</md:OrganizationURL></md:Organization>`,
      "Acme",
    ],
    [
      "the legal name without a display name",
      `<md:Organization><md:OrganizationName xml:lang="en">  Acme\n Corp </md:OrganizationName></md:Organization>`,
      "Acme Corp",
    ],
    [
      "the English name among several languages",
      `<md:Organization><md:OrganizationDisplayName xml:lang="de">Acme GmbH</md:OrganizationDisplayName><md:OrganizationDisplayName xml:lang="en-GB">Acme Ltd</md:OrganizationDisplayName></md:Organization>`,
      "Acme Ltd",
    ],
    [
      "an empty display name falls back to the legal name",
      `<md:Organization><md:OrganizationDisplayName xml:lang="en"> </md:OrganizationDisplayName><md:OrganizationName xml:lang="en">Acme</md:OrganizationName></md:Organization>`,
      "Acme",
    ],
    [
      "escaped text is read as text",
      `<md:Organization><md:OrganizationDisplayName xml:lang="en">Smith &amp; Sons &lt;IT&gt;</md:OrganizationDisplayName></md:Organization>`,
      "Smith & Sons <IT>",
    ],
  ])("reads the organization's name: %s", (_name, organization, expected) => {
    expect(inspect(withOrganization(organization)).organizationName).toBe(expected);
  });

  it("reads Okta-style metadata", () => {
    const report = inspect(oktaMetadata());
    expect(report.entityId).toBe("http://www.okta.com/exk1abc");
    expect(report.ssoServices).toEqual([
      { binding: POST, bindingName: "HTTP-POST", location: "https://dev-1.okta.com/app/x/sso/saml" },
      { binding: REDIRECT, bindingName: "HTTP-Redirect", location: "https://dev-1.okta.com/app/x/sso/saml?a=1&b=2" },
    ]);
    expect(report.nameIdFormats).toEqual([EMAIL, "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"]);
    expect(report.certificates).toHaveLength(1);
    expect(report.certificates[0]).toMatchObject({
      subject: "CN=okta, O=Example IdP",
      signatureAlgorithm: "sha256WithRSAEncryption",
      isExpired: false,
      daysLeft: 365,
    });
    expect(report.items.map((i) => [i.id, i.status])).toEqual([
      ["entity_id", "ok"],
      ["sso_service", "ok"],
      ["signing_certificate", "ok"],
      ["certificate_expiry_1", "ok"],
      ["weak_algorithms", "ok"],
      ["nameid_format", "ok"],
    ]);
  });

  it("reads unprefixed, default-namespace metadata with a signature (Entra style)", () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<!-- exported from Entra -->
<EntityDescriptor ID="_abc" entityID="https://sts.windows.net/tenant/" xmlns="${MD}">
  <Signature xmlns="${DS}">
    <SignedInfo>
      <CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
      <SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
      <Reference URI="#_abc"><DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue>x</DigestValue></Reference>
    </SignedInfo>
  </Signature>
  <RoleDescriptor xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706" protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706"/>
  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <KeyDescriptor>
      <KeyInfo xmlns="${DS}"><X509Data><X509Certificate><![CDATA[${valid.base64}]]></X509Certificate></X509Data></KeyInfo>
    </KeyDescriptor>
    <KeyDescriptor use="signing">
      <KeyInfo xmlns="${DS}"><X509Data><X509Certificate>${valid.base64}</X509Certificate></X509Data></KeyInfo>
    </KeyDescriptor>
    <SingleSignOnService Binding="${REDIRECT}" Location="https://login.microsoftonline.com/tenant/saml2"/>
  </IDPSSODescriptor>
</EntityDescriptor>`;
    const report = inspect(xml);
    expect(report.entityId).toBe("https://sts.windows.net/tenant/");
    expect(report.certificates).toHaveLength(1);
    expect(item(report, "weak_algorithms").status).toBe("ok");
    expect(item(report, "nameid_format")).toMatchObject({ status: "warn", detail: expect.stringMatching(/does not advertise/) });
  });

  it("tolerates any prefix, and metadata written without namespaces", () => {
    const xml = `<saml2md:EntityDescriptor xmlns:saml2md="${MD}" entityID="urn:idp">
  <saml2md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <saml2md:KeyDescriptor use="signing"><dsig:KeyInfo xmlns:dsig="${DS}"><dsig:X509Data><dsig:X509Certificate>${valid.base64}</dsig:X509Certificate></dsig:X509Data></dsig:KeyInfo></saml2md:KeyDescriptor>
    <saml2md:SingleSignOnService Binding="${POST}" Location="https://idp.example.com/sso"/>
  </saml2md:IDPSSODescriptor>
</saml2md:EntityDescriptor>`;
    const report = inspect(xml);
    expect(report.certificates).toHaveLength(1);
    expect(report.ssoServices[0]?.bindingName).toBe("HTTP-POST");
    const bare = inspect(`<EntityDescriptor entityID="urn:idp"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <KeyDescriptor><KeyInfo><X509Data><X509Certificate>${valid.base64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>
    <SingleSignOnService Binding="${POST}" Location="https://idp.example.com/sso"/></IDPSSODescriptor></EntityDescriptor>`);
    expect(bare.certificates).toHaveLength(1);
  });

  it("refuses a prefix the document never declares, saying on which line", () => {
    // A namespace-aware parser (xmldom, as the SAML stack uses) cannot read it; the admin can fix it.
    const xml = `<md:EntityDescriptor xmlns:md="${MD}" entityID="urn:idp">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><dsig:KeyInfo><dsig:X509Data><dsig:X509Certificate>${valid.base64}</dsig:X509Certificate></dsig:X509Data></dsig:KeyInfo></md:KeyDescriptor>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
    expect(inspectSamlMetadata(xml, NOW)).toEqual({
      ok: false,
      error:
        "This is not valid XML: an element or attribute uses a namespace prefix (such as ds:) that the document never declares with xmlns (line 3). Paste the complete metadata document again, or download it from your identity provider.",
    });
  });

  it("ignores encryption certificates and elements from other namespaces", () => {
    const xml = oktaMetadata({
      extra: `<md:KeyDescriptor use="encryption"><ds:KeyInfo xmlns:ds="${DS}"><ds:X509Data><ds:X509Certificate>${second.base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
      <other:SingleSignOnService xmlns:other="urn:not-saml" Binding="${POST}" Location="https://evil.example.com"/>`,
    });
    const report = inspect(xml);
    expect(report.certificates.map((c) => c.subject)).toEqual(["CN=okta, O=Example IdP"]);
    expect(report.ssoServices.map((s) => s.location)).not.toContain("https://evil.example.com");
  });

  it("reports each signing certificate's expiry (rollover)", () => {
    const xml = oktaMetadata({
      extra: `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="${DS}"><ds:X509Data><ds:X509Certificate>${second.base64}</ds:X509Certificate><ds:X509Certificate>${expiring.base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
      <md:KeyDescriptor><ds:KeyInfo xmlns:ds="${DS}"><ds:X509Data><ds:X509Certificate>${expired.base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    });
    const report = inspect(xml);
    expect(report.certificates).toHaveLength(4);
    expect(item(report, "signing_certificate").detail).toBe("4 signing certificates found.");
    expect(item(report, "certificate_expiry_1").status).toBe("ok");
    expect(item(report, "certificate_expiry_2")).toMatchObject({ status: "ok", detail: expect.stringContaining("700 days left") });
    expect(item(report, "certificate_expiry_3")).toMatchObject({ status: "warn", detail: expect.stringContaining("in 10 days") });
    expect(item(report, "certificate_expiry_4")).toMatchObject({ status: "error", detail: expect.stringMatching(/CN=old.*expired on/) });
    expect(report.certificates[3]?.isExpired).toBe(true);
  });

  it("warns about SHA-1 in the certificate and in the metadata's algorithms", () => {
    const report = inspect(
      oktaMetadata({
        certificate: sha1.base64,
        extra: `<md:Extensions xmlns:alg="urn:oasis:names:tc:SAML:metadata:algsupport"><alg:SigningMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1"/></md:Extensions>
        <ds:Signature xmlns:ds="${DS}"><ds:SignedInfo><ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></ds:SignedInfo></ds:Signature>`,
      }),
    );
    const weak = item(report, "weak_algorithms");
    expect(weak.status).toBe("warn");
    expect(weak.detail).toContain("sha1WithRSAEncryption");
    expect(weak.detail).toContain("xmldsig#rsa-sha1");
    expect(weak.detail).toContain("xmldsig#sha1");
  });

  it("flags missing pieces as checklist errors", () => {
    const xml = `<EntityDescriptor xmlns="${MD}"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
      <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="https://idp.example.com/soap"/>
      <NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</NameIDFormat>
    </IDPSSODescriptor></EntityDescriptor>`;
    const report = inspect(xml);
    expect(item(report, "entity_id").status).toBe("error");
    expect(item(report, "sso_service")).toMatchObject({ status: "error", detail: expect.stringMatching(/only offers SOAP/) });
    expect(item(report, "signing_certificate").status).toBe("error");
    expect(item(report, "nameid_format")).toMatchObject({ status: "warn", detail: expect.stringContaining("persistent but not emailAddress") });
  });

  it("flags an unreadable certificate and an unusable SSO URL", () => {
    const report = inspect(
      oktaMetadata({ certificate: "bm90IGEgY2VydA==", sso: `<md:SingleSignOnService Binding="${POST}" Location="http://idp.example.com/sso"/>` }),
    );
    expect(item(report, "signing_certificate")).toMatchObject({ status: "error", detail: expect.stringContaining("#1 could not be read") });
    expect(item(report, "sso_service")).toMatchObject({ status: "error", detail: expect.stringMatching(/Single Sign-On URL uses http/) });
  });

  it("picks the identity provider out of an EntitiesDescriptor", () => {
    const xml = `<md:EntitiesDescriptor xmlns:md="${MD}">
      <md:EntityDescriptor entityID="urn:sp"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>
      ${oktaMetadata().replace(/^<\?xml[^>]*>/, "")}
    </md:EntitiesDescriptor>`;
    expect(inspect(xml).entityId).toBe("http://www.okta.com/exk1abc");
  });

  const refused: { name: string; xml: () => string; error: RegExp }[] = [
    { name: "empty", xml: () => " \n", error: /empty/ },
    { name: "plain text", xml: () => "hello", error: /^This is not XML/ },
    { name: "a URL", xml: () => "https://idp.example.com/metadata", error: /pasted a URL/ },
    { name: "JSON", xml: () => '{"issuer":"x"}', error: /JSON/ },
    { name: "HTML", xml: () => "<!DOCTYPE html><html><body>Sign in</body></html>", error: /web page \(HTML\)/ },
    {
      name: "a DOCTYPE (XXE)",
      xml: () => `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><md:EntityDescriptor xmlns:md="${MD}" entityID="&xxe;"/>`,
      error: /DOCTYPE/,
    },
    { name: "more than 1 MB", xml: () => oktaMetadata({ extra: `<!-- ${"x".repeat(1024 * 1024)} -->` }), error: /larger than 1 MB/ },
    {
      name: "broken XML",
      xml: () => `<md:EntityDescriptor xmlns:md="${MD}"><md:IDPSSODescriptor></md:EntityDescriptor>`,
      error: /^This is not valid XML: an element is not closed where it should be \(line 1\)\. Paste the complete metadata document again/,
    },
    {
      name: "another XML document",
      xml: () => `<svg xmlns="http://www.w3.org/2000/svg"/>`,
      error:
        /^This XML is not SAML metadata: expected an EntityDescriptor \(or EntitiesDescriptor\) in the SAML 2\.0 metadata namespace\. Paste your identity provider's SAML metadata\.$/,
    },
    { name: "EntityDescriptor in a foreign namespace", xml: () => `<EntityDescriptor xmlns="urn:other"/>`, error: /not SAML metadata/ },
    {
      name: "SP metadata",
      xml: () =>
        `<md:EntityDescriptor xmlns:md="${MD}" entityID="https://sp.example.com"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>`,
      error: /^This looks like a service provider's metadata \(SPSSODescriptor\); paste your identity provider's metadata instead\.$/,
    },
    { name: "no IdP role", xml: () => `<md:EntityDescriptor xmlns:md="${MD}" entityID="x"/>`, error: /no IDPSSODescriptor/ },
    {
      name: "two identity providers",
      xml: () =>
        `<md:EntitiesDescriptor xmlns:md="${MD}">${oktaMetadata().replace(/^<\?xml[^>]*>/, "")}${oktaMetadata().replace(/^<\?xml[^>]*>/, "")}</md:EntitiesDescriptor>`,
      error: /describes 2 identity providers/,
    },
  ];

  const DOCTYPE_REFUSED =
    "This XML contains a DOCTYPE declaration, which we refuse for security reasons (it enables XML entity attacks). Real IdP metadata does not need one; remove it or download the metadata again.";
  const entityAttacks: { name: string; xml: string }[] = [
    {
      name: "entity expansion (billion laughs)",
      xml: `<?xml version="1.0"?><!DOCTYPE md:EntityDescriptor [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<md:EntityDescriptor xmlns:md="${MD}" entityID="&d;"/>`,
    },
    { name: "an external DTD", xml: `<!DOCTYPE md:EntityDescriptor SYSTEM "http://127.0.0.1:9/evil.dtd"><md:EntityDescriptor xmlns:md="${MD}" entityID="x"/>` },
    { name: "a parameter entity", xml: `<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><md:EntityDescriptor xmlns:md="${MD}" entityID="x"/>` },
    {
      name: "a DOCTYPE after a comment",
      xml: `<?xml version="1.0"?><!-- a --><!DOCTYPE x [<!ENTITY e "https://evil.example.com">]>${oktaMetadata()
        .replace(/^<\?xml[^>]*>/, "")
        .replace("http://www.okta.com/exk1abc", "&e;")}`,
    },
  ];

  it.each(entityAttacks)("refuses $name with the DOCTYPE message", ({ xml }) => {
    expect(inspectSamlMetadata(xml, NOW)).toEqual({ ok: false, error: DOCTYPE_REFUSED });
  });

  it("reads a 1 MB EntitiesDescriptor of 25,000 entities in linear time", () => {
    const wide = `<md:EntitiesDescriptor xmlns:md="${MD}">${`<md:EntityDescriptor entityID="x"/>`.repeat(25_000)}</md:EntitiesDescriptor>`;
    const started = Date.now();
    expect(inspectSamlMetadata(wide, NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/no IDPSSODescriptor/) });
    // Generous for a shared CI machine; the quadratic xpath selection took minutes here.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("does not repeat the names of a document that is not metadata", () => {
    const result = inspectSamlMetadata(`<injectedName xmlns="http://www.w3.org/1999/xhtml">alert(1)</injectedName>`, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^This XML is not SAML metadata: expected an EntityDescriptor/);
      expect(result.error).not.toContain("injectedName");
    }
    const broken = inspectSamlMetadata(`<md:EntityDescriptor xmlns:md="${MD}"><img-onerror-alert></md:EntityDescriptor>`, NOW);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).not.toContain("img-onerror-alert");
  });

  it.each(refused)("refuses $name", ({ xml, error }) => {
    const result = inspectSamlMetadata(xml(), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
