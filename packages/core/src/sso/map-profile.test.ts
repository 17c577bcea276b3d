import { describe, expect, it } from "vitest";
import { mapProfile, previewMapping } from "./map-profile";
import { PROVIDERS } from "./providers";

describe("mapProfile", () => {
  it("reads standard OIDC claims and normalises the email", () => {
    const p = mapProfile(
      { email: "Ada@Acme.TEST", email_verified: true, given_name: "Ada", family_name: "Admin", name: "Ada Admin", hd: "acme.test" },
      PROVIDERS.google.defaultMapping,
    );
    expect(p).toMatchObject({
      email: "ada@acme.test",
      firstName: "Ada",
      lastName: "Admin",
      displayName: "Ada Admin",
      emailVerified: true,
      hostedDomain: "acme.test",
    });
  });

  it("falls back to the UPN for an Entra user without a mailbox", () => {
    const p = mapProfile({ upn: "nomail@acme.test", preferred_username: "nomail@acme.test", name: "No Mail" }, PROVIDERS.entra.defaultMapping);
    expect(p.email).toBe("nomail@acme.test");
    expect(p.emailVerified).toBeNull();
  });

  it("reads SAML attribute arrays and URI names", () => {
    const p = mapProfile(
      { "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress": ["Bob@Globex.test"], firstName: ["Bob"] },
      PROVIDERS.saml.defaultMapping,
    );
    expect(p).toMatchObject({ email: "bob@globex.test", firstName: "Bob", emailVerified: null });
  });

  it("uses the configured attribute before any fallback", () => {
    const mapping = { ...PROVIDERS.oidc.defaultMapping, email: "preferred_username" };
    const claims = { email: "a@x.test", preferred_username: "b@x.test" };
    expect(mapProfile(claims, mapping).email).toBe("b@x.test");
    expect(previewMapping(claims, mapping).find((l) => l.field === "email")).toEqual({
      field: "email",
      source: "preferred_username",
      value: "b@x.test",
      isFallback: false,
    });
  });

  it("refuses a value that is not an email", () => {
    expect(mapProfile({ email: "not-an-email" }, PROVIDERS.oidc.defaultMapping).email).toBeNull();
  });
});
