export type { MfaContext } from "./mfa-context";
export { checkTotpCode, formatManualKey, otpauthUri, totpCodeAt, type TotpCheck } from "./totp";
export { normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
export { decideMfaStep, isMfaRequiredBy, type AccountMfaPolicy } from "./mfa-step";
export { decideAccountProofStep, type AccountProofMfa, type AccountProofStep } from "./account-proof-step";
export { mfaRequirementFor, userHasMfa, usersWithMfa } from "./mfa-queries";
export { confirmMfaEnrolment, startMfaEnrolment, type MfaEnrolment } from "./enrol-mfa";
export { checkMfaCode, type MfaCodeError, type MfaCodeKind } from "./check-mfa-code";
export { regenerateRecoveryCodes, removeOwnMfa, resetMemberMfa, type RemoveMfaError } from "./manage-mfa";
export {
  continueAfterEnrolment,
  finishMfaEnrolmentAtSignIn,
  loadMfaChallenge,
  mfaStepForSignIn,
  passMfaChallenge,
  pruneRememberedDevices,
  REMEMBER_DEVICE_DAYS,
  type MfaChallenge,
  type PassedMfa,
} from "./mfa-sign-in";
