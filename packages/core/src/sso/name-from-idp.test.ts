import { describe, expect, it } from "vitest";
import { nameFromIdp } from "./name-from-idp";

const SAML = { label: "SAML 2.0", defaultButtonText: "Sign in with SSO" };
const DEFAULTS = { isGeneric: true, name: "SAML 2.0", buttonText: "Sign in with SSO", defaults: SAML };

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
    [
      "the metadata's organization comes before the issuer's host",
      { ...DEFAULTS, idpIdentifier: "https://sts.windows.net/1234/", idpOrganization: "Acme Corp" },
      { name: "Acme Corp", buttonText: "Sign in with Acme Corp" },
    ],
    [
      "an organization of blanks counts as none",
      { ...DEFAULTS, idpIdentifier: "https://idp.acme.com/saml", idpOrganization: "  " },
      { name: "idp.acme.com", buttonText: "Sign in with idp.acme.com" },
    ],
    [
      "an organization whose button another connection shows gets the issuer's host",
      { ...DEFAULTS, idpIdentifier: "https://idp.acme.com/saml", idpOrganization: "Acme", otherButtonTexts: ["Sign in with Acme"] },
      { name: "Acme (idp.acme.com)", buttonText: "Sign in with Acme (idp.acme.com)" },
    ],
    [
      "the comparison ignores case and spaces around",
      { ...DEFAULTS, idpIdentifier: "https://idp.acme.com/saml", idpOrganization: "Acme", otherButtonTexts: [" SIGN IN WITH ACME "] },
      { name: "Acme (idp.acme.com)", buttonText: "Sign in with Acme (idp.acme.com)" },
    ],
    [
      "a host another connection already uses gets a number",
      { ...DEFAULTS, idpIdentifier: "https://idp.acme.com/saml", otherButtonTexts: ["Sign in with idp.acme.com"] },
      { name: "idp.acme.com (2)", buttonText: "Sign in with idp.acme.com (2)" },
    ],
    [
      "organization and host both taken: a number",
      {
        ...DEFAULTS,
        idpIdentifier: "https://idp.acme.com/saml",
        idpOrganization: "Acme",
        otherButtonTexts: ["Sign in with Acme", "Sign in with Acme (idp.acme.com)", "Sign in with Acme (2)"],
      },
      { name: "Acme (3)", buttonText: "Sign in with Acme (3)" },
    ],
    [
      "a typed name stays while the default button text is made distinct",
      { ...DEFAULTS, name: "Staff", idpIdentifier: "https://idp.acme.com/saml", idpOrganization: "Acme", otherButtonTexts: ["Sign in with Acme"] },
      { name: "Staff", buttonText: "Sign in with Acme (idp.acme.com)" },
    ],
    [
      "a typed button text stays even when another connection shows it",
      { ...DEFAULTS, buttonText: "Staff login", idpIdentifier: "https://idp.acme.com/saml", otherButtonTexts: ["Staff login"] },
      { name: "idp.acme.com", buttonText: "Staff login" },
    ],
    [
      "an organization without any issuer still names the connection",
      { ...DEFAULTS, idpIdentifier: null, idpOrganization: "Acme" },
      { name: "Acme", buttonText: "Sign in with Acme" },
    ],
  ])("%s", (_name, input, expected) => {
    expect(nameFromIdp(input)).toEqual(expected);
  });
});
