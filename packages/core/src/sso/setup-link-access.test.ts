import { describe, expect, it } from "vitest";
import { decideSetupLinkFlow, decideSetupLinkStep, setupLinkScopeOf, setupLinkState, type SetupLinkScope, type SetupLinkStep } from "./setup-link-access";

describe("decideSetupLinkStep", () => {
  const ALL = ["sso", "domains", "scim"] as const;
  it.each<[SetupLinkStep, readonly SetupLinkScope[], boolean]>([
    ["view_connections", ["sso"], true],
    ["save_connection", ["sso"], true],
    ["test_connection", ["sso"], true],
    ["manage_certificates", ["sso"], true],
    ["authenticate", ["sso"], true],
    ["switch_on", ALL, false],
    ["switch_off", ALL, false],
    ["delete_connection", ALL, false],
    ["send_test_email", ALL, false],
    ["mark_tested", ALL, false],
    ["issue_scim_token", ["sso"], false],
    ["issue_scim_token", ["sso", "scim"], true],
    ["issue_scim_token", ["sso", "domains"], false],
    ["manage_scim", ALL, false],
    ["view_domains", ["sso"], false],
    ["view_domains", ["sso", "domains"], true],
    ["add_domain", ["sso", "scim"], false],
    ["add_domain", ["sso", "domains"], true],
    ["verify_domain", ["sso", "domains"], true],
    ["verify_domain", ["sso"], false],
    ["manage_domain", ALL, false],
    ["console_page", ALL, false],
  ])("%s with %j → allowed %s", (step, scope, allowed) => {
    const decision = decideSetupLinkStep(step, scope);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.reason).toMatch(/\w/);
  });

  it("a link without a stored scope covers SSO only", () => {
    expect(decideSetupLinkStep("test_connection").allowed).toBe(true);
    expect(decideSetupLinkStep("add_domain")).toMatchObject({ allowed: false, reason: expect.stringMatching(/does not cover/) });
  });
});

describe("setupLinkScopeOf", () => {
  it.each<[string[], SetupLinkScope[]]>([
    [[], ["sso"]],
    [["scim"], ["sso", "scim"]],
    [
      ["scim", "domains", "domains"],
      ["sso", "domains", "scim"],
    ],
    [["members", "sso", "audit"], ["sso"]],
  ])("%j → %j", (chosen, scope) => {
    expect(setupLinkScopeOf(chosen)).toEqual(scope);
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
