import { describe, expect, it } from "vitest";
import { scimProvisionedEmail } from "./scim-provisioned";

describe("scimProvisionedEmail", () => {
  it("tells the person to sign in through their IdP, with no password to set", () => {
    const email = scimProvisionedEmail({ accountName: "Acme", connectionName: "Okta", roleLabel: "Member", signInUrl: "http://app.test/login" });
    expect(email.subject).toBe("You now have access to Acme on Gatehouse");
    expect(email.text).toContain("There is no password to set");
    expect(email.text).toContain("continue with Okta");
    expect(email.html).toContain("http://app.test/login");
  });
});
