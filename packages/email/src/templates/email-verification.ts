import type { RenderedEmail } from "../types";
import { greeting } from "./format";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type EmailVerificationEmailInput = {
  name?: string;
  verifyUrl: string;
  /** Why confirmation is needed, shown as its own paragraph, e.g. which identity provider asked. */
  reason?: string;
  productName?: string;
};

/** Confirms that the address an identity provider asserted belongs to the person signing in. */
export function emailVerificationEmail(input: EmailVerificationEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  const reason = input.reason?.trim();
  return renderLayout({
    productName,
    subject: `Confirm your email address for ${productName}`,
    preheader: `Confirm this email address to finish signing in to ${productName}.`,
    heading: "Confirm your email address",
    paragraphs: [greeting(input.name), `To finish signing in to ${productName}, confirm that this email address belongs to you.`, ...(reason ? [reason] : [])],
    button: { label: "Confirm email address", url: input.verifyUrl },
    notes: ["If you didn't try to sign in, don't use this link: confirming would let that sign-in finish."],
    reason: `someone tried to sign in to ${productName} with this email address`,
  });
}
