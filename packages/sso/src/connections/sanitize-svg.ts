import createDOMPurify, { type Config, type DOMPurify, type UponSanitizeAttributeHookEvent } from "dompurify";
import { JSDOM } from "jsdom";
import { SaxesParser } from "saxes";
import { fail, ok, type Result } from "@gatehouse/core";

export const NOT_AN_IMAGE = "This file is not a PNG, JPG or SVG image.";
export const SVG_ENTITIES_REFUSED =
  "This SVG uses an XML entity that is not plain text (for example one that refers to a file), which we never load. Export the logo again as a plain SVG.";

const SVG_NS = "http://www.w3.org/2000/svg";
const XHTML_NS = "http://www.w3.org/1999/xhtml";
const XLINK_NS = "http://www.w3.org/1999/xlink";
// A logo nests a few levels; jsdom's tree building slows down with the square of the depth.
const MAX_DEPTH = 128;

const PURIFY_CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  // DOMPurify leaves out <use> because it can pull in other documents; design tools (Figma,
  // Illustrator) place embedded images and repeated shapes with it, so it stays, with its link
  // held to a #fragment of this document by the hook below.
  ADD_TAGS: ["use"],
  // Named although the SVG profile already leaves them out, so no future profile brings them back.
  FORBID_TAGS: ["foreignObject", "script", "iframe", "animate", "animateMotion", "animateTransform", "set", "handler"],
  FORBID_ATTR: ["xml:base"],
  // A removed element goes with everything inside it (a script's text included).
  KEEP_CONTENT: false,
  IN_PLACE: true,
};

// One window for the process, made on first use (importing @gatehouse/sso stays cheap): no
// scripts run and nothing is fetched (jsdom's defaults), and DOMPurify's hook is installed once.
let sanitizer: { window: JSDOM["window"]; purify: DOMPurify } | undefined;

function getSanitizer(): { window: JSDOM["window"]; purify: DOMPurify } {
  if (sanitizer !== undefined) return sanitizer;
  const { window } = new JSDOM("");
  const purify = createDOMPurify(window);
  purify.addHook("uponSanitizeAttribute", checkLinkAndCss);
  sanitizer = { window, purify };
  return sanitizer;
}

function checkLinkAndCss(node: Element, data: UponSanitizeAttributeHookEvent): void {
  const name = data.attrName.toLowerCase();
  if (name === "href" || name === "xlink:href") {
    data.keepAttr = EMBEDS_IMAGE.has(node.localName) ? isFragmentOrImage(data.attrValue) : isFragment(data.attrValue);
    // DOMPurify's own URI rules allow http(s) links; ours are stricter and final.
    data.forceKeepAttr = data.keepAttr ? true : undefined;
  } else if (!isSafeCss(data.attrValue)) {
    // Presentation attributes and style="" are CSS: fill="url(https://…)" would load it.
    data.keepAttr = false;
  }
}

/**
 * Makes an uploaded SVG safe to show. The file is parsed as XML by jsdom (no scripts run, nothing
 * is fetched; of a DOCTYPE only plain text entities are used, as Illustrator declares namespace
 * URIs, and their values are taken as text, never parsed again), must have <svg> as its root,
 * and is then cleaned by DOMPurify's SVG profile: scripts, <foreignObject>, event handlers,
 * links other than #fragments and data:image/ URLs, and any CSS that could load something
 * (url() other than url(#id), @import, escapes) are removed. What is left is serialised again
 * as XML, so the stored file is exactly the tree that was checked.
 */
export function sanitizeSvg(source: string): Result<string> {
  const text = source.replace(/^\uFEFF/, "");
  if (deepestNesting(text) > MAX_DEPTH) return fail(NOT_AN_IMAGE);
  const { window, purify } = getSanitizer();
  const document = new window.DOMParser().parseFromString(text, "image/svg+xml");
  const parsed = document.documentElement;
  if (parsed === null || isParserError(parsed)) return fail(/<!ENTITY/.test(text) ? SVG_ENTITIES_REFUSED : NOT_AN_IMAGE);
  if (parsed.localName !== "svg" || (parsed.prefix !== null && parsed.prefix !== "svg")) return fail(NOT_AN_IMAGE);
  // An <svg> without the SVG namespace renders nothing as an image; give it the namespace.
  const root = parsed.namespaceURI === SVG_NS ? parsed : intoSvgNamespace(parsed, document);
  if (root !== parsed) document.replaceChild(root, parsed);
  prepareForSanitizer(root, window.NodeFilter.SHOW_CDATA_SECTION);
  purify.sanitize(root, PURIFY_CONFIG);
  return ok(new window.XMLSerializer().serializeToString(root));
}

