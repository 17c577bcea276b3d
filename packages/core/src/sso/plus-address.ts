import type { SsoProvider } from "@gatehouse/db";
import { normaliseEmail } from "../email-address";

/**
 * Google Workspace delivers `ami+cio@acme.test` to `ami@acme.test`, and Customer.io's rule is that
 * with Google the plain address reaches the memberships of its plus-addressed forms. Other IdPs
 * make no such promise, so there the match stays exact.
 * Returns the local part and domain to look for (`<local>+<anything>@<domain>`), or null.
 */
export function plusAddressLookup(provider: SsoProvider, assertedEmail: string): { localPart: string; domain: string } | null {
  if (provider !== "google") return null;
  const email = normaliseEmail(assertedEmail);
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return null;
  const localPart = email.slice(0, at);
  // An asserted address that already carries a tag names exactly one mailbox form.
  if (localPart.includes("+")) return null;
  return { localPart, domain: email.slice(at + 1) };
}

/** Whether an existing user's email is reached by the asserted one under the provider's rule. */
export function isReachedByAssertedEmail(provider: SsoProvider, assertedEmail: string, userEmail: string): boolean {
  const asserted = normaliseEmail(assertedEmail);
  const candidate = normaliseEmail(userEmail);
  if (asserted === candidate) return true;
  const lookup = plusAddressLookup(provider, asserted);
  if (!lookup) return false;
  const at = candidate.lastIndexOf("@");
  const local = candidate.slice(0, at);
  return candidate.slice(at + 1) === lookup.domain && local.startsWith(`${lookup.localPart}+`) && local.length > lookup.localPart.length + 1;
}
