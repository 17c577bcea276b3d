import { describe, expect, it } from "vitest";
import type { MembershipEnforcement } from "../enforcement/decide-sign-in-policy";
import { membershipOf } from "../enforcement/membership-fixture";
import { apiKeyState, decideIdempotency, isLastUsedStale, personalTokenUnderSso, scopeAllows } from "./decide-api-key";

const now = new Date("2026-11-27T12:00:00Z");
const before = new Date("2026-11-27T11:00:00Z");
const after = new Date("2026-11-27T13:00:00Z");

describe("apiKeyState", () => {
  it.each([
    [{ revokedAt: null, expiresAt: null }, "active"],
    [{ revokedAt: null, expiresAt: after }, "active"],
    [{ revokedAt: null, expiresAt: before }, "expired"],
    [{ revokedAt: null, expiresAt: now }, "expired"],
    [{ revokedAt: before, expiresAt: null }, "revoked"],
    [{ revokedAt: before, expiresAt: before }, "revoked"],
  ] as const)("%o is %s", (key, expected) => {
    expect(apiKeyState(key, now)).toBe(expected);
  });
});

describe("isLastUsedStale", () => {
  it.each([
    [null, true],
    [new Date(now.getTime() - 59_000), false],
    [new Date(now.getTime() - 60_000), true],
    [before, true],
  ] as const)("last used %s → %s", (lastUsedAt, expected) => {
    expect(isLastUsedStale(lastUsedAt, now)).toBe(expected);
  });
});

describe("scopeAllows", () => {
  it.each([
    ["read", "GET", true],
    ["read", "head", true],
    ["read", "POST", false],
    ["read", "PUT", false],
    ["read", "DELETE", false],
    ["write", "GET", true],
    ["write", "POST", true],
    ["write", "DELETE", true],
  ] as const)("%s key, %s → %s", (scope, method, expected) => {
    expect(scopeAllows(scope, method)).toBe(expected);
  });
});

describe("decideIdempotency", () => {
  it.each([
    [null, "h1", "proceed"],
    [{ requestHash: "h1", status: 201 }, "h1", "replay"],
    [{ requestHash: "h1", status: 422 }, "h1", "replay"],
    [{ requestHash: "h1", status: null }, "h1", "in_progress"],
    [{ requestHash: "h1", status: 201 }, "h2", "body_mismatch"],
    [{ requestHash: "h1", status: null }, "h2", "body_mismatch"],
  ] as const)("stored %o, incoming %s → %s", (stored, hash, expected) => {
    expect(decideIdempotency(stored, hash)).toBe(expected);
  });
});

describe("personalTokenUnderSso", () => {
  const member = (over: Partial<MembershipEnforcement> = {}) => membershipOf("Acme", over);
  it.each([
    ["no membership (checked elsewhere)", null, false, "allow"],
    ["any, password-made token", member(), false, "allow"],
    ["mfa: PATs skip MFA", member({ authRequired: "mfa" }), false, "allow"],
    ["sso, password-made token", member({ authRequired: "sso" }), false, "sso_required"],
    ["sso, token made after this account's SSO", member({ authRequired: "sso" }), true, "allow"],
    ["enforcing domain, password-made token", member({ emailOnEnforcingDomain: true }), false, "sso_required"],
    ["sso, member exempt", member({ authRequired: "sso", ssoExempt: true }), false, "allow"],
    ["sso, exemption ended", member({ authRequired: "sso", ssoExempt: true, ssoExemptUntil: before }), false, "sso_required"],
    ["sso, exemption until later", member({ authRequired: "sso", ssoExempt: true, ssoExemptUntil: after }), false, "allow"],
    ["sso, enforcement suspended by support", member({ authRequired: "sso", enforcementSuspendedUntil: after }), false, "allow"],
    ["sso, suspension over", member({ authRequired: "sso", enforcementSuspendedUntil: before }), false, "sso_required"],
  ] as const)("%s → %s", (_label, membership, createdThroughSso, expected) => {
    expect(personalTokenUnderSso({ membership, createdThroughSso, now })).toBe(expected);
  });
});
