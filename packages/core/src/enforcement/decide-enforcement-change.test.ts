import { describe, expect, it } from "vitest";
import {
  confirmationMatches,
  decideEnforcementChange,
  hasExemptAdmin,
  isFreshlyTested,
  isWithinFreshTestWindow,
  lockoutList,
  type ConnectionTestState,
  type LockoutCandidate,
} from "./decide-enforcement-change";
import { newlyEnforcedMembers, type AccountSsoRule } from "./affected-members";

const NOW = new Date("2026-11-27T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const conn = (over: Partial<ConnectionTestState> = {}): ConnectionTestState => ({
  id: "c1",
  name: "Okta",
  enabled: true,
  lastSuccessfulTestAt: null,
  markedTestedAt: null,
  ...over,
});

describe("isFreshlyTested (the interlock)", () => {
  const cases: Array<{ name: string; c: ConnectionTestState; expected: boolean }> = [
    { name: "never tested → no", c: conn(), expected: false },
    { name: "success 1 h ago → yes", c: conn({ lastSuccessfulTestAt: hoursAgo(1) }), expected: true },
    { name: "success 23.9 h ago → yes", c: conn({ lastSuccessfulTestAt: hoursAgo(23.9) }), expected: true },
    { name: "success 25 h ago → no", c: conn({ lastSuccessfulTestAt: hoursAgo(25) }), expected: false },
    { name: "success 1 h ago, switched off → no", c: conn({ enabled: false, lastSuccessfulTestAt: hoursAgo(1) }), expected: false },
    {
      name: "old success, marked tested 2 h ago → yes (the mark rests on a success)",
      c: conn({ lastSuccessfulTestAt: hoursAgo(100), markedTestedAt: hoursAgo(2) }),
      expected: true,
    },
    { name: "marked tested 2 h ago, no success behind it → no", c: conn({ markedTestedAt: hoursAgo(2) }), expected: false },
    { name: "old success, old mark → no", c: conn({ lastSuccessfulTestAt: hoursAgo(100), markedTestedAt: hoursAgo(30) }), expected: false },
    { name: "a success dated in the future (clock trouble) → no", c: conn({ lastSuccessfulTestAt: hoursAgo(-5) }), expected: false },
  ];
  it.each(cases)("$name", ({ c, expected }) => expect(isFreshlyTested(c, NOW)).toBe(expected));
});

const person = (email: string, over: Partial<LockoutCandidate> = {}): LockoutCandidate => ({
  userId: email,
  email,
  name: email,
  role: "member",
  ssoExempt: false,
  ssoExemptUntil: null,
  hasSsoIdentity: false,
  emailOnVerifiedDomain: false,
  ...over,
});

describe("lockoutList", () => {
  const cases: Array<{ name: string; m: LockoutCandidate; lockedOut: boolean }> = [
    { name: "never signed in through SSO, off-domain, not exempt → locked out", m: person("a@gmail.test"), lockedOut: true },
    { name: "signed in through SSO once → safe", m: person("b@gmail.test", { hasSsoIdentity: true }), lockedOut: false },
    { name: "on a verified domain (routed to the IdP) → safe", m: person("c@acme.test", { emailOnVerifiedDomain: true }), lockedOut: false },
    { name: "exempt → safe", m: person("d@gmail.test", { ssoExempt: true }), lockedOut: false },
    { name: "exempt until tomorrow → safe", m: person("e@gmail.test", { ssoExempt: true, ssoExemptUntil: hoursAgo(-24) }), lockedOut: false },
    { name: "exemption ended yesterday → locked out", m: person("f@gmail.test", { ssoExempt: true, ssoExemptUntil: hoursAgo(24) }), lockedOut: true },
    { name: "admin, never signed in through SSO → locked out too", m: person("g@gmail.test", { role: "admin" }), lockedOut: true },
  ];
  it.each(cases)("$name", ({ m, lockedOut }) => expect(lockoutList([m], NOW)).toEqual(lockedOut ? [m] : []));

  it("recommends an exempt admin only when one exists", () => {
    expect(hasExemptAdmin([person("a", { role: "admin" }), person("b", { ssoExempt: true })], NOW)).toBe(false);
    expect(hasExemptAdmin([person("a", { role: "admin", ssoExempt: true })], NOW)).toBe(true);
  });
});

