import type { RenderedEmail } from "../types";
import { formatUtc } from "./format";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type CredentialExpiryEmailInput = {
  accountName: string;
  connectionName: string;
  what: "certificate" | "secret";
  expiresAt: Date;
  daysLeft: number;
  /** What to do, in the words of the IdP's console. */
  fix: string;
  connectionUrl: string;
  productName?: string;
};

/** Reminds an account's admins that a connection's signing certificate or client secret expires soon. */
export function credentialExpiryEmail(input: CredentialExpiryEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  const thing = input.what === "certificate" ? "SAML signing certificate" : "OIDC client secret";
  const left = input.daysLeft === 1 ? "1 day" : `${input.daysLeft} days`;
  return renderLayout({
    productName,
    subject: `The ${thing} of ${input.connectionName} (${input.accountName}) expires in ${left}`,
    preheader: `Sign-ins through ${input.connectionName} stop working on ${formatUtc(input.expiresAt)} unless it is replaced.`,
    heading: `${input.connectionName}: ${thing} expires in ${left}`,
    paragraphs: [
      "Hi,",
      `The ${thing} of the ${input.connectionName} connection of ${input.accountName} expires on ${formatUtc(input.expiresAt)}. After that, nobody can sign in through this connection.`,
      input.fix,
      "Then run Test Connection on the connection's page to check it.",
    ],
    button: { label: "Open the connection", url: input.connectionUrl },
    notes: ["You get this reminder 30, 14, 7 and 1 days before the expiry date."],
    reason: `you are an admin of ${input.accountName} on ${productName}`,
  });
}
