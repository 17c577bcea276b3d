import { describe, expect, it } from "vitest";
import { childElements, descendantElements, getAttribute, parseXml } from "../../src/checks/xml";

describe("parseXml", () => {
  it("resolves namespaces, entities, CDATA and comments", () => {
    const result = parseXml(`<?xml version="1.0"?>
<!-- c -->
<a:root xmlns:a="urn:a" xmlns="urn:default" x='1 &amp; 2' y="&#x41;&#66;&lt;&quot;">
  <child>t&gt;<![CDATA[<raw>&amp;]]></child>
  <a:child xmlns:a="urn:other"/>
  <plain xmlns=""/>
</a:root>`);
    if (!result.ok) throw new Error(result.error);
    const root = result.value;
    expect(root).toMatchObject({ localName: "root", prefix: "a", namespace: "urn:a" });
    expect(getAttribute(root, "x")).toBe("1 & 2");
    expect(getAttribute(root, "y")).toBe('AB<"');
    expect(childElements(root, "urn:default", "child")[0]?.text).toBe("t><raw>&amp;");
    expect(root.children[1]?.namespace).toBe("urn:other");
    expect(root.children[2]?.namespace).toBeNull();
    expect(descendantElements(root, "urn:other", "child")).toHaveLength(1);
  });

  it.each([
    ["<!DOCTYPE x><x/>", /DOCTYPE/],
    ["<x>&foo;</x>", /entity/],
    ["<x>a & b</x>", /entity/],
    ["<x a='1' a='2'/>", /Duplicate attribute/],
    ["<x a='1'b='2'/>", /Missing space/],
    ["<x><y></x>", /does not match/],
    ["<x>", /never closed/],
    ["<x/><y/>", /More than one root/],
    ["text<x/>", /Text outside/],
    ["<x a=1/>", /Invalid attribute/],
    ["<x>&#0;</x>", /entity/],
    ["", /no XML element/],
    [`${"<a>".repeat(300)}${"</a>".repeat(300)}`, /nested too deeply/],
  ])("rejects %s", (source, error) => {
    const result = parseXml(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
