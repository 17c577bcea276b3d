import { describe, expect, it } from "vitest";
import { ssoSetupLinkEmail } from "./sso-setup-link";

describe("ssoSetupLinkEmail", () => {
  it("names the admin who asked and their account", () => {
    const email = ssoSetupLinkEmail({
      accountName: "Acme",
      adminName: "Ana Admin",
      setupUrl: "http://localhost/setup-link/t",
      expiresAt: new Date("2026-12-04T10:00:00Z"),
    });
    expect(email.subject).toBe("Ana Admin at Acme asked you to set up single sign-on");
    expect(email.text).toContain("Ana Admin at Acme is setting up single sign-on");
    expect(email.text).toContain("Ana Admin, an administrator of Acme, sent you a setup link");
  });

  it("says what else the link covers", () => {
    const base = { accountName: "Acme", adminName: "Ana", setupUrl: "http://localhost/setup-link/t", expiresAt: new Date("2026-12-04T10:00:00Z") };
    expect(ssoSetupLinkEmail(base).text).not.toContain("It also covers");
    expect(ssoSetupLinkEmail({ ...base, covers: ["sso", "domains", "scim"] }).text).toContain(
      "It also covers adding and verifying its email domains (a DNS TXT record) and SCIM provisioning (its base URL and token).",
    );
  });
});
