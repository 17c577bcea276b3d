import { challengeRecordName, challengeRecordValue } from "./domain-challenge";
import type { TxtLookup } from "./lookup-txt";

/** The result codes a check stores and shows (see account_domains.last_check_result). */
export type DomainCheckCode = "found" | "other_value" | "no_txt_record" | "no_such_domain" | "timeout" | "dns_error";

export type DomainCheckOutcome = {
  code: DomainCheckCode;
  /** For verified-by-another-account claims: whether that account's own record is still published. */
  holderRecordPresent: boolean;
};

/**
 * Looks up the challenge record of a domain and says whether it carries `token`. The challenge
 * name itself is usually absent (NXDOMAIN) before publishing, so "no such domain" is only said
 * when the domain itself does not resolve either.
 */
export async function checkDomainRecord(lookup: TxtLookup, input: { domain: string; token: string; holderToken?: string | null }): Promise<DomainCheckOutcome> {
  const answer = await lookup(challengeRecordName(input.domain));
  if (answer.code === "found") {
    const has = (token: string) => answer.values.some((v) => v.trim() === challengeRecordValue(token));
    return { code: has(input.token) ? "found" : "other_value", holderRecordPresent: input.holderToken ? has(input.holderToken) : false };
  }
  if (answer.code === "no_such_domain") {
    const apex = await lookup(input.domain);
    return { code: apex.code === "no_such_domain" ? "no_such_domain" : apex.code === "timeout" ? "timeout" : "no_txt_record", holderRecordPresent: false };
  }
  // Unknown whether the holder's record is there: count it as present, so a DNS fault never moves a domain.
  return { code: answer.code, holderRecordPresent: answer.code !== "no_txt_record" };
}
