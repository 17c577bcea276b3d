import type { RenderedEmail } from "../types";
import { formatUtc } from "./format";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type InviteEmailInput = {
  accountName: string;
  inviterName: string;
  /** As shown in the product, e.g. "Admin". */
  roleLabel: string;
  acceptUrl: string;
  expiresAt: Date;
  productName?: string;
};

export function inviteEmail(input: InviteEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  const expires = formatUtc(input.expiresAt);
  return renderLayout({
    productName,
    subject: `${input.inviterName} invited you to join ${input.accountName} on ${productName}`,
    preheader: `Accept the invitation to join ${input.accountName} before ${expires}.`,
    heading: `Join ${input.accountName} on ${productName}`,
    paragraphs: [
      "Hi,",
      `${input.inviterName} has invited you to join the ${input.accountName} account on ${productName} with the ${input.roleLabel} role.`,
      "Accept the invitation to set up your sign-in and get access.",
    ],
    button: { label: "Accept invitation", url: input.acceptUrl },
    notes: [`This invitation expires on ${expires}.`],
    reason: `${input.inviterName} invited you to join ${input.accountName} on ${productName}`,
  });
}
