import { fail, ok, type Result } from "./result";

/**
 * A deliberately small, namespace-aware XML reader for IdP metadata. It has no DTD support at
 * all: a DOCTYPE (the vehicle for XXE and entity-expansion attacks) is a parse error, and only
 * the five predefined entities and character references are decoded.
 */

export interface XmlAttribute {
  name: string;
  prefix: string | null;
  localName: string;
  namespace: string | null;
  value: string;
}

export interface XmlElement {
  name: string;
  prefix: string | null;
  localName: string;
  /** null when the element's prefix (or the default namespace) is not declared. */
  namespace: string | null;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Direct text and CDATA content, concatenated; text of child elements is not included. */
  text: string;
}

export const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
// Real metadata nests about six levels; the cap keeps recursive callers safe from hostile input.
const MAX_DEPTH = 256;

interface Frame {
  element: XmlElement;
  scope: Map<string, string>;
}

export function parseXml(source: string): Result<XmlElement> {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const stack: Frame[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  const error = (message: string, at: number): Result<XmlElement> =>
    fail(`${message} (line ${lineOf(text, at)})`);

  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const end = lt === -1 ? text.length : lt;
    if (end > i) {
      const raw = text.slice(i, end);
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (raw.trim() !== "") return error("Text outside the root element", i);
      } else {
        const decoded = decodeEntities(raw);
        if (decoded === null) return error("Invalid entity reference (an unescaped & or an unknown &name;)", i);
        top.element.text += decoded;
      }
    }
    if (lt === -1) break;
    i = lt;

    if (text.startsWith("<?", i)) {
      const close = text.indexOf("?>", i + 2);
      if (close === -1) return error("Unterminated processing instruction", i);
      i = close + 2;
    } else if (text.startsWith("<!--", i)) {
      const close = text.indexOf("-->", i + 4);
      if (close === -1) return error("Unterminated comment", i);
      i = close + 3;
    } else if (text.startsWith("<![CDATA[", i)) {
      const close = text.indexOf("]]>", i + 9);
      if (close === -1) return error("Unterminated CDATA section", i);
      const top = stack[stack.length - 1];
      if (top === undefined) return error("CDATA outside the root element", i);
      top.element.text += text.slice(i + 9, close);
      i = close + 3;
    } else if (text.startsWith("<!", i)) {
      return error(/^<!DOCTYPE/i.test(text.slice(i, i + 9)) ? "DOCTYPE declarations are not allowed" : "Unsupported markup declaration", i);
    } else if (text.startsWith("</", i)) {
      const close = text.indexOf(">", i + 2);
      if (close === -1) return error("Unterminated end tag", i);
      const name = text.slice(i + 2, close).trim();
      const top = stack.pop();
      if (top === undefined) return error(`Unexpected end tag </${name}>`, i);
      if (top.element.name !== name) return error(`End tag </${name}> does not match <${top.element.name}>`, i);
      i = close + 1;
    } else {
      const parsed = parseStartTag(text, i);
      if (typeof parsed === "string") return error(parsed, i);
      if (stack.length === 0 && root !== null) return error("More than one root element", i);
      if (stack.length >= MAX_DEPTH) return error("Elements are nested too deeply", i);
      const parent = stack[stack.length - 1];
      const scope = new Map(parent?.scope ?? []);
      for (const attr of parsed.attributes) {
        if (attr.name === "xmlns") scope.set("", attr.value);
        else if (attr.prefix === "xmlns") scope.set(attr.localName, attr.value);
      }
      const [prefix, localName] = splitName(parsed.name);
      const element: XmlElement = {
        name: parsed.name,
        prefix,
        localName,
        namespace: resolve(scope, prefix ?? ""),
        attributes: parsed.attributes.map((attr) => ({ ...attr, namespace: attributeNamespace(scope, attr) })),
        children: [],
        text: "",
      };
      if (parent === undefined) root = element;
      else parent.element.children.push(element);
      if (!parsed.selfClosing) stack.push({ element, scope });
      i = parsed.end;
    }
  }
  const open = stack[stack.length - 1];
  if (open !== undefined) return error(`Element <${open.element.name}> is never closed`, text.length);
  if (root === null) return fail("There is no XML element in this text");
  return ok(root);
}

interface StartTag {
  name: string;
  attributes: XmlAttribute[];
  selfClosing: boolean;
  end: number;
}

