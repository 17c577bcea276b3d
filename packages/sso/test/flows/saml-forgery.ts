import { randomBytes } from "node:crypto";
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";

/**
 * What an attacker does to a SAMLResponse they captured or were sent: edits outside (or
 * around) the signed element. Every helper takes and returns base64, as the ACS receives it.
 */
const ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
const DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

function edit(samlResponse: string, change: (doc: Document, root: Element) => void): string {
  const doc = new DOMParser().parseFromString(Buffer.from(samlResponse, "base64").toString("utf8"), "text/xml");
  change(doc, doc.documentElement!);
  return Buffer.from(new XMLSerializer().serializeToString(doc), "utf8").toString("base64");
}

const freshId = () => `_${randomBytes(16).toString("hex")}`;

function theAssertion(root: Element): Element {
  const found = Array.from(root.childNodes).find(
    (n) => n.nodeType === n.ELEMENT_NODE && ["Assertion", "EncryptedAssertion"].includes((n as Element).localName!),
  );
  if (!found) throw new Error("no assertion in the response");
  return found as Element;
}

/** An unsigned copy of a plain assertion (or a minted one, when the original is encrypted) with a fresh ID, naming `email`. */
function decoyFrom(doc: Document, root: Element, email: string | undefined, template?: string): Element {
  const original = theAssertion(root);
  let decoy: Element;
  if (original.localName === "Assertion") {
    decoy = original.cloneNode(true) as Element;
    for (const signature of Array.from(decoy.getElementsByTagNameNS(DSIG_NS, "Signature"))) signature.parentNode!.removeChild(signature);
  } else {
    if (!template) throw new Error("an encrypted original needs a plain template assertion for the decoy");
    decoy = doc.importNode(new DOMParser().parseFromString(template, "text/xml").documentElement!, true) as Element;
  }
  decoy.setAttribute("ID", freshId());
  if (email) for (const nameId of Array.from(decoy.getElementsByTagNameNS(ASSERTION_NS, "NameID"))) nameId.textContent = email;
  return decoy;
}

/** Puts an unsigned decoy assertion before the signed one. */
export function withDecoyBefore(samlResponse: string, options: { email?: string; template?: string } = {}): string {
  return edit(samlResponse, (doc, root) => {
    root.insertBefore(decoyFrom(doc, root, options.email, options.template), theAssertion(root));
  });
}

/** Wraps the signed assertion inside an unsigned decoy's Advice, where a careless reader still finds its signature. */
export function withDecoyAround(samlResponse: string, options: { email?: string } = {}): string {
  return edit(samlResponse, (doc, root) => {
    const signed = theAssertion(root);
    const decoy = decoyFrom(doc, root, options.email);
    const advice = doc.createElementNS(ASSERTION_NS, "saml:Advice");
    const conditions = decoy.getElementsByTagNameNS(ASSERTION_NS, "Conditions")[0];
    decoy.insertBefore(advice, conditions?.nextSibling ?? null);
    root.replaceChild(decoy, signed);
    advice.appendChild(signed);
  });
}

/** Re-targets a captured response at another sign-in: a new Response ID, and InResponseTo removed (or replaced). */
export function retargeted(samlResponse: string, inResponseTo: string | null = null): string {
  return edit(samlResponse, (_doc, root) => {
    root.setAttribute("ID", freshId());
    if (inResponseTo) root.setAttribute("InResponseTo", inResponseTo);
    else root.removeAttribute("InResponseTo");
  });
}

/** The decoded XML, for assertions in tests. */
export const decodeResponse = (samlResponse: string) => Buffer.from(samlResponse, "base64").toString("utf8");
