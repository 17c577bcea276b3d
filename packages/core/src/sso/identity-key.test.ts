import { describe, expect, it } from "vitest";
import { identityKeyOf } from "./identity-key";

describe("identityKeyOf", () => {
  it.each<[string, Parameters<typeof identityKeyOf>[0], ReturnType<typeof identityKeyOf>]>([
    [
      "OIDC: iss + sub",
      { provider: "okta", claims: { iss: "https://idp", sub: "00u1", email: "a@x.test" }, connectionIssuer: "https://other" },
      { issuer: "https://idp", subject: "00u1" },
    ],
    [
      "OIDC without iss falls back to the connection's issuer",
      { provider: "oidc", claims: { sub: "s" }, connectionIssuer: "https://idp" },
      { issuer: "https://idp", subject: "s" },
    ],
    [
      "OIDC without sub has no key, even with an email",
      { provider: "entra", claims: { iss: "https://idp", email: "a@x.test" }, connectionIssuer: "https://idp" },
      null,
    ],
    [
      "SAML: entity ID + NameID",
      { provider: "saml", claims: { nameID: "ada@x.test", email: "ada@x.test" }, connectionIssuer: "https://idp/entity" },
      { issuer: "https://idp/entity", subject: "ada@x.test" },
    ],
    ["SAML without NameID has no key", { provider: "saml", claims: { email: "ada@x.test" }, connectionIssuer: "https://idp/entity" }, null],
    ["SAML without an entity ID has no key", { provider: "saml", claims: { nameID: "n" }, connectionIssuer: null }, null],
    ["a blank subject is no subject", { provider: "okta", claims: { iss: "https://idp", sub: "  " }, connectionIssuer: null }, null],
  ])("%s", (_name, input, expected) => {
    expect(identityKeyOf(input)).toEqual(expected);
  });
});
