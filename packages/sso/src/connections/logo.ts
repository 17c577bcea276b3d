import { eq, ssoConnections } from "@gatehouse/db";
import { fail, isAccountAdmin, nowOf, ok, recordAuditEvent, type Actor, type Result } from "@gatehouse/core";
import type { SsoContext } from "../context";
import { getConnection } from "./queries";

export const LOGO_MAX_BYTES = 100 * 1024;
export const NOT_AN_IMAGE = "This file is not a PNG, JPG or SVG image.";

export type LogoImage = { contentType: "image/png" | "image/jpeg" | "image/svg+xml"; dataUrl: string; bytes: number };

const kilobytes = (bytes: number) => Math.ceil(bytes / 1024);
const tooLarge = (bytes: number) => `The logo is ${kilobytes(bytes)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB.`;

/**
 * Reads an uploaded logo: a PNG or JPEG by its magic bytes, or an SVG (a text document whose root
 * element is <svg>), which is sanitised. The file name and the browser's content type are never
 * trusted. Returns the data URL to store.
 */
export function readLogo(bytes: Uint8Array): Result<LogoImage> {
  if (bytes.length === 0) return fail("The file is empty. Choose a PNG, JPG or SVG image.");
  if (bytes.length > LOGO_MAX_BYTES) return fail(tooLarge(bytes.length));
  const base64 = () => Buffer.from(bytes).toString("base64");
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return ok({ contentType: "image/png", dataUrl: `data:image/png;base64,${base64()}`, bytes: bytes.length });
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return ok({ contentType: "image/jpeg", dataUrl: `data:image/jpeg;base64,${base64()}`, bytes: bytes.length });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(NOT_AN_IMAGE);
  }
  const svg = sanitizeSvg(text);
  if (!svg.ok) return svg;
  const size = Buffer.byteLength(svg.value, "utf8");
  if (size > LOGO_MAX_BYTES) return fail(tooLarge(size));
  return ok({ contentType: "image/svg+xml", dataUrl: `data:image/svg+xml;base64,${Buffer.from(svg.value, "utf8").toString("base64")}`, bytes: size });
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Sets the logo shown on the connection's sign-in button. A refused file changes nothing. */
export async function setConnectionLogo(
  ctx: SsoContext,
  input: { accountId: string; connectionId: string; fileName: string; contentType: string; bytes: Uint8Array; actor: Actor },
): Promise<Result<{ logoDataUrl: string }>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can configure SSO.");
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return fail("That connection no longer exists.");
  const logo = readLogo(input.bytes);
  if (!logo.ok) return logo;
  await ctx.db.transaction(async (tx) => {
    await tx.update(ssoConnections).set({ logoDataUrl: logo.value.dataUrl, updatedAt: nowOf(ctx) }).where(eq(ssoConnections.id, connection.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.connection.logo_set",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
      metadata: { fileName: input.fileName.slice(0, 200), declaredType: input.contentType.slice(0, 100), storedType: logo.value.contentType, bytes: logo.value.bytes },
    });
  });
  return ok({ logoDataUrl: logo.value.dataUrl });
}

/** Removes the connection's logo; its button shows the provider's default again. */
export async function removeConnectionLogo(ctx: SsoContext, input: { accountId: string; connectionId: string; actor: Actor }): Promise<Result<void>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can configure SSO.");
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return fail("That connection no longer exists.");
  if (connection.logoDataUrl === null) return ok(undefined);
  await ctx.db.transaction(async (tx) => {
    await tx.update(ssoConnections).set({ logoDataUrl: null, updatedAt: nowOf(ctx) }).where(eq(ssoConnections.id, connection.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.connection.logo_removed",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
    });
  });
  return ok(undefined);
}

// ---------------------------------------------------------------------------------------------
// SVG sanitiser
// ---------------------------------------------------------------------------------------------

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/**
 * SVG elements a logo may use. Everything else goes with its whole subtree: <script>,
 * <foreignObject> (HTML inside SVG), <iframe>, <handler>, editor metadata, HTML elements.
 */
