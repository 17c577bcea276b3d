import type { RenderedEmail } from "../types";
import { formatUtc } from "./format";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type SsoTestEmailInput = {
  accountName: string;
  /** The SSO connection being tested, e.g. "Okta SAML". */
  connectionName: string;
  adminName: string;
  signInUrl: string;
  expiresAt: Date;
  productName?: string;
};

/** An admin asks a member to try a single sign-on connection before it is enforced. */
export function ssoTestEmail(input: SsoTestEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  return renderLayout({
    productName,
    subject: `${input.adminName} asked you to test single sign-on for ${input.accountName}`,
    preheader: `Try signing in to ${input.accountName} with ${input.connectionName}.`,
    heading: `Try signing in with ${input.connectionName}`,
    paragraphs: [
      "Hi,",
      `${input.adminName} is setting up single sign-on for ${input.accountName} on ${productName} and has asked you to check that the ${input.connectionName} connection works.`,
      "Click the button below and sign in through your identity provider as you normally would. It only takes a moment.",
    ],
    button: { label: "Test sign-in", url: input.signInUrl },
    notes: [`This link expires on ${formatUtc(input.expiresAt)}.`],
    reason: `${input.adminName}, an administrator of ${input.accountName}, asked you to test a single sign-on connection`,
  });
}
