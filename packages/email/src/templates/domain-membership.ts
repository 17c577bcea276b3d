import type { RenderedEmail } from "../types";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type AddedToAccountEmailInput = { accountName: string; adminName: string; signInUrl: string; productName?: string };

/** Managed-users import: an admin added someone whose email is on the account's verified domain. */
export function addedToAccountEmail(input: AddedToAccountEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  return renderLayout({
    productName,
    subject: `You were added to ${input.accountName} on ${productName}`,
    preheader: `${input.adminName} added you to ${input.accountName}.`,
    heading: `You were added to ${input.accountName}`,
    paragraphs: [
      "Hi,",
      `${input.adminName} added you to the ${input.accountName} account on ${productName} as a Member, because your email address is on a domain ${input.accountName} has verified.`,
      "Sign in as you do today to open it.",
    ],
    button: { label: `Open ${input.accountName}`, url: input.signInUrl },
    notes: [`If you did not expect this, ask an admin of ${input.accountName} to remove you.`],
    reason: `${input.adminName} added you to ${input.accountName} on ${productName}`,
  });
}

export type JoinRequestDecidedEmailInput = {
  accountName: string;
  /** The admin who answered, by name where they have one. */
  adminName?: string;
  approved: boolean;
  signInUrl: string;
  productName?: string;
};

/** The answer to a "request to join": approved (now a member) or declined. */
export function joinRequestDecidedEmail(input: JoinRequestDecidedEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  const admin = input.adminName ? `${input.adminName}, an admin of ${input.accountName},` : `An admin of ${input.accountName}`;
  if (input.approved) {
    return renderLayout({
      productName,
      subject: `Your request to join ${input.accountName} was approved`,
      preheader: `You are now a member of ${input.accountName}.`,
      heading: `Welcome to ${input.accountName}`,
      paragraphs: ["Hi,", `${admin} approved your request: you are now a Member of the account on ${productName}.`],
      button: { label: `Open ${input.accountName}`, url: input.signInUrl },
      reason: `you asked to join ${input.accountName} on ${productName}`,
    });
  }
  return renderLayout({
    productName,
    subject: `Your request to join ${input.accountName} was declined`,
    preheader: `${admin} declined your request.`,
    heading: `Request to join ${input.accountName} declined`,
    paragraphs: [
      "Hi,",
      `${admin} declined your request to join the account on ${productName}.`,
      `If you think this is a mistake, ask an admin of ${input.accountName} to invite you.`,
    ],
    button: { label: `Go to ${productName}`, url: input.signInUrl },
    reason: `you asked to join ${input.accountName} on ${productName}`,
  });
}
