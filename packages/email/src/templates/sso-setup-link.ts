import type { RenderedEmail } from "../types";
import { formatUtc } from "./format";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type SsoSetupLinkEmailInput = {
  accountName: string;
  adminName: string;
  setupUrl: string;
  expiresAt: Date;
  /** What the link opens besides single sign-on: "domains", "scim". */
  covers?: readonly string[];
  productName?: string;
};

const ALSO_COVERS: Record<string, string> = {
  domains: "adding and verifying its email domains (a DNS TXT record)",
  scim: "SCIM provisioning (its base URL and token)",
};

/** An account admin hands the SSO setup to someone with access to the identity provider. */
export function ssoSetupLinkEmail(input: SsoSetupLinkEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  return renderLayout({
    productName,
    subject: `${input.adminName} at ${input.accountName} asked you to set up single sign-on`,
    preheader: `Connect ${input.accountName} to your identity provider.`,
    heading: `Set up single sign-on for ${input.accountName}`,
    paragraphs: [
      "Hi,",
      `${input.adminName} at ${input.accountName} is setting up single sign-on on ${productName} and has asked you to connect it to your identity provider.`,
      "The link below opens the setup for this account's single sign-on only. Save the connection, run Test Connection and Authenticate; the account's admins switch it on.",
      ...alsoCovers(input.covers ?? []),
    ],
    button: { label: "Open the SSO setup", url: input.setupUrl },
    notes: [`This link expires on ${formatUtc(input.expiresAt)}.`],
    reason: `${input.adminName}, an administrator of ${input.accountName}, sent you a setup link`,
  });
}

function alsoCovers(covers: readonly string[]): string[] {
  const parts = covers.flatMap((scope) => (ALSO_COVERS[scope] ? [ALSO_COVERS[scope]] : []));
  return parts.length > 0 ? [`It also covers ${parts.join(" and ")}.`] : [];
}

export type SsoSetupReadyEmailInput = { accountName: string; recipientEmail: string; connectionName: string; connectionUrl: string; productName?: string };

/** Tells the admin who sent a setup link that the connection passed its checks and can be switched on. */
export function ssoSetupReadyEmail(input: SsoSetupReadyEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  return renderLayout({
    productName,
    subject: `Single sign-on for ${input.accountName} is ready to switch on`,
    preheader: `${input.recipientEmail} finished setting up ${input.connectionName}.`,
    heading: `${input.connectionName} is ready to switch on`,
    paragraphs: [
      "Hi,",
      `${input.recipientEmail} set up ${input.connectionName} for ${input.accountName} through your setup link, and it passed Test Connection and Authenticate.`,
      "Switching it on stays with you: open the connection and choose Switch on when you are ready.",
    ],
    button: { label: "Open the connection", url: input.connectionUrl },
    notes: [],
    reason: `you sent a single sign-on setup link for ${input.accountName}`,
  });
}
