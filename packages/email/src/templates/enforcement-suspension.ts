import type { RenderedEmail } from "../types";
import { formatUtc } from "./format";
import { DEFAULT_PRODUCT_NAME, renderLayout } from "./layout";

export type EnforcementSuspensionEmailInput = {
  accountName: string;
  /** suspended: support paused SSO enforcement; restored: the pause ended and enforcement is back. */
  event: "suspended" | "restored";
  /** When the pause ends (suspended) or ended (restored). */
  until: Date;
  /** The reason support gave, shown to the admins as given. */
  reason: string | null;
  securityUrl: string;
  productName?: string;
};

/** Tells an account's admins that Gatehouse support paused SSO enforcement, and when it came back. */
export function enforcementSuspensionEmail(input: EnforcementSuspensionEmailInput): RenderedEmail {
  const productName = input.productName ?? DEFAULT_PRODUCT_NAME;
  const suspended = input.event === "suspended";
  return renderLayout({
    productName,
    subject: suspended ? `SSO enforcement is paused for ${input.accountName}` : `SSO enforcement is back on for ${input.accountName}`,
    preheader: suspended
      ? `Until ${formatUtc(input.until)}, members may sign in without SSO.`
      : "Members must sign in as your authentication requirement says again.",
    heading: suspended ? "SSO enforcement is paused" : "SSO enforcement is back on",
    paragraphs: [
      "Hi,",
      suspended
        ? `${productName} support paused SSO enforcement for ${input.accountName} until ${formatUtc(input.until)}. Until then members may also sign in with a password, so someone locked out can get back in.`
        : `The pause of SSO enforcement for ${input.accountName} ended at ${formatUtc(input.until)}. Members must sign in as your authentication requirement says again.`,
      ...(input.reason ? [`Reason given by support: ${input.reason}`] : []),
      suspended ? "It ends by itself; nothing else in your settings changed." : "Check your connections on the Security page if members still cannot sign in.",
    ],
    button: { label: "Open Security", url: input.securityUrl },
    reason: `you are an admin of ${input.accountName} on ${productName}`,
  });
}
