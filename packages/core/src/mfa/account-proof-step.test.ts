import { describe, expect, it } from "vitest";
import { decideAccountProofStep } from "./account-proof-step";

describe("decideAccountProofStep", () => {
  const cases = [
    { hasMfa: false, isRequired: false, isDeviceRemembered: false, expected: { step: "grant", mfa: "not_enrolled" } },
    // A remembered browser proves a code, never an enrolment that did not happen.
    { hasMfa: false, isRequired: false, isDeviceRemembered: true, expected: { step: "grant", mfa: "not_enrolled" } },
    { hasMfa: false, isRequired: true, isDeviceRemembered: false, expected: { step: "refuse", reason: "mfa_enrolment_required" } },
    { hasMfa: false, isRequired: true, isDeviceRemembered: true, expected: { step: "refuse", reason: "mfa_enrolment_required" } },
    { hasMfa: true, isRequired: false, isDeviceRemembered: false, expected: { step: "code" } },
    { hasMfa: true, isRequired: true, isDeviceRemembered: false, expected: { step: "code" } },
    { hasMfa: true, isRequired: false, isDeviceRemembered: true, expected: { step: "grant", mfa: "remembered_device" } },
    { hasMfa: true, isRequired: true, isDeviceRemembered: true, expected: { step: "grant", mfa: "remembered_device" } },
  ] as const;
  it.each(cases)("hasMfa=$hasMfa required=$isRequired remembered=$isDeviceRemembered → $expected.step", ({ expected, ...input }) => {
    expect(decideAccountProofStep(input)).toEqual(expected);
  });
});