describe("decideEnforcementChange", () => {
  const account = { name: "Acme Corp", slug: "acme" };
  const fresh = [conn({ lastSuccessfulTestAt: hoursAgo(1) })];
  const stranded = person("x@gmail.test");
  const safe = person("y@acme.test", { emailOnVerifiedDomain: true });
  const cases: Array<{
    name: string;
    connections: ConnectionTestState[];
    affected: LockoutCandidate[];
    confirmation: string | null;
    expected: ReturnType<typeof decideEnforcementChange>;
  }> = [
    {
      name: "no fresh test → refused before anything else",
      connections: [conn({ lastSuccessfulTestAt: hoursAgo(48) })],
      affected: [],
      confirmation: "acme",
      expected: { ok: false, error: { code: "needs_fresh_test" } },
    },
    {
      name: "no connection at all → needs a fresh test",
      connections: [],
      affected: [],
      confirmation: "acme",
      expected: { ok: false, error: { code: "needs_fresh_test" } },
    },
    {
      name: "fresh, unconfirmed, someone stranded → the list",
      connections: fresh,
      affected: [stranded, safe],
      confirmation: null,
      expected: { ok: false, error: { code: "would_lock_out", lockedOut: [stranded] } },
    },
    {
      name: "fresh, wrong confirmation, nobody stranded → mismatch",
      connections: fresh,
      affected: [safe],
      confirmation: "acne",
      expected: { ok: false, error: { code: "confirmation_mismatch" } },
    },
    {
      name: "fresh, slug typed → allowed (even with someone stranded)",
      connections: fresh,
      affected: [stranded],
      confirmation: "acme",
      expected: { ok: true },
    },
    { name: "fresh, name typed in another case → allowed", connections: fresh, affected: [], confirmation: "  ACME corp ", expected: { ok: true } },
  ];
  it.each(cases)("$name", ({ connections, affected, confirmation, expected }) =>
    expect(decideEnforcementChange({ connections, affected, account, confirmation, now: NOW })).toEqual(expected),
  );

  it("never matches an empty confirmation", () => expect(confirmationMatches("", { name: "", slug: "" })).toBe(false));
});

describe("newlyEnforcedMembers", () => {
  const before: AccountSsoRule = { authRequired: "any", enforcementSuspendedUntil: null, enforcingDomainIds: [] };
  const onDomain = { id: "on", ssoExempt: false, ssoExemptUntil: null, domainId: "d1" };
  const offDomain = { id: "off", ssoExempt: false, ssoExemptUntil: null, domainId: null };
  const exempt = { id: "ex", ssoExempt: true, ssoExemptUntil: null, domainId: "d1" };
  const all = [onDomain, offDomain, exempt];
  const ids = (ms: { id: string }[]) => ms.map((m) => m.id);
  it("account-wide sso affects every non-exempt member", () =>
    expect(ids(newlyEnforcedMembers(all, before, { ...before, authRequired: "sso" }, NOW))).toEqual(["on", "off"]));
  it("a domain affects the non-exempt people on it", () =>
    expect(ids(newlyEnforcedMembers(all, before, { ...before, enforcingDomainIds: ["d1"] }, NOW))).toEqual(["on"]));
  it("a member already enforced is not affected again", () => {
    const domainOn = { ...before, enforcingDomainIds: ["d1"] };
    expect(ids(newlyEnforcedMembers(all, domainOn, { ...domainOn, authRequired: "sso" }, NOW))).toEqual(["off"]);
  });
  it("nobody while support has suspended enforcement", () => {
    const suspended = { ...before, enforcementSuspendedUntil: hoursAgo(-2) };
    expect(newlyEnforcedMembers(all, suspended, { ...suspended, authRequired: "sso" }, NOW)).toEqual([]);
  });
});

describe("isWithinFreshTestWindow (one window for the interlock, the mark and the Mark button)", () => {
  it.each([
    ["never", null, false],
    ["just now", hoursAgo(0), true],
    ["23 hours ago", hoursAgo(23), true],
    ["exactly 24 hours ago", hoursAgo(24), true],
    ["24 hours and a second ago", new Date(hoursAgo(24).getTime() - 1000), false],
    ["30 seconds ahead (clock skew)", new Date(NOW.getTime() + 30_000), true],
    ["an hour ahead", new Date(NOW.getTime() + 3_600_000), false],
  ])("%s → %s", (_label, at, expected) => {
    expect(isWithinFreshTestWindow(at as Date | null, NOW)).toBe(expected);
  });
});
