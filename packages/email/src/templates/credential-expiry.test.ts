import { describe, expect, it } from "vitest";
import { credentialExpiryEmail } from "./credential-expiry";

describe("credentialExpiryEmail", () => {
  const email = credentialExpiryEmail({
    accountName: "Acme & Co",
    connectionName: "Okta <SAML>",
    what: "certificate",
    expiresAt: new Date("2026-12-24T18:00:00Z"),
    daysLeft: 7,
    fix: "Get the new signing certificate from your identity provider.",
    connectionUrl: "https://app.test/settings/security/abc",
  });

  it("names the account, the connection, the date and the fix", () => {
    expect(email.subject).toBe("The SAML signing certificate of Okta <SAML> (Acme & Co) expires in 7 days");
    expect(email.text).toContain(
      "The SAML signing certificate of the Okta <SAML> connection of Acme & Co expires on Thursday, December 24, 2026 at 18:00 UTC.",
    );
    expect(email.text).toContain("Get the new signing certificate from your identity provider.");
    expect(email.text).toContain("https://app.test/settings/security/abc");
  });

  it("escapes HTML", () => {
    expect(email.html).toContain("Okta &lt;SAML&gt;");
    expect(email.html).not.toContain("<SAML>");
  });
});
