import { describe, expect, it } from "vitest";
import { ssoTestEmail } from "./sso-test";

const signInUrl = "https://sso.example.com/sso/test/abc?x=1&y=2";

describe("ssoTestEmail", () => {
  const email = ssoTestEmail({
    accountName: "Acme & Co",
    connectionName: "Okta <SAML>",
    adminName: "Grace",
    signInUrl,
    expiresAt: new Date("2026-12-24T18:00:00Z"),
  });

  it("explains who asks to test which connection", () => {
    expect(email.subject).toBe("Grace asked you to test single sign-on for Acme & Co");
    expect(email.text).toContain("Try signing in with Okta <SAML>");
    expect(email.text).toContain("check that the Okta <SAML> connection works");
  });

  it("escapes HTML and links in both parts", () => {
    expect(email.html).toContain("Try signing in with Okta &lt;SAML&gt;");
    expect(email.html).not.toContain("<SAML>");
    expect(email.html).toContain('href="https://sso.example.com/sso/test/abc?x=1&amp;y=2"');
    expect(email.text).toContain(`Test sign-in:\n${signInUrl}`);
  });

  it("gives the expiry in UTC", () => {
    expect(email.text).toContain("This link expires on Thursday, December 24, 2026 at 18:00 UTC.");
  });
});
