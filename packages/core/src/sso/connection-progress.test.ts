import { describe, expect, it } from "vitest";
import { connectionProgress } from "./connection-progress";

const states = (p: ReturnType<typeof connectionProgress>) => p.steps.map((s) => `${s.id}:${s.state}`).join(" ");

describe("connectionProgress", () => {
  it.each<[string, Parameters<typeof connectionProgress>[0], string, string, string | null]>([
    [
      "just saved",
      { enabled: false, isVerified: false, lastTestPassed: false },
      "Not yet proven",
      "save:done test:current authenticate:todo switch_on:todo",
      "test",
    ],
    [
      "test passed",
      { enabled: false, isVerified: false, lastTestPassed: true },
      "Not yet proven",
      "save:done test:done authenticate:current switch_on:todo",
      "authenticate",
    ],
    [
      "authenticated without a test: the test step is ticked too",
      { enabled: false, isVerified: true, lastTestPassed: false },
      "Ready to switch on",
      "save:done test:done authenticate:done switch_on:current",
      "switch_on",
    ],
    ["switched on", { enabled: true, isVerified: true, lastTestPassed: true }, "On", "save:done test:done authenticate:done switch_on:done", null],
    [
      "on, but settings changed since it was proven",
      { enabled: true, isVerified: false, lastTestPassed: false },
      "On",
      "save:done test:current authenticate:todo switch_on:done",
      "test",
    ],
    [
      "with the follow-ups: on, so verifying a domain is next",
      { enabled: true, isVerified: true, lastTestPassed: true, followUps: { domainVerified: false, ssoRequired: false } },
      "On",
      "save:done test:done authenticate:done switch_on:done verify_domain:current require_sso:todo",
      "verify_domain",
    ],
    [
      "with the follow-ups: a domain verified, requiring SSO is next",
      { enabled: true, isVerified: true, lastTestPassed: true, followUps: { domainVerified: true, ssoRequired: false } },
      "On",
      "save:done test:done authenticate:done switch_on:done verify_domain:done require_sso:current",
      "require_sso",
    ],
    [
      "with the follow-ups all done: nothing is next",
      { enabled: true, isVerified: true, lastTestPassed: true, followUps: { domainVerified: true, ssoRequired: true } },
      "On",
      "save:done test:done authenticate:done switch_on:done verify_domain:done require_sso:done",
      null,
    ],
    [
      "with the follow-ups: a domain verified before the connection is proven still leaves Test next",
      { enabled: false, isVerified: false, lastTestPassed: false, followUps: { domainVerified: true, ssoRequired: false } },
      "Not yet proven",
      "save:done test:current authenticate:todo switch_on:todo verify_domain:done require_sso:todo",
      "test",
    ],
  ])("%s", (_name, input, status, steps, next) => {
    const progress = connectionProgress(input);
    expect(progress.status).toBe(status);
    expect(states(progress)).toBe(steps);
    expect(progress.next?.step ?? null).toBe(next);
  });

  it("follow-up steps link to where they are done", () => {
    const progress = connectionProgress({ enabled: true, isVerified: true, lastTestPassed: true, followUps: { domainVerified: false, ssoRequired: false } });
    expect(progress.next).toMatchObject({ step: "verify_domain", href: "/settings/domains" });
    expect(progress.steps.find((s) => s.id === "require_sso")?.href).toBe("/settings/security#auth-requirement");
    expect(progress.steps.find((s) => s.id === "switch_on")?.href).toBeUndefined();
  });
});
