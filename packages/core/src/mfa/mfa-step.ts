import type { MfaStep } from "@gatehouse/db";

export type AccountMfaPolicy = { authRequired: "any" | "mfa" | "sso"; requireMfa: boolean };

/** An account asks its members for MFA when it requires MFA or its requirement is `mfa`. */
export function isMfaRequiredBy(policies: AccountMfaPolicy[]): boolean {
  return policies.some((p) => p.requireMfa || p.authRequired === "mfa");
}

/**
 * What a password sign-in still owes: a code when the user has MFA (unless this browser was
 * remembered), enrolment when an account requires MFA and the user has none, else nothing.
 */
export function decideMfaStep(input: { hasMfa: boolean; isRequired: boolean; isDeviceRemembered: boolean }): MfaStep | null {
  if (input.hasMfa) return input.isDeviceRemembered ? null : "verify";
  return input.isRequired ? "enrol" : null;
}
