import type { RenderedEmail } from "../types";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type ScimProvisionedEmailInput = {
  accountName: string;
  /** The IdP connection's name, e.g. "Okta". */
  connectionName: string;
  /** As shown in the product, e.g. "Member". */
  roleLabel: string;
  signInUrl: string;
  productName?: string;
};

/** Sent when the account's IdP provisions (or re-activates) someone: they sign in through SSO, no password to set. */
export function scimProvisionedEmail(input: ScimProvisionedEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  return renderLayout({
    productName,
    subject: `You now have access to ${input.accountName} on ${productName}`,
    preheader: `Sign in with ${input.connectionName} to open ${input.accountName}.`,
    heading: `Welcome to ${input.accountName}`,
    paragraphs: [
      "Hi,",
      `Your organisation's identity provider (${input.connectionName}) added you to the ${input.accountName} account on ${productName} with the ${input.roleLabel} role.`,
      `There is no password to set: enter your work email on the sign-in page and continue with ${input.connectionName}.`,
    ],
    button: { label: "Sign in", url: input.signInUrl },
    notes: ["If you did not expect this, contact your IT administrator."],
    reason: `${input.connectionName} provisioned you into ${input.accountName} on ${productName}`,
  });
}
