import { describe, expect, it } from "vitest";
import { domainRequiresSso, offersPasswordInstead, routeEmail, type DomainMatch, type RoutableConnection } from "./route-email";

const ACME = "acc-acme";
const GLOBEX = "acc-globex";
const match: DomainMatch = { accountId: ACME, accountSlug: "acme", domain: "acme.test" };
const conn = (id: string, over: Partial<RoutableConnection> = {}): RoutableConnection => ({
  id,
  accountId: ACME,
  name: id,
  buttonText: `Sign in with ${id}`,
  logoDataUrl: null,
  enabled: true,
  ...over,
});

describe("routeEmail", () => {
  const cases: Array<{ name: string; match: DomainMatch | null; connections: RoutableConnection[]; expected: ReturnType<typeof routeEmail> }> = [
    { name: "no verified domain → password", match: null, connections: [], expected: { kind: "password" } },
    { name: "no verified domain, even if connections were passed → password", match: null, connections: [conn("okta")], expected: { kind: "password" } },
    { name: "verified domain, no connection → password", match, connections: [], expected: { kind: "password" } },
    {
      name: "verified domain, only switched-off connections → password",
      match,
      connections: [conn("okta", { enabled: false })],
      expected: { kind: "password" },
    },
    {
      name: "one switched-on connection → straight to the IdP",
      match,
      connections: [conn("okta")],
      expected: { kind: "idp", connectionId: "okta", accountSlug: "acme" },
    },
    {
      name: "one on, one off → the one that is on",
      match,
      connections: [conn("okta", { enabled: false }), conn("entra")],
      expected: { kind: "idp", connectionId: "entra", accountSlug: "acme" },
    },
    {
      name: "another account's connection never receives the domain's people",
      match,
      connections: [conn("globex-okta", { accountId: GLOBEX })],
      expected: { kind: "password" },
    },
    {
      name: "own and foreign connection → own only",
      match,
      connections: [conn("globex-okta", { accountId: GLOBEX }), conn("okta")],
      expected: { kind: "idp", connectionId: "okta", accountSlug: "acme" },
    },
    {
      name: "two switched-on connections → a choice, in the given order",
      match,
      connections: [conn("okta"), conn("saml")],
      expected: { kind: "choose", accountSlug: "acme", connections: [conn("okta"), conn("saml")] },
    },
  ];
  it.each(cases)("$name", ({ match, connections, expected }) => {
    expect(routeEmail({ match, connections })).toEqual(expected);
  });
});

describe("offersPasswordInstead", () => {
  const NOW = new Date("2026-11-27T12:00:00Z");
  it.each([
    { name: "domain without enforcement → offered", requiresSso: undefined, expected: true },
    { name: "domain that requires SSO → not offered", requiresSso: true, expected: false },
  ])("$name", ({ requiresSso, expected }) => expect(offersPasswordInstead({ ...match, requiresSso })).toBe(expected));

  it.each([
    { name: "any, domain not enforcing → no", authRequired: "any" as const, domainEnforcesSso: false, enforcementSuspendedUntil: null, expected: false },
    { name: "sso → yes", authRequired: "sso" as const, domainEnforcesSso: false, enforcementSuspendedUntil: null, expected: true },
    { name: "domain enforcing → yes", authRequired: "mfa" as const, domainEnforcesSso: true, enforcementSuspendedUntil: null, expected: true },
    {
      name: "sso but suspended → no",
      authRequired: "sso" as const,
      domainEnforcesSso: true,
      enforcementSuspendedUntil: new Date("2026-11-27T15:00:00Z"),
      expected: false,
    },
  ])("domainRequiresSso: $name", ({ expected, ...input }) => expect(domainRequiresSso(input, NOW)).toBe(expected));
});
