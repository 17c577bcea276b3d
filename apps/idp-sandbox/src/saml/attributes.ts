import { ENTRA_TENANT_ID } from "../oidc/profiles";
import { displayName, findUser, subjectIds, upnOf } from "../users";
import type { AttributeProfile } from "./apps";

export interface SamlAttribute {
  name: string;
  /** Omitted for Entra, which sends its claim URIs without a NameFormat. */
  nameFormat?: string;
  values: string[];
}

/** Value overrides for a response; `null` removes the attribute. */
export type AttributeOverrides = Record<string, string | string[] | null>;

const BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
const UNSPECIFIED = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified";
const CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims";
const MS_CLAIMS = "http://schemas.microsoft.com/identity/claims";

interface Person {
  email: string;
  givenName: string;
  familyName: string;
  displayName: string;
  groups: string[];
  upn: string;
  oid?: string;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Test users bring their own names; any other address (crafted in tests) gets some from its local part. */
function personFor(email: string): Person {
  const user = findUser("saml", email) ?? findUser("entra", email);
  if (user) {
    return {
      email: user.email ?? upnOf(user),
      givenName: user.givenName,
      familyName: user.familyName,
      displayName: displayName(user),
      groups: user.groups ?? [],
      upn: upnOf(user),
      oid: subjectIds(user).entraOid,
    };
  }
  const [first = "Test", last = "User"] = (email.split("@")[0] ?? "")
    .split(/[._-]+/)
    .filter(Boolean)
    .map(capitalise);
  return { email, givenName: first, familyName: last, displayName: `${first} ${last}`, groups: [], upn: email };
}

function profileAttributes(profile: AttributeProfile, person: Person): SamlAttribute[] {
  const plain = (name: string, format: string, ...values: string[]): SamlAttribute => ({ name, nameFormat: format, values });
  switch (profile) {
    case "basic":
      return [
        plain("email", BASIC, person.email),
        plain("firstName", BASIC, person.givenName),
        plain("lastName", BASIC, person.familyName),
        plain("displayName", BASIC, person.displayName),
      ];
    case "okta":
      return [
        plain("email", UNSPECIFIED, person.email),
        plain("firstName", UNSPECIFIED, person.givenName),
        plain("lastName", UNSPECIFIED, person.familyName),
        plain("displayName", UNSPECIFIED, person.displayName),
        plain("login", UNSPECIFIED, person.email),
        plain("groups", UNSPECIFIED, ...person.groups),
      ];
    case "entra":
      return [
        { name: `${MS_CLAIMS}/tenantid`, values: [ENTRA_TENANT_ID] },
        ...(person.oid ? [{ name: `${MS_CLAIMS}/objectidentifier`, values: [person.oid] }] : []),
        { name: `${MS_CLAIMS}/displayname`, values: [person.displayName] },
        { name: `${CLAIMS}/givenname`, values: [person.givenName] },
        { name: `${CLAIMS}/surname`, values: [person.familyName] },
        { name: `${CLAIMS}/emailaddress`, values: [person.email] },
        // Entra's "name" claim is the UPN, not a display name.
        { name: `${CLAIMS}/name`, values: [person.upn] },
      ];
    case "google":
      return [plain("email", UNSPECIFIED, person.email), plain("firstName", UNSPECIFIED, person.givenName), plain("lastName", UNSPECIFIED, person.familyName)];
  }
}

export function buildAttributes(profile: AttributeProfile, email: string, overrides: AttributeOverrides = {}): SamlAttribute[] {
  const attributes = profileAttributes(profile, personFor(email)).filter((attribute) => attribute.values.length > 0);
  for (const [name, value] of Object.entries(overrides)) {
    const index = attributes.findIndex((attribute) => attribute.name === name);
    if (value === null) {
      if (index >= 0) attributes.splice(index, 1);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (index >= 0) attributes[index] = { ...attributes[index]!, values };
    else attributes.push({ name, nameFormat: UNSPECIFIED, values });
  }
  return attributes;
}
