import * as xpath from "xpath";

/**
 * Finds elements of parsed metadata by namespace and local name with xpath. IdPs use every
 * prefix imaginable (md:, saml2md:, none), so prefixes never matter; an element in no namespace
 * at all (metadata written without xmlns) is read as if it were in the expected one.
 */

/** The predicate for one element name; namespace and name are our constants, never input. */
function nameTest(namespace: string, localName: string): string {
  if (!/^[A-Za-z0-9]+$/.test(localName) || namespace.includes("'")) throw new TypeError(`select-elements: unsafe name ${localName}`);
  return `*[local-name()='${localName}' and (namespace-uri()='${namespace}' or namespace-uri()='')]`;
}

function selectElements(expression: string, context: Node): Element[] {
  const found = xpath.select(expression, context);
  return xpath.isArrayOfNodes(found) ? found.filter(xpath.isElement) : [];
}

export function isElement(element: Element, namespace: string, localName: string): boolean {
  return element.localName === localName && (element.namespaceURI === namespace || element.namespaceURI === null);
}

export function childElements(element: Element, namespace: string, localName: string): Element[] {
  return selectElements(`./${nameTest(namespace, localName)}`, element);
}

/** Matching descendants in document order, the element itself excluded. */
export function descendantElements(element: Element, namespace: string, localName: string): Element[] {
  return selectElements(`.//${nameTest(namespace, localName)}`, element);
}

/** An attribute without a prefix, as SAML metadata uses for entityID, Binding, Location, use. */
export function getAttribute(element: Element, localName: string): string | undefined {
  return element.hasAttributeNS(null, localName) ? element.getAttributeNS(null, localName) ?? undefined : undefined;
}

/** The element's own text and CDATA, concatenated; text inside child elements is not included. */
export function textOf(element: Element): string {
  const nodes = xpath.select("./text()", element);
  return xpath.isArrayOfNodes(nodes) ? nodes.map((node) => node.nodeValue ?? "").join("") : "";
}
