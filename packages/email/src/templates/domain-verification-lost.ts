import type { RenderedEmail } from "../types";
import { formatUtc } from "./format";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type DomainVerificationLostEmailInput = {
  accountName: string;
  domain: string;
  /** Why: the record was missing for 72 hours, or another account proved the domain. */
  reason: "record_missing" | "taken_over";
  lostAt: Date;
  domainsUrl: string;
  productName?: string;
};

export function domainVerificationLostEmail(input: DomainVerificationLostEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  const why =
    input.reason === "taken_over"
      ? `The TXT record proving ${input.domain} was gone and another account on ${productName} has proven the domain with its own record.`
      : `The TXT record proving ${input.domain} has been missing from DNS for 72 hours.`;
  return renderLayout({
    productName,
    subject: `Verification of ${input.domain} was lost for ${input.accountName}`,
    preheader: `${input.domain} is no longer verified for ${input.accountName}.`,
    heading: `${input.domain} is no longer verified`,
    paragraphs: [
      "Hi,",
      why,
      `Since ${formatUtc(input.lostAt)}, ${input.accountName} no longer relies on ${input.domain} for email routing, SSO email trust and joining. Nobody is locked out: members keep signing in as before.`,
      "To verify the domain again, publish the TXT record shown on the Domains page and click Verify now.",
    ],
    button: { label: "Open Domains", url: input.domainsUrl },
    reason: `you are an admin of ${input.accountName} on ${productName}`,
  });
}
