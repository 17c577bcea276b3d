import { describe, expect, it } from "vitest";
import { decideSetupLinkStep, setupLinkState, type SetupLinkStep } from "./setup-link-access";

describe("decideSetupLinkStep", () => {
  it.each<[SetupLinkStep, boolean]>([
    ["view_connections", true],
    ["save_connection", true],
    ["test_connection", true],
    ["manage_certificates", true],
    ["authenticate", false],
    ["switch_on", false],
    ["switch_off", false],
    ["delete_connection", false],
    ["send_test_email", false],
    ["mark_tested", false],
    ["manage_scim", false],
    ["console_page", false],
  ])("%s → allowed %s", (step, allowed) => {
    const decision = decideSetupLinkStep(step);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.reason).toMatch(/\w/);
  });
});

describe("setupLinkState", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  it.each<[string, { expiresAt: Date; revokedAt: Date | null }, string]>([
    ["within its lifetime", { expiresAt: new Date("2026-11-28T12:00:00Z"), revokedAt: null }, "usable"],
    ["at its expiry instant", { expiresAt: now, revokedAt: null }, "expired"],
    ["past its expiry", { expiresAt: new Date("2026-11-20T12:00:00Z"), revokedAt: null }, "expired"],
    ["revoked before expiry", { expiresAt: new Date("2026-11-28T12:00:00Z"), revokedAt: new Date("2026-11-27T11:00:00Z") }, "revoked"],
    ["revoked and expired: revoked wins", { expiresAt: new Date("2026-11-20T12:00:00Z"), revokedAt: new Date("2026-11-19T11:00:00Z") }, "revoked"],
  ])("%s", (_name, link, state) => {
    expect(setupLinkState(link, now)).toBe(state);
  });
});
