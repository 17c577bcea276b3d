import { describe, expect, it } from "vitest";
import { checkSupportReason, isAllowedSuspensionHours, isEnforcementSuspended, supportActorLabel } from "./support-reason";

describe("checkSupportReason", () => {
  it.each([
    ["missing", undefined, { ok: false, problem: "reason_missing" }],
    ["blank", "   ", { ok: false, problem: "reason_missing" }],
    ["too short", " ok ", { ok: false, problem: "reason_too_short" }],
    ["too long", "x".repeat(501), { ok: false, problem: "reason_too_long" }],
    ["trimmed, inner spaces collapsed", "  Ticket 42:\n Okta down  ", { ok: true, reason: "Ticket 42: Okta down" }],
  ])("%s", (_name, reason, expected) => {
    expect(checkSupportReason(reason)).toEqual(expected);
  });
});

describe("isAllowedSuspensionHours", () => {
  it.each([
    [0, false],
    [1, true],
    [24, true],
    [72, true],
    [73, false],
    [1.5, false],
    [Number.NaN, false],
    [-3, false],
  ])("%s hours → %s", (hours, expected) => {
    expect(isAllowedSuspensionHours(hours)).toBe(expected);
  });
});

describe("isEnforcementSuspended", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  it.each([
    ["never suspended", null, false],
    ["until later", new Date("2026-11-27T13:00:00Z"), true],
    ["ended exactly now", now, false],
    ["ended earlier", new Date("2026-11-27T11:00:00Z"), false],
  ])("%s", (_name, until, expected) => {
    expect(isEnforcementSuspended(until, now)).toBe(expected);
  });
});

describe("supportActorLabel", () => {
  it.each([
    [{ name: "Sam", email: "sam@gatehouse.test" }, "Gatehouse support (Sam)"],
    [{ name: " ", email: "sam@gatehouse.test" }, "Gatehouse support (sam@gatehouse.test)"],
  ])("%o", (staff, expected) => {
    expect(supportActorLabel(staff)).toBe(expected);
  });
});
