import { describe, expect, it } from "vitest";
import { allAssertionElements, parseSamlXml } from "./parse-saml-xml";

describe("parseSamlXml", () => {
  it("refuses a DOCTYPE (entity expansion, XXE)", () => {
    expect(parseSamlXml('<!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>')).toBeNull();
  });
  it("refuses malformed XML and a second root", () => {
    expect(parseSamlXml("<r><a></r>")).toBeNull();
    expect(parseSamlXml("<r/><s/>")).toBeNull();
  });
  it("counts assertions in any namespace and at any depth", () => {
    const doc = parseSamlXml(
      '<p:Response xmlns:p="urn:oasis:names:tc:SAML:2.0:protocol"><x:Extensions xmlns:x="urn:x"><y:Assertion xmlns:y="urn:y"/></x:Extensions><a:EncryptedAssertion xmlns:a="urn:oasis:names:tc:SAML:2.0:assertion"/></p:Response>',
    )!;
    expect(allAssertionElements(doc)).toHaveLength(2);
  });
});
