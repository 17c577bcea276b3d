import { describe, expect, it } from "vitest";
import { membershipOf } from "./enforcement/membership-fixture";
import { grantsOfSignIn, grantsRefusedNow, isAccountGranted, mergeGrants, opensJoinedAccount, type SessionProof } from "./session-grants";

describe("isAccountGranted", () => {
  it.each<[string, SessionProof, string, boolean]>([
    ["a password session opens the accounts it proved", { method: "password", grantedAccountIds: ["acme", "globex"] }, "acme", true],
    ["a password session does not open an account joined after it", { method: "password", grantedAccountIds: ["globex"] }, "acme", false],
    ["an SSO session opens its connection's account", { method: "sso", grantedAccountIds: ["globex"] }, "globex", true],
    ["an SSO session does not open the user's other accounts", { method: "sso", grantedAccountIds: ["globex"] }, "acme", false],
    ["an SSO session that later proved another account opens both", { method: "sso", grantedAccountIds: ["globex", "acme"] }, "acme", true],
    ["an SSO session with no account opens nothing", { method: "sso", grantedAccountIds: [] }, "acme", false],
  ])("%s", (_name, proof, accountId, expected) => {
    expect(isAccountGranted(proof, accountId)).toBe(expected);
  });
});

describe("grantsOfSignIn and mergeGrants", () => {
  it.each<[string, string[], string[], string[]]>([
    ["two SSO sign-ins add up", ["globex"], ["acme"], ["globex", "acme"]],
    ["the same account twice stays one", ["acme"], ["acme"], ["acme"]],
    ["a password sign-in after SSO adds what it proved", ["globex"], ["acme", "initech"], ["globex", "acme", "initech"]],
    ["SSO after a password session keeps both", ["acme"], ["globex"], ["acme", "globex"]],
  ])("%s", (_name, previous, proved, expected) => {
    expect(mergeGrants(previous, proved)).toEqual(expected);
  });

  it.each<[string, Parameters<typeof grantsOfSignIn>[0], string[]]>([
    ["SSO proves the connection's account", { method: "sso", accountId: "globex", memberAccountIds: ["acme", "globex"] }, ["globex"]],
    ["SSO without an account proves none", { method: "sso", accountId: null, memberAccountIds: ["acme"] }, []],
    ["a password, the accounts of the user then", { method: "password", accountId: null, memberAccountIds: ["acme", "globex"] }, ["acme", "globex"]],
    ["a social login, the same", { method: "social", accountId: null, memberAccountIds: ["acme"] }, ["acme"]],
    ["a new user with no account, none", { method: "password", accountId: null, memberAccountIds: [] }, []],
  ])("%s", (_name, input, expected) => {
    expect(grantsOfSignIn(input)).toEqual(expected);
  });
});

describe("opensJoinedAccount", () => {
  it.each<[string, Parameters<typeof opensJoinedAccount>[0], boolean]>([
    ["a password session, an account that takes passwords", { method: "password", requiresSso: false, requiresMfa: false, passedMfa: false }, true],
    ["a social session, an account that takes them", { method: "social", requiresSso: false, requiresMfa: false, passedMfa: false }, true],
    ["a password session, an account that requires SSO of the member", { method: "password", requiresSso: true, requiresMfa: false, passedMfa: true }, false],
    ["a social session, an account that requires SSO", { method: "social", requiresSso: true, requiresMfa: false, passedMfa: true }, false],
    ["an SSO session proved its own account only", { method: "sso", requiresSso: false, requiresMfa: false, passedMfa: false }, false],
    ["an account requiring MFA, a session that never passed it", { method: "password", requiresSso: false, requiresMfa: true, passedMfa: false }, false],
    ["an account requiring MFA, a session that passed it", { method: "password", requiresSso: false, requiresMfa: true, passedMfa: true }, true],
  ])("%s", (_name, input, expected) => {
    expect(opensJoinedAccount(input)).toBe(expected);
  });
});

describe("grantsRefusedNow", () => {
  const NOW = new Date("2026-11-27T12:00:00Z");
  const lapsed = membershipOf("Acme", { authRequired: "sso", ssoExempt: true, ssoExemptUntil: new Date("2026-11-27T11:59:00Z") });
  const current = membershipOf("Beta", { authRequired: "sso", ssoExempt: true, ssoExemptUntil: new Date("2026-11-28T00:00:00Z") });
  const lapsedOpen = membershipOf("Open", { ssoExempt: true, ssoExemptUntil: new Date("2026-11-27T11:00:00Z") });
  it.each<[string, { granted: string[]; ssoAccountId: string | null }, string[]]>([
    ["an exemption that ran out closes its enforcing account", { granted: ["id-Acme", "id-Beta", "id-Open"], ssoAccountId: null }, ["id-Acme"]],
    ["not when the session signed in through that account's SSO", { granted: ["id-Acme"], ssoAccountId: "id-Acme" }, []],
    ["another account's SSO session that proved it by password", { granted: ["id-Beta", "id-Acme"], ssoAccountId: "id-Beta" }, ["id-Acme"]],
    ["an account not granted is not listed", { granted: ["id-Open"], ssoAccountId: null }, []],
  ])("%s", (_name, input, expected) => {
    expect(
      grantsRefusedNow({ grantedAccountIds: input.granted, memberships: [lapsed, current, lapsedOpen], ssoAccountId: input.ssoAccountId, now: NOW }),
    ).toEqual(expected);
  });
});