/**
 * Before DOMPurify: CDATA sections (editors wrap CSS in them; DOMPurify drops them) become plain
 * text, which means the same in XML; and a <style> whose CSS could load anything is removed whole.
 */
function prepareForSanitizer(root: Element, showCdataSections: number): void {
  const document = root.ownerDocument;
  const cdata = document.createNodeIterator(root, showCdataSections);
  const sections: Node[] = [];
  for (let node = cdata.nextNode(); node !== null; node = cdata.nextNode()) sections.push(node);
  for (const section of sections) section.parentNode?.replaceChild(document.createTextNode(section.nodeValue ?? ""), section);
  for (const style of Array.from(root.getElementsByTagNameNS("*", "style"))) {
    if (!isSafeCss(style.textContent ?? "")) style.remove();
  }
  // A <use> that does not point inside this document would try to load another one.
  for (const use of Array.from(root.getElementsByTagNameNS("*", "use"))) {
    const links = [use.getAttributeNS(null, "href"), use.getAttributeNS(XLINK_NS, "href")].filter((value) => value !== null);
    if (!links.every(isFragment)) use.remove();
  }
}

/**
 * How deeply the document's elements nest, read in one streaming pass with saxes (the parser
 * jsdom itself uses), before jsdom builds a tree of it. Well-formedness is jsdom's to judge.
 */
function deepestNesting(text: string): number {
  const parser = new SaxesParser();
  let depth = 0;
  let deepest = 0;
  parser.on("opentag", () => {
    depth++;
    if (depth > deepest) deepest = depth;
  });
  parser.on("closetag", () => {
    depth--;
  });
  // Errors (an entity saxes does not know, say) are not ours to report here; keep counting.
  parser.on("error", () => {});
  parser.write(text).close();
  return deepest;
}

function isParserError(element: Element): boolean {
  return element.localName === "parsererror" || element.getElementsByTagNameNS("*", "parsererror").length > 0;
}

/** A copy of the tree with un-namespaced (or XHTML) elements moved into the SVG namespace. */
function intoSvgNamespace(element: Element, document: Document): Element {
  const copy = document.createElementNS(SVG_NS, element.localName);
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.name === "xmlns") continue;
    copy.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
  }
  for (const child of Array.from(element.childNodes)) {
    const moves = child.nodeType === child.ELEMENT_NODE && [null, XHTML_NS].includes((child as Element).namespaceURI);
    copy.appendChild(moves ? intoSvgNamespace(child as Element, document) : child.cloneNode(true));
  }
  return copy;
}

/** Elements that draw the image their href names; a browser shows it without running scripts. */
const EMBEDS_IMAGE = new Set(["image", "feImage"]);

// Browsers ignore whitespace and control characters in URLs ("java\nscript:"); so must we.
const compactUrl = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, "").toLowerCase();

/** A link inside this document (#id). Anything else would load or open another document. */
const isFragment = (value: string) => compactUrl(value).startsWith("#");

/** A #fragment, or an image embedded as a data: URL. Never a URL that loads something. */
const isFragmentOrImage = (value: string) => isFragment(value) || compactUrl(value).startsWith("data:image/");

/**
 * CSS (a <style> element's text, or an attribute value, which SVG reads as CSS for presentation
 * attributes) that cannot load anything: url() only to a #fragment, no @import, no image-set(),
 * no escapes that could spell any of these. Anything doubtful is dropped, never repaired.
 */
function isSafeCss(css: string): boolean {
  if (/\\|@import|image-set\s*\(|image\s*\(|src\s*\(|expression\s*\(|-moz-binding|behavior\s*:/i.test(css)) return false;
  for (const match of css.matchAll(/url\s*\(\s*(['"]?)\s*([^)]*)/gi)) {
    if (!(match[2] ?? "").trimStart().startsWith("#")) return false;
  }
  return true;
}
