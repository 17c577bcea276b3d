import { describe, expect, it } from "vitest";
import { decideSignInPolicy, enforcesSsoFor, ssoRequiredMessage, type MembershipEnforcement } from "./decide-sign-in-policy";
import { membershipOf } from "./membership-fixture";

const NOW = new Date("2026-11-27T12:00:00Z");
const LATER = new Date("2026-11-28T12:00:00Z");
const EARLIER = new Date("2026-11-26T12:00:00Z");

const member = membershipOf;

describe("enforcesSsoFor", () => {
  const cases: Array<{ name: string; m: MembershipEnforcement; expected: boolean }> = [
    { name: "any → no", m: member("Acme"), expected: false },
    { name: "mfa → no (MFA is not SSO)", m: member("Acme", { authRequired: "mfa" }), expected: false },
    { name: "sso → yes", m: member("Acme", { authRequired: "sso" }), expected: true },
    { name: "any, but email on an enforcing domain → yes", m: member("Acme", { emailOnEnforcingDomain: true }), expected: true },
    { name: "sso, suspended until later → no", m: member("Acme", { authRequired: "sso", enforcementSuspendedUntil: LATER }), expected: false },
    { name: "sso, suspension already over → yes", m: member("Acme", { authRequired: "sso", enforcementSuspendedUntil: EARLIER }), expected: true },
    { name: "sso, suspension ends exactly now → yes", m: member("Acme", { authRequired: "sso", enforcementSuspendedUntil: NOW }), expected: true },
    { name: "sso, exempt with no end → no", m: member("Acme", { authRequired: "sso", ssoExempt: true }), expected: false },
    { name: "sso, exempt until later → no", m: member("Acme", { authRequired: "sso", ssoExempt: true, ssoExemptUntil: LATER }), expected: false },
    { name: "sso, exemption ended → yes", m: member("Acme", { authRequired: "sso", ssoExempt: true, ssoExemptUntil: EARLIER }), expected: true },
    { name: "domain enforcing, exempt → no", m: member("Acme", { emailOnEnforcingDomain: true, ssoExempt: true }), expected: false },
    { name: "an end date without the exempt flag counts for nothing → yes", m: member("Acme", { authRequired: "sso", ssoExemptUntil: LATER }), expected: true },
  ];
  it.each(cases)("$name", ({ m, expected }) => expect(enforcesSsoFor(m, NOW)).toBe(expected));
});

describe("decideSignInPolicy", () => {
  const acme = member("Acme", { authRequired: "sso" });
  const beta = member("Beta", { emailOnEnforcingDomain: true });
  const open = member("Open");
  const cases: Array<{ name: string; memberships: MembershipEnforcement[]; expected: ReturnType<typeof decideSignInPolicy> }> = [
    { name: "no memberships → allowed, no account", memberships: [], expected: { outcome: "allow", grantedAccountIds: [] } },
    {
      name: "no account enforces → allowed, each account by name",
      memberships: [open, member("Other", { authRequired: "mfa" })],
      expected: { outcome: "allow", grantedAccountIds: ["id-Open", "id-Other"] },
    },
    { name: "some enforce → allowed, only the open ones", memberships: [acme, open], expected: { outcome: "allow", grantedAccountIds: ["id-Open"] } },
    {
      name: "the only account enforces → refused with its SSO",
      memberships: [acme],
      expected: { outcome: "refuse", message: "Acme requires signing in with SSO.", ssoAccounts: [{ id: "id-Acme", name: "Acme", slug: "acme" }] },
    },
    {
      name: "every account enforces → refused with each",
      memberships: [acme, beta],
      expected: { outcome: "refuse", message: "Acme and Beta require signing in with SSO.", ssoAccounts: [acme.account, beta.account] },
    },
    {
      name: "enforcing but exempt → allowed, that account",
      memberships: [{ ...acme, ssoExempt: true }],
      expected: { outcome: "allow", grantedAccountIds: ["id-Acme"] },
    },
    {
      name: "enforcing but suspended → allowed",
      memberships: [{ ...acme, enforcementSuspendedUntil: LATER }],
      expected: { outcome: "allow", grantedAccountIds: ["id-Acme"] },
    },
  ];
  it.each(cases)("$name (password)", ({ memberships, expected }) =>
    expect(decideSignInPolicy({ memberships, method: "password", now: NOW })).toEqual(expected),
  );
  it.each(cases)("$name (social)", ({ memberships, expected }) => expect(decideSignInPolicy({ memberships, method: "social", now: NOW })).toEqual(expected));

  it("names three accounts as a list", () => {
    expect(ssoRequiredMessage(["A", "B", "C"])).toBe("A, B and C require signing in with SSO.");
  });
});
