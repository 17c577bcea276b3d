import { describe, expect, it } from "vitest";
import { ssoSetupLinkEmail } from "./sso-setup-link";

describe("ssoSetupLinkEmail", () => {
  it("names the admin who asked and their account", () => {
    const email = ssoSetupLinkEmail({ accountName: "Acme", adminName: "Ana Admin", setupUrl: "http://localhost/setup-link/t", expiresAt: new Date("2026-12-04T10:00:00Z") });
    expect(email.subject).toBe("Ana Admin at Acme asked you to set up single sign-on");
    expect(email.text).toContain("Ana Admin at Acme is setting up single sign-on");
    expect(email.text).toContain("Ana Admin, an administrator of Acme, sent you a setup link");
  });
});
