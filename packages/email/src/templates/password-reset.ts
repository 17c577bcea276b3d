import type { RenderedEmail } from "../types";
import { formatDuration, greeting } from "./format";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type PasswordResetEmailInput = {
  name?: string;
  resetUrl: string;
  expiresInMinutes: number;
  /** An administrator started the reset rather than the user. */
  requestedByAdmin?: boolean;
  /** The admin who started it and their account, named in the email when known. */
  requestedBy?: { name: string; accountName: string };
  /**
   * The account switched SSO off and its members now sign in with a password: the email says to
   * keep the existing login (a second one would be a separate, empty user).
   */
  afterSsoDisabled?: { accountName: string; hasPassword: boolean; /** Who switched SSO off: an admin's name, or "Gatehouse support". */ disabledBy: string };
  productName?: string;
};

export function passwordResetEmail(input: PasswordResetEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  const byAdmin = input.requestedByAdmin === true;
  const by = byAdmin ? input.requestedBy : undefined;
  const expiry = `This link expires in ${formatDuration(input.expiresInMinutes)} and can be used only once.`;
  if (input.afterSsoDisabled) return ssoDisabledResetEmail(input, input.afterSsoDisabled, productName, expiry);
  return renderLayout({
    productName,
    subject: byAdmin ? `Set a new password for ${productName}` : `Reset your ${productName} password`,
    preheader: byAdmin
      ? `${by ? `${by.name}, an admin of ${by.accountName},` : "An administrator"} asked you to choose a new password.`
      : `Use this link to choose a new password. It expires in ${formatDuration(input.expiresInMinutes)}.`,
    heading: byAdmin ? "Set a new password" : "Reset your password",
    paragraphs: [
      greeting(input.name),
      byAdmin
        ? `${by ? `${by.name}, an admin of ${by.accountName},` : "An administrator"} has asked you to set a new password for your ${productName} account.`
        : `We received a request to reset the password of your ${productName} account.`,
      "Click the button below to choose a new password.",
    ],
    button: { label: byAdmin ? "Set new password" : "Reset password", url: input.resetUrl },
    notes: byAdmin ? [expiry] : [expiry, "If you didn't ask to reset your password, your current password keeps working."],
    reason: byAdmin
      ? `${by ? `${by.name}, an admin of ${by.accountName},` : "an administrator"} started a password reset for your ${productName} account`
      : `someone asked to reset the password of your ${productName} account`,
  });
}

function ssoDisabledResetEmail(
  input: PasswordResetEmailInput,
  context: NonNullable<PasswordResetEmailInput["afterSsoDisabled"]>,
  productName: string,
  expiry: string,
): RenderedEmail {
  const choose = context.hasPassword ? "choose a new password" : "set a password (you have not had one yet)";
  return renderLayout({
    productName,
    subject: `${context.accountName} now signs in with a password`,
    preheader: `Single sign-on is off for ${context.accountName}: ${choose} to keep signing in.`,
    heading: "Set your password",
    paragraphs: [
      greeting(input.name),
      `${context.disabledBy} switched single sign-on off for ${context.accountName}, so you now sign in to ${productName} with your email and a password.`,
      `Click the button below to ${choose}. Members keep their existing login: do not create a new one.`,
    ],
    button: { label: context.hasPassword ? "Set new password" : "Set password", url: input.resetUrl },
    notes: [expiry, 'If the link expires, use "Forgot password" on the sign-in page with this email.'],
    reason: `${context.disabledBy} switched single sign-on off for ${context.accountName}`,
  });
}
