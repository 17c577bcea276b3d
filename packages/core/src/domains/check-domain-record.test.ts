import { describe, expect, it } from "vitest";
import { checkDomainRecord } from "./check-domain-record";
import type { TxtLookupOutcome } from "./lookup-txt";

const zone = (answers: Record<string, TxtLookupOutcome>) => async (name: string) => answers[name] ?? { code: "no_such_domain" as const };
const found = (...values: string[]): TxtLookupOutcome => ({ code: "found", values });

describe("checkDomainRecord", () => {
  it.each<[string, Record<string, TxtLookupOutcome>, { code: string; holderRecordPresent: boolean }]>([
    ["the record", { "_gatehouse-challenge.acme.test": found("gatehouse-verification=mine") }, { code: "found", holderRecordPresent: false }],
    [
      "among other values",
      { "_gatehouse-challenge.acme.test": found("v=spf1 -all", " gatehouse-verification=mine ") },
      { code: "found", holderRecordPresent: false },
    ],
    ["another value", { "_gatehouse-challenge.acme.test": found("gatehouse-verification=typo") }, { code: "other_value", holderRecordPresent: false }],
    [
      "mine and the holder's",
      { "_gatehouse-challenge.acme.test": found("gatehouse-verification=mine", "gatehouse-verification=theirs") },
      { code: "found", holderRecordPresent: true },
    ],
    ["only the holder's", { "_gatehouse-challenge.acme.test": found("gatehouse-verification=theirs") }, { code: "other_value", holderRecordPresent: true }],
    ["no record, domain exists", { "acme.test": found("v=spf1 -all") }, { code: "no_txt_record", holderRecordPresent: false }],
    ["no record, domain without TXT", { "acme.test": { code: "no_txt_record" } }, { code: "no_txt_record", holderRecordPresent: false }],
    ["empty challenge name", { "_gatehouse-challenge.acme.test": { code: "no_txt_record" } }, { code: "no_txt_record", holderRecordPresent: false }],
    ["no such domain", {}, { code: "no_such_domain", holderRecordPresent: false }],
    ["timeout", { "_gatehouse-challenge.acme.test": { code: "timeout" } }, { code: "timeout", holderRecordPresent: true }],
    ["server failure", { "_gatehouse-challenge.acme.test": { code: "dns_error", detail: "ESERVFAIL" } }, { code: "dns_error", holderRecordPresent: true }],
  ])("%s", async (_, answers, expected) => {
    expect(await checkDomainRecord(zone(answers), { domain: "acme.test", token: "mine", holderToken: "theirs" })).toEqual(expected);
  });
});
