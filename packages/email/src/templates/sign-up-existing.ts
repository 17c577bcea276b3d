import type { RenderedEmail } from "../types";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type SignUpExistingEmailInput = { signInUrl: string; productName?: string };

/** A sign-up with an address that already has a login: the owner hears of it; the page said nothing. */
export function signUpExistingEmail(input: SignUpExistingEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  return renderLayout({
    productName,
    subject: `You already have a ${productName} login`,
    preheader: `Someone tried to sign up to ${productName} with this address.`,
    heading: "You already have a login",
    paragraphs: [
      `Someone tried to sign up to ${productName} with this email address, which already has a login. Sign in instead; if you forgot your password, use "Forgot password" on the sign-in page.`,
    ],
    button: { label: "Sign in", url: input.signInUrl },
    notes: ["If this wasn't you, you can ignore this email: nothing was changed."],
    reason: `someone tried to sign up to ${productName} with this email address`,
  });
}