const ALLOWED_ELEMENTS = new Set([
  "svg", "g", "defs", "symbol", "use", "switch", "a", "title", "desc", "style", "view",
  "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "image",
  "text", "tspan", "textPath",
  "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
  "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
  "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
  "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
  "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
  "animate", "animateMotion", "animateTransform", "set", "mpath",
]);
const ANIMATIONS = new Set(["animate", "animateMotion", "animateTransform", "set"]);
const MAX_DEPTH = 128;
const MAX_ENTITIES = 64;
const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;

type Attribute = { name: string; value: string };
type Token =
  | { kind: "text"; text: string }
  | { kind: "start"; name: string; attributes: Attribute[]; selfClosing: boolean }
  | { kind: "end"; name: string };

/**
 * Makes an uploaded SVG safe to show: keeps only SVG drawing elements, and removes scripts,
 * <foreignObject>, event handler attributes (on*), links other than #fragments and data:image/
 * URLs, the DOCTYPE and its entities (simple text entities are expanded first), processing
 * instructions (<?xml-stylesheet?>), comments, foreign-namespace attributes, and any <style>
 * element or style-like attribute that could load something (url() other than url(#id),
 * @import, image-set(), CSS escapes). Input that is not a well-formed SVG document is refused.
 */
export function sanitizeSvg(source: string): Result<string> {
  const tokens = tokenize(source.replace(/^\uFEFF/, ""));
  if (!tokens) return fail(NOT_AN_IMAGE);
  const out: string[] = [];
  const stack: string[] = [];
  let dropDepth = 0; // > 0 while inside an element being removed with its subtree
  let style: { open: string; css: string; depth: number } | null = null;
  let rootSeen = false;
  let rootClosed = false;

  for (const token of tokens) {
    if (token.kind === "text") {
      if (stack.length === 0) {
        if (token.text.trim() !== "") return fail(NOT_AN_IMAGE);
        continue;
      }
      if (dropDepth > 0) continue;
      if (style) style.css += token.text;
      else out.push(escapeText(token.text));
      continue;
    }
    if (token.kind === "end") {
      if (stack.pop() !== token.name) return fail(NOT_AN_IMAGE);
      if (stack.length === 0) rootClosed = true;
      if (dropDepth > 0) {
        if (stack.length < dropDepth) dropDepth = 0;
        continue;
      }
      if (style && stack.length < style.depth) {
        if (isSafeCss(style.css)) out.push(`${style.open}${escapeText(style.css)}</${token.name}>`);
        style = null;
        continue;
      }
      out.push(`</${token.name}>`);
      continue;
    }

    // A start tag.
    if (rootClosed) return fail(NOT_AN_IMAGE);
    const { prefix, local } = splitName(token.name);
    const isRoot = !rootSeen;
    if (isRoot) {
      if (local !== "svg" || (prefix !== null && prefix !== "svg")) return fail(NOT_AN_IMAGE);
      rootSeen = true;
      if (token.selfClosing) rootClosed = true;
    }
    if (!token.selfClosing) {
      stack.push(token.name);
      if (stack.length > MAX_DEPTH) return fail(NOT_AN_IMAGE);
    }
    if (dropDepth > 0) continue;
    if (style) {
      // Markup inside <style> is not CSS: the whole style element goes.
      dropDepth = style.depth;
      style = null;
      continue;
    }
    if (!keepsElement(prefix, local, token.attributes)) {
      if (!token.selfClosing) dropDepth = stack.length;
      continue;
    }
    const attributes = cleanAttributes(token.attributes, isRoot);
    const open = `<${token.name}${attributes.map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join("")}`;
    if (local === "style" && !token.selfClosing) {
      style = { open: `${open}>`, css: "", depth: stack.length };
      continue;
    }
    out.push(token.selfClosing ? `${open}/>` : `${open}>`);
  }
  if (!rootSeen || stack.length > 0) return fail(NOT_AN_IMAGE);
  return ok(out.join(""));
}

