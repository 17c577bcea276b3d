export { inviteEmail, type InviteEmailInput } from "./invite";
export { passwordResetEmail, type PasswordResetEmailInput } from "./password-reset";
export { ssoTestEmail, type SsoTestEmailInput } from "./sso-test";
export { emailVerificationEmail, type EmailVerificationEmailInput } from "./email-verification";
export { domainVerificationLostEmail, type DomainVerificationLostEmailInput } from "./domain-verification-lost";
export { addedToAccountEmail, joinRequestDecidedEmail, type AddedToAccountEmailInput, type JoinRequestDecidedEmailInput } from "./domain-membership";
export { scimProvisionedEmail, type ScimProvisionedEmailInput } from "./scim-provisioned";
export { signUpExistingEmail, type SignUpExistingEmailInput } from "./sign-up-existing";
