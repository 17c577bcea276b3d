import { decideMfaStep } from "./mfa-step";

/** How a grant was proved beyond the password, as the audit log records it. */
export type AccountProofMfa = "authenticator_app" | "recovery_code" | "remembered_device" | "not_enrolled";

export type AccountProofStep =
  | { step: "grant"; mfa: Extract<AccountProofMfa, "remembered_device" | "not_enrolled"> }
  | { step: "code" }
  | { step: "refuse"; reason: "mfa_enrolment_required" };

/**
 * What switching into another account still owes once the password is right: exactly what a
 * password sign-in would ask (decideMfaStep), except that enrolment cannot happen mid-switch, so
 * a user whom an account requires MFA of, and who has none, is refused instead of granted.
 */
export function decideAccountProofStep(input: { hasMfa: boolean; isRequired: boolean; isDeviceRemembered: boolean }): AccountProofStep {
  const owed = decideMfaStep(input);
  if (owed === "verify") return { step: "code" };
  if (owed === "enrol") return { step: "refuse", reason: "mfa_enrolment_required" };
  return { step: "grant", mfa: input.hasMfa ? "remembered_device" : "not_enrolled" };
}
