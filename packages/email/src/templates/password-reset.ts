import type { RenderedEmail } from "../types";
import { formatDuration, greeting } from "./format";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type PasswordResetEmailInput = {
  name?: string;
  resetUrl: string;
  expiresInMinutes: number;
  /** An administrator started the reset rather than the user. */
  requestedByAdmin?: boolean;
  productName?: string;
};

export function passwordResetEmail(input: PasswordResetEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  const byAdmin = input.requestedByAdmin === true;
  const expiry = `This link expires in ${formatDuration(input.expiresInMinutes)} and can be used only once.`;
  return renderLayout({
    productName,
    subject: byAdmin ? `Set a new password for ${productName}` : `Reset your ${productName} password`,
    preheader: byAdmin
      ? "An administrator asked you to choose a new password."
      : `Use this link to choose a new password. It expires in ${formatDuration(input.expiresInMinutes)}.`,
    heading: byAdmin ? "Set a new password" : "Reset your password",
    paragraphs: [
      greeting(input.name),
      byAdmin
        ? `An administrator has asked you to set a new password for your ${productName} account.`
        : `We received a request to reset the password of your ${productName} account.`,
      "Click the button below to choose a new password.",
    ],
    button: { label: byAdmin ? "Set new password" : "Reset password", url: input.resetUrl },
    notes: byAdmin ? [expiry] : [expiry, "If you didn't ask to reset your password, your current password keeps working."],
    reason: byAdmin
      ? `an administrator started a password reset for your ${productName} account`
      : `someone asked to reset the password of your ${productName} account`,
  });
}
