import { domainToASCII } from "node:url";
import { parse } from "tldts";
import { type Result, fail, ok } from "../result";
import { CONSUMER_MAIL_DOMAINS } from "./consumer-mail-domains";

const CONSUMER = new Set(CONSUMER_MAIL_DOMAINS);
// RFC 1035 §2.3.1 letters-digits-hyphen labels, after IDN conversion; 253 is the longest name.
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The form a domain is stored and compared in: lower case, no trailing dot, IDN as punycode.
 * Refuses what no account may claim (public suffixes, free mail providers) with a sentence the
 * admin can act on.
 */
export function normaliseDomain(input: string): Result<string> {
  let text = input.trim().toLowerCase();
  // People paste what they have: an email address or a URL.
  if (text.includes("@")) text = text.slice(text.lastIndexOf("@") + 1);
  text = text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[/?#].*$/, "")
    .replace(/\.$/, "");
  if (text === "") return fail("Enter a domain, like acme.com.");
  const ascii = domainToASCII(text);
  if (ascii === "") return fail(`"${input.trim()}" is not a valid domain name. Enter a domain like acme.com.`);
  if (ascii.length > 253 || !ascii.split(".").every((label) => LABEL.test(label))) {
    return fail(`"${input.trim()}" is not a valid domain name. Use letters, digits and hyphens, like acme.com.`);
  }
  const parsed = parse(ascii, { allowPrivateDomains: true });
  if (parsed.isIp) return fail("Enter a domain name, not an IP address.");
  if (!ascii.includes(".")) return fail(`"${ascii}" is a top-level domain. Enter your organisation's domain, like acme.${ascii}.`);
  // Public suffixes (co.uk, github.io, …) are shared by unrelated owners: proving one proves nothing.
  if (parsed.publicSuffix === ascii || parsed.domain === null) {
    return fail(`${ascii} is a public suffix shared by many owners and cannot be verified. Enter your organisation's own domain under it.`);
  }
  const registrable = parsed.domain;
  if (CONSUMER.has(ascii) || CONSUMER.has(registrable)) {
    return fail(`${ascii} is a free email provider anyone can sign up with, so it cannot be verified. Enter a domain your organisation owns.`);
  }
  return ok(ascii);
}
