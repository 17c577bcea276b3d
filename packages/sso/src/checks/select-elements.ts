/**
 * Finds elements of parsed metadata by namespace and local name, with the DOM's own methods
 * (linear and in document order; xpath.js sorts its results in a way that made a wide, 1 MB
 * EntitiesDescriptor take minutes). IdPs use every prefix imaginable (md:, saml2md:, none), so
 * prefixes never matter; an element in no namespace at all (metadata written without xmlns) is
 * read as if it were in the expected one.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export function isElement(element: Element, namespace: string, localName: string): boolean {
  return element.localName === localName && (element.namespaceURI === namespace || element.namespaceURI === null);
}

export function childElements(element: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let child = element.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && isElement(child as Element, namespace, localName)) found.push(child as Element);
  }
  return found;
}

/** Matching descendants in document order, the element itself excluded. */
export function descendantElements(element: Element, namespace: string, localName: string): Element[] {
  return Array.from(element.getElementsByTagNameNS("*", localName)).filter((found) => isElement(found, namespace, localName));
}

/** An attribute without a prefix, as SAML metadata uses for entityID, Binding, Location, use. */
export function getAttribute(element: Element, localName: string): string | undefined {
  return element.hasAttributeNS(null, localName) ? (element.getAttributeNS(null, localName) ?? undefined) : undefined;
}

/** The element's own text and CDATA, concatenated; text inside child elements is not included. */
export function textOf(element: Element): string {
  let text = "";
  for (let child = element.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) text += child.nodeValue ?? "";
  }
  return text;
}