function parseStartTag(text: string, start: number): StartTag | string {
  const nameMatch = /^<([^\s/>=<"']+)/.exec(text.slice(start, start + 512));
  if (nameMatch === null || nameMatch[1] === undefined) return "Invalid start tag";
  const name = nameMatch[1];
  const attributes: XmlAttribute[] = [];
  let i = start + nameMatch[0].length;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) return `Unterminated start tag <${name}>`;
    if (text.startsWith("/>", i)) return { name, attributes, selfClosing: true, end: i + 2 };
    if (text[i] === ">") return { name, attributes, selfClosing: false, end: i + 1 };
    const attrMatch = /^([^\s/>=<"']+)\s*=\s*(["'])/.exec(text.slice(i, i + 512));
    if (attrMatch === null || attrMatch[1] === undefined || attrMatch[2] === undefined) {
      return `Invalid attribute in <${name}>`;
    }
    const attrName = attrMatch[1];
    const valueStart = i + attrMatch[0].length;
    const valueEnd = text.indexOf(attrMatch[2], valueStart);
    if (valueEnd === -1) return `Unterminated attribute value in <${name}>`;
    const rawValue = text.slice(valueStart, valueEnd);
    if (rawValue.includes("<")) return `Attribute ${attrName} contains "<"`;
    const value = decodeEntities(rawValue.replace(/[\t\n\r]/g, " "));
    if (value === null) return `Invalid entity reference in attribute ${attrName}`;
    if (attributes.some((a) => a.name === attrName)) return `Duplicate attribute ${attrName} in <${name}>`;
    const [prefix, localName] = splitName(attrName);
    attributes.push({ name: attrName, prefix, localName, namespace: null, value });
    i = valueEnd + 1;
    // XML requires whitespace between attributes; without it the document is malformed.
    if (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== ">" && text[i] !== "/") {
      return `Missing space between attributes in <${name}>`;
    }
  }
}

function splitName(name: string): [string | null, string] {
  const colon = name.indexOf(":");
  return colon === -1 ? [null, name] : [name.slice(0, colon), name.slice(colon + 1)];
}

function resolve(scope: Map<string, string>, prefix: string): string | null {
  if (prefix === "xml") return XML_NAMESPACE;
  const uri = scope.get(prefix);
  // xmlns="" un-declares the default namespace.
  return uri === undefined || uri === "" ? null : uri;
}

function attributeNamespace(scope: Map<string, string>, attr: XmlAttribute): string | null {
  if (attr.prefix === null) return attr.name === "xmlns" ? XMLNS_NAMESPACE : null;
  if (attr.prefix === "xmlns") return XMLNS_NAMESPACE;
  return resolve(scope, attr.prefix);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Returns null for a bare "&" or an entity we do not know (there is no DTD to define one). */
function decodeEntities(raw: string): string | null {
  if (!raw.includes("&")) return raw;
  let out = "";
  let i = 0;
  for (;;) {
    const amp = raw.indexOf("&", i);
    if (amp === -1) return out + raw.slice(i);
    out += raw.slice(i, amp);
    const semi = raw.indexOf(";", amp);
    if (semi === -1 || semi - amp > 12) return null;
    const ref = raw.slice(amp + 1, semi);
    let decoded: string | undefined;
    if (/^#x[0-9a-fA-F]+$/.test(ref)) decoded = fromCodePoint(parseInt(ref.slice(2), 16));
    else if (/^#[0-9]+$/.test(ref)) decoded = fromCodePoint(parseInt(ref.slice(1), 10));
    else decoded = PREDEFINED[ref];
    if (decoded === undefined) return null;
    out += decoded;
    i = semi + 1;
  }
}

function fromCodePoint(code: number): string | undefined {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/**
 * Matches by local name, and by namespace when one is declared: IdPs use every prefix
 * imaginable (md:, saml2:, none), and some forget to declare the one they use.
 */
export function isElement(element: XmlElement, namespace: string, localName: string): boolean {
  return element.localName === localName && (element.namespace === namespace || element.namespace === null);
}

export function childElements(element: XmlElement, namespace: string, localName: string): XmlElement[] {
  return element.children.filter((child) => isElement(child, namespace, localName));
}

/** Matching descendants in document order, the element itself excluded. */
export function descendantElements(element: XmlElement, namespace: string, localName: string): XmlElement[] {
  const found: XmlElement[] = [];
  const pending: XmlElement[] = [...element.children].reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (isElement(next, namespace, localName)) found.push(next);
    for (let c = next.children.length - 1; c >= 0; c--) {
      const child = next.children[c];
      if (child !== undefined) pending.push(child);
    }
  }
  return found;
}

/** An attribute without a prefix, as SAML metadata uses for entityID, Binding, Location, use. */
export function getAttribute(element: XmlElement, localName: string): string | undefined {
  return element.attributes.find((attr) => attr.prefix === null && attr.localName === localName)?.value;
}
