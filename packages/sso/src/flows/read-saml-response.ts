import { createHash } from "node:crypto";
import { childElements, descendantElements, getAttribute, parseXml } from "../checks/xml";

const PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
const DSIG = "http://www.w3.org/2000/09/xmldsig#";

/** What our ACS reads from a response before and beside Jackson: never trusted for identity. */
export type SamlResponseFacts = {
  responseId: string | null;
  assertionId: string | null;
  issuer: string | null;
  inResponseTo: string | null;
  issueInstant: Date | null;
  notBefore: Date | null;
  notOnOrAfter: Date | null;
  /** SHA-256 fingerprint of the certificate in the signature's KeyInfo, if any. */
  certificateFingerprint: string | null;
};

const date = (value: string | undefined) => {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

export function fingerprintOfBase64Der(base64: string): string {
  const hex = createHash("sha256").update(Buffer.from(base64.replace(/\s+/g, ""), "base64")).digest("hex").toUpperCase();
  return hex.match(/.{2}/g)!.join(":");
}

/** Reads a base64 SAMLResponse; null when it is not a SAML Response document. */
export function readSamlResponse(samlResponse: string): SamlResponseFacts | null {
  if (samlResponse.length > 4_000_000) return null;
  const xml = Buffer.from(samlResponse, "base64").toString("utf8");
  const parsed = parseXml(xml);
  if (!parsed.ok) return null;
  const root = parsed.value;
  if (root.namespace !== PROTOCOL || root.localName !== "Response") return null;
  const assertion = childElements(root, ASSERTION, "Assertion")[0] ?? null;
  const issuer = childElements(root, ASSERTION, "Issuer")[0] ?? (assertion ? childElements(assertion, ASSERTION, "Issuer")[0] : undefined);
  const conditions = assertion ? childElements(assertion, ASSERTION, "Conditions")[0] : undefined;
  const certificate = descendantElements(root, DSIG, "X509Certificate")[0];
  return {
    responseId: getAttribute(root, "ID") ?? null,
    assertionId: assertion ? (getAttribute(assertion, "ID") ?? null) : null,
    issuer: issuer?.text.trim() || null,
    inResponseTo: getAttribute(root, "InResponseTo") ?? null,
    issueInstant: date(getAttribute(root, "IssueInstant")),
    notBefore: conditions ? date(getAttribute(conditions, "NotBefore")) : null,
    notOnOrAfter: conditions ? date(getAttribute(conditions, "NotOnOrAfter")) : null,
    certificateFingerprint: certificate?.text.trim() ? fingerprintOfBase64Der(certificate.text) : null,
  };
}

/**
 * Our own validity window, tighter than Jackson's fixed 10 minutes: the admin sets the skew per
 * connection. Returns the problem in words, or null.
 */
export function checkSamlTimeWindow(facts: SamlResponseFacts, now: Date, skewSeconds: number): string | null {
  const skewMs = skewSeconds * 1000;
  if (facts.notBefore && now.getTime() < facts.notBefore.getTime() - skewMs) {
    return `The assertion is not yet valid (NotBefore ${facts.notBefore.toISOString()}, now ${now.toISOString()}, allowed clock skew ${skewSeconds} s).`;
  }
  if (facts.notOnOrAfter && now.getTime() >= facts.notOnOrAfter.getTime() + skewMs) {
    return `The assertion is expired (NotOnOrAfter ${facts.notOnOrAfter.toISOString()}, now ${now.toISOString()}, allowed clock skew ${skewSeconds} s).`;
  }
  return null;
}
