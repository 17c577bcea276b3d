import { describe, expect, it } from "vitest";
import { DOCTYPE_REFUSED, parseXmlDocument } from "../../src/checks/parse-xml-document";

describe("parseXmlDocument", () => {
  it("parses a namespaced document", () => {
    const parsed = parseXmlDocument(`<?xml version="1.0"?><a:root xmlns:a="urn:a"><a:child>x</a:child></a:root>`);
    expect(parsed.ok && [parsed.value.documentElement.localName, parsed.value.documentElement.namespaceURI]).toEqual(["root", "urn:a"]);
  });

  it.each([
    ["an internal subset", `<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>`],
    ["an external DTD", `<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>`],
    ["a bare DOCTYPE", `<!DOCTYPE r><r/>`],
  ])("refuses %s", (_name, xml) => {
    expect(parseXmlDocument(xml)).toEqual({ ok: false, error: DOCTYPE_REFUSED });
  });

  it.each([
    ["", "there is no root element"],
    ["<r/><r/>", "there is more than one root element"],
    ["<r>\n<x></r>", "an element is not closed where it should be (line 2)"],
    [`<r a="1" a="2"/>`, "an element repeats the same attribute (line 1)"],
    ["<r>&unknown;</r>", "it contains an unescaped & or an unknown &name; reference (line 1)"],
    ["<r>\n<p:x/></r>", "an element or attribute uses a namespace prefix (such as ds:) that the document never declares with xmlns (line 2)"],
  ])("says what is wrong with %j, and where, without quoting it", (xml, error) => {
    expect(parseXmlDocument(xml)).toEqual({ ok: false, error });
  });

  it("refuses a document nested thousands deep instead of failing with it", () => {
    const depth = 20_000;
    expect(parseXmlDocument(`<r>${"<x>".repeat(depth)}${"</x>".repeat(depth)}</r>`)).toEqual({ ok: false, error: "its elements nest too deeply" });
  });
});
