import { createHash } from "node:crypto";

/** Every place a test user can sign in: the four OIDC profiles plus the SAML apps. */
export type IdpKind = "okta" | "entra" | "google" | "auth0" | "generic" | "saml";

export interface TestUser {
  /** Stable key; every IdP-specific identifier (sub, oid) is derived from it. */
  key: string;
  /** Absent for an Entra account without a mailbox, which only has a UPN. */
  email?: string;
  /** Entra userPrincipalName; defaults to the email. */
  upn?: string;
  givenName: string;
  familyName: string;
  /** Defaults to true. */
  emailVerified?: boolean;
  /** Google Workspace domain (`hd` claim); absent for consumer Google accounts. */
  hostedDomain?: string;
  groups?: string[];
  locale?: string;
  zoneinfo?: string;
  /** Why this user exists, shown on the login screen so testers pick the right one. */
  note: string;
  /** Restricts the user to some IdPs; everywhere when absent. */
  only?: IdpKind[];
}

/** Add users here; the login screens and the index page pick them up automatically. */
export const TEST_USERS: readonly TestUser[] = [
  {
    key: "ada-admin",
    email: "admin@acme.test",
    givenName: "Ada",
    familyName: "Admin",
    hostedDomain: "acme.test",
    groups: ["Everyone", "Gatehouse Admins", "Engineering"],
    note: "Workspace admin in the Acme demo organisation",
  },
  {
    key: "max-member",
    email: "member@acme.test",
    givenName: "Max",
    familyName: "Member",
    hostedDomain: "acme.test",
    groups: ["Everyone", "Sales"],
    note: "Ordinary member of Acme",
  },
  {
    key: "alice",
    email: "alice@acme.test",
    givenName: "Alice",
    familyName: "Anders",
    hostedDomain: "acme.test",
    groups: ["Everyone", "Engineering"],
    locale: "de-DE",
    zoneinfo: "Europe/Berlin",
    note: "Another Acme member (German locale)",
  },
  {
    key: "newhire",
    email: "newhire@acme.test",
    givenName: "Nina",
    familyName: "Newhire",
    hostedDomain: "acme.test",
    groups: ["Everyone"],
    note: "Exists at the IdP but not yet in Gatehouse (just-in-time provisioning)",
  },
  {
    key: "unverified",
    email: "unverified@acme.test",
    givenName: "Uma",
    familyName: "Unverified",
    hostedDomain: "acme.test",
    emailVerified: false,
    groups: ["Everyone"],
    note: "email_verified is false",
  },
  {
    key: "outsider",
    email: "outsider@gmail.test",
    givenName: "Oscar",
    familyName: "Outsider",
    note: "Consumer Google account: no hosted domain (hd)",
    only: ["google", "auth0", "generic"],
  },
  {
    key: "bob-globex",
    email: "bob@globex.test",
    givenName: "Bob",
    familyName: "Baker",
    hostedDomain: "globex.test",
    groups: ["Everyone"],
    note: "Belongs to another company (Globex)",
  },
  {
    key: "nomail",
    upn: "nomail@acme.test",
    givenName: "Noah",
    familyName: "Nomail",
    groups: ["Everyone"],
    note: "Entra account without a mailbox: upn only, no email claim",
    only: ["entra"],
  },
];

export function usersFor(kind: IdpKind): TestUser[] {
  return TEST_USERS.filter((user) => !user.only || user.only.includes(kind));
}

/** What the person types on the login screen: the email, or the UPN when there is none. */
export function loginName(user: TestUser): string {
  return user.email ?? user.upn ?? user.key;
}

export function displayName(user: TestUser): string {
  return `${user.givenName} ${user.familyName}`;
}

export function upnOf(user: TestUser): string {
  return user.upn ?? loginName(user);
}

export function findUser(kind: IdpKind, login: string): TestUser | undefined {
  const wanted = login.trim().toLowerCase();
  if (!wanted) return undefined;
  return usersFor(kind).find((user) => user.email?.toLowerCase() === wanted || user.upn?.toLowerCase() === wanted);
}

function digest(label: string, user: TestUser): Buffer {
  return createHash("sha256").update(`${label}:${user.key}`).digest();
}

function guid(bytes: Buffer): string {
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Identifiers shaped like each vendor's, derived from the user key so they stay the same
 * across restarts (Gatehouse links accounts by them).
 */
export interface SubjectIds {
  okta: string;
  entraOid: string;
  entraSub: string;
  google: string;
  auth0: string;
  generic: string;
}

export function subjectIds(user: TestUser): SubjectIds {
  const okta = [...digest("okta", user).subarray(0, 17)].map((b) => BASE62[b % 62]).join("");
  const google = [...digest("google", user).subarray(0, 20)].map((b) => String(b % 10)).join("");
  return {
    okta: `00u${okta}`,
    entraOid: guid(digest("entra-oid", user)),
    entraSub: digest("entra-sub", user).toString("base64url").slice(0, 43),
    google: `1${google}`,
    // Auth0 prefixes the subject with the connection that authenticated the person.
    auth0: `auth0|${digest("auth0", user).toString("hex").slice(0, 24)}`,
    generic: guid(digest("generic", user)),
  };
}

/**
 * Adds a test user at run time (POST /api/users): end-to-end tests give each test its own
 * people instead of sharing the fixed ones. Returns the existing user when the email is known.
 */
export function addTestUser(input: { email: string; givenName?: string; familyName?: string; emailVerified?: boolean; hostedDomain?: string }): TestUser {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error("A test user needs a valid email.");
  const existing = TEST_USERS.find((user) => user.email === email);
  if (existing) return existing;
  const user: TestUser = {
    key: `added-${createHash("sha256").update(email).digest("hex").slice(0, 12)}`,
    email,
    givenName: input.givenName ?? email.split("@")[0]!,
    familyName: input.familyName ?? "Tester",
    emailVerified: input.emailVerified ?? true,
    hostedDomain: input.hostedDomain,
    note: "Added at run time",
  };
  (TEST_USERS as TestUser[]).push(user);
  return user;
}
