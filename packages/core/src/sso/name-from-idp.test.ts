import { describe, expect, it } from "vitest";
import { nameFromIdp } from "./name-from-idp";

const SAML = { label: "SAML 2.0", defaultButtonText: "Sign in with SSO" };

describe("nameFromIdp", () => {
  it.each<[string, Parameters<typeof nameFromIdp>[0], { name: string; buttonText: string }]>([
    [
      "default SAML names take the issuer's host",
      { isGeneric: true, name: "SAML 2.0", buttonText: "Sign in with SSO", defaults: SAML, idpIdentifier: "https://sts.windows.net/1234/" },
      { name: "sts.windows.net", buttonText: "Sign in with sts.windows.net" },
    ],
    [
      "www. is dropped, the port kept",
      { isGeneric: true, name: "SAML 2.0", buttonText: "Sign in with SSO", defaults: SAML, idpIdentifier: "http://www.idp.example:8443/saml/demo" },
      { name: "idp.example:8443", buttonText: "Sign in with idp.example:8443" },
    ],
    [
      "a URN issuer gives its name",
      { isGeneric: true, name: "SAML 2.0", buttonText: "Sign in with SSO", defaults: SAML, idpIdentifier: "urn:acme:idp" },
      { name: "acme:idp", buttonText: "Sign in with acme:idp" },
    ],
    [
      "what the admin typed stays",
      { isGeneric: true, name: "Acme staff", buttonText: "Acme login", defaults: SAML, idpIdentifier: "https://idp.acme.com" },
      { name: "Acme staff", buttonText: "Acme login" },
    ],
    [
      "vendor connections keep their defaults",
      {
        isGeneric: false,
        name: "Okta",
        buttonText: "Sign in with Okta",
        defaults: { label: "Okta", defaultButtonText: "Sign in with Okta" },
        idpIdentifier: "https://acme.okta.com",
      },
      { name: "Okta", buttonText: "Sign in with Okta" },
    ],
    [
      "no identifier: unchanged",
      { isGeneric: true, name: "SAML 2.0", buttonText: "Sign in with SSO", defaults: SAML, idpIdentifier: null },
      { name: "SAML 2.0", buttonText: "Sign in with SSO" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(nameFromIdp(input)).toEqual(expected);
  });
});
