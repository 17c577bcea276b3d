import { describe, expect, it } from "vitest";
import { apiKeyState, decideIdempotency, isLastUsedStale, scopeAllows } from "./decide-api-key";

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