function splitName(name: string): { prefix: string | null; local: string } {
  const colon = name.indexOf(":");
  return colon === -1 ? { prefix: null, local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

function keepsElement(prefix: string | null, local: string, attributes: Attribute[]): boolean {
  if (prefix !== null && prefix !== "svg") return false;
  if (!ALLOWED_ELEMENTS.has(local)) return false;
  if (ANIMATIONS.has(local)) {
    // <set attributeName="href" to="javascript:…"> would bring back what the href rule removed.
    const target = attributes.find((a) => a.name === "attributeName")?.value ?? "";
    const targetLocal = splitName(target.trim()).local.toLowerCase();
    if (targetLocal === "href" || targetLocal.startsWith("on") || targetLocal === "style") return false;
  }
  return true;
}

function cleanAttributes(attributes: Attribute[], isRoot: boolean): Attribute[] {
  const kept: Attribute[] = [];
  for (const attribute of attributes) {
    if (kept.some((k) => k.name === attribute.name)) continue;
    const { prefix, local } = splitName(attribute.name);
    const lower = local.toLowerCase();
    if (attribute.name === "xmlns") {
      if (attribute.value === SVG_NS) kept.push(attribute);
      continue;
    }
    if (prefix === "xmlns") {
      if ((local === "xlink" && attribute.value === XLINK_NS) || (local === "svg" && attribute.value === SVG_NS)) kept.push(attribute);
      continue;
    }
    if (prefix === "xml") {
      if (local === "space" || local === "lang") kept.push(attribute);
      continue;
    }
    if (prefix !== null && prefix !== "xlink") continue;
    if (lower.startsWith("on")) continue;
    if (lower === "href") {
      if (isSafeHref(attribute.value)) kept.push(attribute);
      continue;
    }
    if (prefix === null && isSafeCssValue(attribute.value)) kept.push(attribute);
    else if (prefix === "xlink" && !/[:/\\]/.test(attribute.value)) kept.push(attribute);
  }
  // Without its namespace an SVG shown as an image renders nothing; supply it on the root.
  if (isRoot && !kept.some((a) => a.name === "xmlns")) kept.unshift({ name: "xmlns", value: SVG_NS });
  if (isRoot && kept.some((a) => a.name.startsWith("xlink:")) && !kept.some((a) => a.name === "xmlns:xlink")) kept.push({ name: "xmlns:xlink", value: XLINK_NS });
  return kept;
}

/** Links may point inside the document (#id) or embed an image (data:image/…); nothing else. */
function isSafeHref(value: string): boolean {
  // Browsers ignore whitespace and control characters in URLs ("java\nscript:"); so must we.
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, "").toLowerCase();
  return compact.startsWith("#") || compact.startsWith("data:image/");
}

/**
 * CSS (a <style> element's text, or an attribute value, which SVG parses as CSS for presentation
 * attributes) that cannot load anything: url() only to a #fragment, no @import, no image-set(),
 * no escapes that could spell any of these.
 */
function isSafeCss(css: string): boolean {
  if (/\\|@import|image-set\s*\(|image\s*\(|src\s*\(|expression\s*\(|-moz-binding|behavior\s*:/i.test(css)) return false;
  const urls = /url\s*\(\s*(['"]?)\s*([^)]*)/gi;
  for (const match of css.matchAll(urls)) {
    if (!(match[2] ?? "").trimStart().startsWith("#")) return false;
  }
  return true;
}

const isSafeCssValue = (value: string) => !/url\s*\(|\\|@import|image-set\s*\(|image\s*\(|src\s*\(|expression\s*\(/i.test(value) || isSafeCss(value);

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");

/**
 * Splits the document into text (entities decoded, CDATA unwrapped), start and end tags.
 * Comments, processing instructions (the XML declaration included) and the DOCTYPE are left
 * out; the DOCTYPE's simple internal text entities (Illustrator declares namespace URIs that
 * way) are remembered and expanded, anything else referring to an entity is refused. Returns
 * null when the markup is not well formed.
 */
function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  const entities = new Map<string, string>();
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const end = lt === -1 ? source.length : lt;
    if (end > i) {
      const text = decodeEntities(source.slice(i, end), entities);
      if (text === null) return null;
      tokens.push({ kind: "text", text });
    }
    if (lt === -1) break;
    i = lt;
    if (source.startsWith("<!--", i)) {
      const close = source.indexOf("-->", i + 4);
      if (close === -1) return null;
      i = close + 3;
    } else if (source.startsWith("<![CDATA[", i)) {
      const close = source.indexOf("]]>", i + 9);
      if (close === -1) return null;
      tokens.push({ kind: "text", text: source.slice(i + 9, close) });
      i = close + 3;
    } else if (source.startsWith("<!", i)) {
      const close = skipDeclaration(source, i, entities);
      if (close === -1) return null;
      i = close;
    } else if (source.startsWith("<?", i)) {
      const close = source.indexOf("?>", i + 2);
      if (close === -1) return null;
      i = close + 2;
    } else if (source.startsWith("</", i)) {
      NAME.lastIndex = i + 2;
      const name = NAME.exec(source)?.[0];
      if (!name) return null;
      const close = /\s*>/y;
      close.lastIndex = i + 2 + name.length;
      if (!close.exec(source)) return null;
      tokens.push({ kind: "end", name });
      i = close.lastIndex;
    } else {
      const tag = readStartTag(source, i, entities);
      if (!tag) return null;
      tokens.push(tag.token);
      i = tag.next;
    }
  }
  return tokens;
}

function readStartTag(source: string, start: number, entities: Map<string, string>): { token: Token; next: number } | null {
  NAME.lastIndex = start + 1;
  const name = NAME.exec(source)?.[0];
  if (!name) return null;
  let i = start + 1 + name.length;
  const attributes: Attribute[] = [];
  for (;;) {
    const spaceStart = i;
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (source.startsWith("/>", i)) return { token: { kind: "start", name, attributes, selfClosing: true }, next: i + 2 };
    if (source[i] === ">") return { token: { kind: "start", name, attributes, selfClosing: false }, next: i + 1 };
    if (i === spaceStart) return null;
    NAME.lastIndex = i;
    const attributeName = NAME.exec(source)?.[0];
    if (!attributeName) return null;
    const equals = /\s*=\s*(["'])/y;
    equals.lastIndex = i + attributeName.length;
    const quote = equals.exec(source)?.[1];
    if (!quote) return null;
    const valueStart = equals.lastIndex;
    const valueEnd = source.indexOf(quote, valueStart);
    if (valueEnd === -1) return null;
    const raw = source.slice(valueStart, valueEnd);
    if (raw.includes("<")) return null;
    const value = decodeEntities(raw, entities);
    if (value === null) return null;
    attributes.push({ name: attributeName, value });
    i = valueEnd + 1;
  }
}

/**
 * Skips a markup declaration (<!DOCTYPE …[ … ]>, a stray <!ENTITY …>), noting the internal
 * subset's plain text entities. Returns the index after it, or -1 when it never ends.
 */
function skipDeclaration(source: string, start: number, entities: Map<string, string>): number {
  let depth = 0;
  let i = start + 2;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '"' || c === "'") {
      const close = source.indexOf(c, i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else if (source.startsWith("<!--", i)) {
      const close = source.indexOf("-->", i + 4);
      if (close === -1) return -1;
      i = close + 3;
    } else if (depth > 0 && source.startsWith("<!ENTITY", i)) {
      const declaration = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"<&%]*)"|'([^'<&%]*)')\s*>/y;
      declaration.lastIndex = i;
      const match = declaration.exec(source);
      if (match && entities.size < MAX_ENTITIES && !entities.has(match[1]!)) {
        const value = match[2] ?? match[3] ?? "";
        if (value.length <= 1000) entities.set(match[1]!, value);
      }
      const close = skipDeclaration(source, i, new Map());
      if (close === -1) return -1;
      i = close;
    } else if (c === "[") {
      depth++;
      i++;
    } else if (c === "]") {
      depth--;
      i++;
    } else if (c === ">" && depth <= 0) {
      return i + 1;
    } else {
      i++;
    }
  }
  return -1;
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(raw: string, entities: Map<string, string>): string | null {
  let failed = false;
  const decoded = raw.replace(/&([^;\s&]{0,40});|&/g, (whole, name: string | undefined) => {
    if (name === undefined) {
      failed = true;
      return "";
    }
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      const digits = name[1] === "x" || name[1] === "X" ? /^#[xX][0-9a-fA-F]+$/ : /^#[0-9]+$/;
      if (!digits.test(name) || !Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        failed = true;
        return "";
      }
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[name] ?? entities.get(name);
    if (value === undefined) failed = true;
    return value ?? whole;
  });
  return failed ? null : decoded;
}
