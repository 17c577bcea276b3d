import { describe, expect, it } from "vitest";
import { decideSetupLinkFlow, decideSetupLinkStep, setupLinkState, type SetupLinkStep } from "./setup-link-access";

describe("decideSetupLinkStep", () => {
  it.each<[SetupLinkStep, boolean]>([
    ["view_connections", true],
    ["save_connection", true],
    ["test_connection", true],
    ["manage_certificates", true],
    ["authenticate", true],
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

describe("decideSetupLinkFlow", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  const usable = { accountId: "acct-a", expiresAt: new Date("2026-11-30T12:00:00Z"), revokedAt: null };
  type Input = Parameters<typeof decideSetupLinkFlow>[0];
  it.each<[string, Partial<Input>, RegExp | null]>([
    ["Authenticate of the link's own account's connection", {}, null],
    ["a sign-in started through a link", { purpose: "sign_in" }, /only run Authenticate/],
    ["a test-by-email started through a link", { purpose: "test_email" }, /only run Authenticate/],
    ["another account's connection", { connectionAccountId: "acct-b" }, /does not belong/],
    ["a link deleted since", { link: null }, /does not belong/],
    ["a link revoked since", { link: { ...usable, revokedAt: new Date("2026-11-27T11:00:00Z") } }, /was revoked/],
    ["a link expired since", { link: { ...usable, expiresAt: new Date("2026-11-27T11:00:00Z") } }, /has expired/],
  ])("%s", (_name, change, refusal) => {
    const decision = decideSetupLinkFlow({ purpose: "authenticate", link: usable, connectionAccountId: "acct-a", now, ...change });
    if (refusal === null) expect(decision).toEqual({ allowed: true });
    else expect(decision).toMatchObject({ allowed: false, refusal: { code: "setup_link_flow", message: expect.stringMatching(refusal) } });
  });
});
