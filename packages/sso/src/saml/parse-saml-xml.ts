import { DOMParser, onWarningStopParsing, type Document, type Element } from "@xmldom/xmldom";

export const SAML_NS = {
  protocol: "urn:oasis:names:tc:SAML:2.0:protocol",
  assertion: "urn:oasis:names:tc:SAML:2.0:assertion",
  dsig: "http://www.w3.org/2000/09/xmldsig#",
} as const;

/** Responses larger than this are refused before parsing: real ones are a few kilobytes. */
export const MAX_SAML_RESPONSE_BYTES = 256 * 1024;

/**
 * Parses XML strictly with @xmldom/xmldom: any warning or error stops parsing, and a DOCTYPE is
 * refused (SAML never needs one; it is where entity-expansion and XXE tricks live).
 * Returns null for anything that is not one well-formed document.
 */
export function parseSamlXml(xml: string): Document | null {
  if (/<!DOCTYPE/i.test(xml)) return null;
  try {
    const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, "text/xml");
    if (doc.doctype || !doc.documentElement) return null;
    return doc;
  } catch {
    return null;
  }
}

/** Direct element children of `parent` with this namespace and local name. */
export function childElements(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE) {
      const element = node as Element;
      if (element.namespaceURI === namespace && element.localName === localName) found.push(element);
    }
  }
  return found;
}

/**
 * Every element anywhere in the document whose local name is Assertion or EncryptedAssertion,
 * in any namespace: a wrapped or decoy assertion counts wherever it hides.
 */
export function allAssertionElements(doc: Document): Element[] {
  return [...Array.from(doc.getElementsByTagNameNS("*", "Assertion")), ...Array.from(doc.getElementsByTagNameNS("*", "EncryptedAssertion"))];
}

export function isElement(element: Element, namespace: string, localName: string): boolean {
  return element.namespaceURI === namespace && element.localName === localName;
}
