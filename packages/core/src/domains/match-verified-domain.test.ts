import { describe, expect, it } from "vitest";
import { candidateDomains, matchVerifiedDomain, type VerifiedDomain } from "./match-verified-domain";

const acme: VerifiedDomain = { accountId: "acme", domain: "acme.test", includeSubdomains: false };
const acmeAll: VerifiedDomain = { ...acme, includeSubdomains: true };
const eu: VerifiedDomain = { accountId: "acme-eu", domain: "eu.acme.test", includeSubdomains: false };

describe("matchVerifiedDomain", () => {
  it.each<[string, string, VerifiedDomain[], string | null]>([
    ["exact match", "acme.test", [acme], "acme"],
    ["a subdomain is not covered by default", "eu.acme.test", [acme], null],
    ["a subdomain is covered when the domain says so", "mail.eu.acme.test", [acmeAll], "acme"],
    ["the most specific verified domain wins", "eu.acme.test", [acmeAll, eu], "acme-eu"],
    ["case and a trailing dot do not matter", "ACME.test.", [acme], "acme"],
    ["another domain that ends the same is no match", "notacme.test", [acmeAll], null],
    ["nothing verified, nothing matched", "acme.test", [], null],
  ])("%s", (_name, domain, verified, expected) => {
    expect(matchVerifiedDomain(domain, verified)?.accountId ?? null).toBe(expected);
  });

  it("lists the domain and its parents, never the top level alone", () => {
    expect(candidateDomains("a.b.acme.test")).toEqual(["a.b.acme.test", "b.acme.test", "acme.test"]);
    expect(candidateDomains("test")).toEqual([]);
  });
});
