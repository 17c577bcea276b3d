import { MAX_PASSWORD_LENGTH } from "@gatehouse/core/limits";

/**
 * The sign-in messages and limits in one place, free of zod: the server schemas in ./auth.ts use
 * them, and /login's client forms check with them directly, so the login page's first-load
 * JavaScript carries no validation library and both sides always say the same thing.
 */
export const EMAIL_MAX_LENGTH = 320;
export const EMAIL_MESSAGES = {
  required: "Enter your email address.",
  tooLong: "That email address is too long.",
  invalid: "Enter a valid email address, like name@company.com.",
} as const;
export const PASSWORD_MESSAGES = {
  required: "Enter your password.",
  tooLong: "That password is too long.",
} as const;

// zod 4's email pattern (z.string().email()), copied so the client accepts exactly what the server does.
const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** The first problem with a typed email (after trimming, as the server schema does), if any. */
export function checkEmail(value: string): string | undefined {
  const email = value.trim();
  if (email.length < 1) return EMAIL_MESSAGES.required;
  if (email.length > EMAIL_MAX_LENGTH) return EMAIL_MESSAGES.tooLong;
  if (!EMAIL_PATTERN.test(email)) return EMAIL_MESSAGES.invalid;
  return undefined;
}

/** The first problem with a typed password, if any (only its presence and length: the server checks it). */
export function checkPassword(value: string): string | undefined {
  if (value.length < 1) return PASSWORD_MESSAGES.required;
  if (value.length > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong;
  return undefined;
}
