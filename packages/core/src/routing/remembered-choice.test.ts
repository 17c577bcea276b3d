import { describe, expect, it } from "vitest";
import { offersPasswordOnRememberedChoice, type RememberedChoiceFacts } from "./remembered-choice";

const now = new Date("2026-11-27T12:00:00Z");
const later = new Date("2026-11-27T14:00:00Z");
const earlier = new Date("2026-11-27T10:00:00Z");
const domain = (requiresSso: boolean) => ({ accountId: "a", accountSlug: "acme", domain: "acme.test", requiresSso });
const account = (authRequired: "any" | "mfa" | "sso", enforcementSuspendedUntil: Date | null = null) => ({ authRequired, enforcementSuspendedUntil });

describe("offersPasswordOnRememberedChoice", () => {
  it.each<[string, RememberedChoiceFacts, boolean]>([
    ["no verified domain, account allows passwords", { domainMatch: null, connectionAccount: account("any") }, true],
    ["verified domain without enforcement", { domainMatch: domain(false), connectionAccount: account("mfa") }, true],
    ["the domain enforces SSO", { domainMatch: domain(true), connectionAccount: account("any") }, false],
    ["the account requires SSO (email on no verified domain)", { domainMatch: null, connectionAccount: account("sso") }, false],
    ["the account requires SSO, but support suspended it", { domainMatch: null, connectionAccount: account("sso", later) }, true],
    ["a suspension that has ended", { domainMatch: null, connectionAccount: account("sso", earlier) }, false],
  ])("%s", (_name, facts, expected) => {
    expect(offersPasswordOnRememberedChoice(facts, now)).toBe(expected);
  });
});
