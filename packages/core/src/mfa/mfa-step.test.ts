import { describe, expect, it } from "vitest";
import { decideMfaStep, isMfaRequiredBy, type AccountMfaPolicy } from "./mfa-step";

describe("isMfaRequiredBy", () => {
  const cases: { name: string; policies: AccountMfaPolicy[]; expected: boolean }[] = [
    { name: "no accounts", policies: [], expected: false },
    { name: "one account, any, no switch", policies: [{ authRequired: "any", requireMfa: false }], expected: false },
    { name: "requireMfa switched on", policies: [{ authRequired: "any", requireMfa: true }], expected: true },
    { name: "authRequired mfa", policies: [{ authRequired: "mfa", requireMfa: false }], expected: true },
    { name: "authRequired sso alone does not ask for our MFA", policies: [{ authRequired: "sso", requireMfa: false }], expected: false },
    {
      name: "one of several accounts requires it",
      policies: [
        { authRequired: "any", requireMfa: false },
        { authRequired: "mfa", requireMfa: false },
      ],
      expected: true,
    },
  ];
  it.each(cases)("$name", ({ policies, expected }) => expect(isMfaRequiredBy(policies)).toBe(expected));
});

describe("decideMfaStep", () => {
  const cases = [
    { hasMfa: false, isRequired: false, isDeviceRemembered: false, expected: null },
    { hasMfa: false, isRequired: true, isDeviceRemembered: false, expected: "enrol" },
    // A remembered browser never excuses enrolment: it only stands in for a code.
    { hasMfa: false, isRequired: true, isDeviceRemembered: true, expected: "enrol" },
    { hasMfa: true, isRequired: false, isDeviceRemembered: false, expected: "verify" },
    { hasMfa: true, isRequired: true, isDeviceRemembered: false, expected: "verify" },
    { hasMfa: true, isRequired: true, isDeviceRemembered: true, expected: null },
    { hasMfa: true, isRequired: false, isDeviceRemembered: true, expected: null },
  ] as const;
  it.each(cases)("hasMfa=$hasMfa required=$isRequired remembered=$isDeviceRemembered → $expected", ({ expected, ...input }) => {
    expect(decideMfaStep(input)).toBe(expected);
  });
});
