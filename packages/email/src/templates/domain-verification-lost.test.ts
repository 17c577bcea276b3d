import { describe, expect, it } from "vitest";
import { domainVerificationLostEmail } from "./domain-verification-lost";

const input = {
  accountName: "Acme <b>",
  domain: "acme.test",
  reason: "record_missing" as const,
  lostAt: new Date("2026-05-01T09:30:00Z"),
  domainsUrl: "https://sso.example.com/settings/domains",
};

describe("domainVerificationLostEmail", () => {
  it("says which domain, why, and that nobody is locked out", () => {
    const email = domainVerificationLostEmail(input);
    expect(email.subject).toBe("Verification of acme.test was lost for Acme <b>");
    expect(email.text).toContain("has been missing from DNS for 72 hours");
    expect(email.text).toContain("Nobody is locked out");
    expect(email.text).toContain("https://sso.example.com/settings/domains");
    expect(email.html).toContain("Acme &lt;b&gt;");
  });

  it("explains a takeover", () => {
    expect(domainVerificationLostEmail({ ...input, reason: "taken_over" }).text).toContain("another account on Gatehouse has proven the domain");
  });
});
