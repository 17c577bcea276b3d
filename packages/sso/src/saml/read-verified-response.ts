import { XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import { allAssertionElements, childElements, isElement, MAX_SAML_RESPONSE_BYTES, parseSamlXml, SAML_NS } from "./parse-saml-xml";
import { trustedKey } from "./trusted-key";
import { verifyEnvelopedSignature, type VerifiedSignature } from "./verify-saml-signature";

/** One bearer SubjectConfirmationData of the signed assertion. */
export type SubjectConfirmation = { inResponseTo: string | null; notOnOrAfter: Date | null; recipient: string | null };

/** Values of a SAML response, every one read from the element whose signature verified. */
export type VerifiedSamlResponse = {
  assertionId: string;
  issuer: string | null;
  issueInstant: Date | null;
  notBefore: Date | null;
  notOnOrAfter: Date | null;
  subjectConfirmations: SubjectConfirmation[];
  /** Each AudienceRestriction of the signed assertion, with its Audience values (SAML core §2.5.1.4). */
  audienceRestrictions: string[][];
  /** The signed (and decrypted) assertion as XML: where the claims are read from. */
  assertionXml: string;
  /** The Response's top-level StatusCode value (unsigned: only ever a reason to refuse). */
  statusCode: string | null;
  /**
   * The Response envelope. When `signed` is false only the assertion was signed: these values
   * may be compared (an honest IdP's always agree) but never trusted on their own.
   */
  response: { signed: boolean; id: string | null; inResponseTo: string | null; issuer: string | null };
  encrypted: boolean;
  /** SHA-256 fingerprint of the trusted certificate that verified the signature. */
  certificateFingerprint: string;
};

export type ResponseRefusalCode = "not_a_response" | "assertion_count" | "cannot_decrypt" | "signature_not_verified";
export type ReadResult = { ok: true; value: VerifiedSamlResponse } | { ok: false; code: ResponseRefusalCode };

export type ResponseKeys = {
  /** PEM certificates the connection trusts for this IdP. */
  trustedCertificatePems: readonly string[];
  /** Decrypts one EncryptedAssertion element (XML) with our SP key; null when it cannot. */
  decryptAssertion: (encryptedAssertionXml: string) => string | null;
};

const serialize = (node: Document | Element) => new XMLSerializer().serializeToString(node);

/**
 * Reads a base64 SAMLResponse the way an attacker cannot steer: exactly one assertion (plain or
 * encrypted) anywhere in the document, as a direct child of the Response; a signature by a
 * trusted certificate over the Response itself or over that assertion; and every value taken
 * from the signed (and decrypted) XML, never from its unsigned siblings.
 */
export function readVerifiedSamlResponse(samlResponse: string, keys: ResponseKeys): ReadResult {
  if (samlResponse.length > (MAX_SAML_RESPONSE_BYTES * 4) / 3 + 4) return { ok: false, code: "not_a_response" };
  const xml = Buffer.from(samlResponse, "base64").toString("utf8");
  const doc = parseSamlXml(xml);
  if (!doc || !isElement(doc.documentElement!, SAML_NS.protocol, "Response")) return { ok: false, code: "not_a_response" };
  const root = doc.documentElement!;
  const onlyAssertion = singleChildAssertion(doc, root);
  if (!onlyAssertion) return { ok: false, code: "assertion_count" };

  // Jackson decrypts first and then verifies; some IdPs sign the Response over the encrypted form.
  let effective = { xml, doc, assertion: onlyAssertion };
  const encrypted = onlyAssertion.localName === "EncryptedAssertion";
  if (encrypted) {
    const decrypted = substituteDecrypted(xml, keys);
    if (!decrypted) return { ok: false, code: "cannot_decrypt" };
    effective = decrypted;
  }
  const responseSignature =
    verifyEnvelopedSignature(effective.xml, effective.doc.documentElement!, keys.trustedCertificatePems) ??
    (encrypted ? verifyEnvelopedSignature(xml, root, keys.trustedCertificatePems) : null);
  const assertionSignature = responseSignature ? null : verifyEnvelopedSignature(effective.xml, effective.assertion, keys.trustedCertificatePems);
  const verified = responseSignature ?? assertionSignature;
  if (!verified) return { ok: false, code: "signature_not_verified" };

  const signed = signedAssertion(verified, Boolean(responseSignature), keys);
  if (!signed.ok) return signed;
  const envelope = signed.response ?? root;
  return {
    ok: true,
    value: {
      ...assertionValues(signed.assertion),
      assertionXml: serialize(signed.assertion),
      statusCode: statusCodeOf(root),
      response: {
        signed: Boolean(signed.response),
        id: envelope.getAttribute("ID") || null,
        inResponseTo: envelope.getAttribute("InResponseTo") || null,
        issuer: textOf(childElements(envelope, SAML_NS.assertion, "Issuer")[0]),
      },
      encrypted,
      certificateFingerprint: trustedKey(verified.certificatePem).fingerprint,
    },
  };
}

/** The one Assertion or EncryptedAssertion of the document, if it is the only one and a child of the root. */
function singleChildAssertion(doc: Document, root: Element): Element | null {
  const all = allAssertionElements(doc);
  const [only] = all;
  if (all.length !== 1 || !only || only.parentNode !== root || only.namespaceURI !== SAML_NS.assertion) return null;
  return only;
}

/** The response with its EncryptedAssertion replaced by the decrypted Assertion, as Jackson builds it. */
function substituteDecrypted(xml: string, keys: ResponseKeys): { xml: string; doc: Document; assertion: Element } | null {
  const doc = parseSamlXml(xml)!;
  const encryptedAssertion = singleChildAssertion(doc, doc.documentElement!)!;
  const assertion = decryptToAssertion(encryptedAssertion, keys);
  if (!assertion) return null;
  doc.documentElement!.replaceChild(doc.importNode(assertion, true), encryptedAssertion);
  const effectiveXml = serialize(doc);
  const effectiveDoc = parseSamlXml(effectiveXml);
  const effectiveAssertion = effectiveDoc && singleChildAssertion(effectiveDoc, effectiveDoc.documentElement!);
  if (!effectiveDoc || !effectiveAssertion) return null;
  return { xml: effectiveXml, doc: effectiveDoc, assertion: effectiveAssertion };
}

function decryptToAssertion(encryptedAssertion: Element, keys: ResponseKeys): Element | null {
  const plain = keys.decryptAssertion(serialize(encryptedAssertion));
  const plainDoc = plain ? parseSamlXml(plain) : null;
  const assertion = plainDoc?.documentElement;
  if (!plainDoc || !assertion || !isElement(assertion, SAML_NS.assertion, "Assertion") || allAssertionElements(plainDoc).length !== 1) return null;
  return assertion;
}

/** The assertion inside what the signature covers (decrypted when it is encrypted), and the signed Response if that was what was signed. */
function signedAssertion(
  verified: VerifiedSignature,
  isResponseSigned: boolean,
  keys: ResponseKeys,
): { ok: true; assertion: Element; response: Element | null } | { ok: false; code: ResponseRefusalCode } {
  const signedDoc = parseSamlXml(verified.signedXml);
  const signedRoot = signedDoc?.documentElement;
  if (!signedDoc || !signedRoot) return { ok: false, code: "signature_not_verified" };
  if (!isResponseSigned) {
    return isElement(signedRoot, SAML_NS.assertion, "Assertion") && allAssertionElements(signedDoc).length === 1
      ? { ok: true, assertion: signedRoot, response: null }
      : { ok: false, code: "assertion_count" };
  }
  const inner = singleChildAssertion(signedDoc, signedRoot);
  if (!inner) return { ok: false, code: "assertion_count" };
  if (inner.localName === "Assertion") return { ok: true, assertion: inner, response: signedRoot };
  const decrypted = decryptToAssertion(inner, keys);
  return decrypted ? { ok: true, assertion: decrypted, response: signedRoot } : { ok: false, code: "cannot_decrypt" };
}

function assertionValues(assertion: Element) {
  const conditions = childElements(assertion, SAML_NS.assertion, "Conditions")[0];
  const subject = childElements(assertion, SAML_NS.assertion, "Subject")[0];
  const bearer = subject
    ? childElements(subject, SAML_NS.assertion, "SubjectConfirmation").filter((c) => c.getAttribute("Method") === "urn:oasis:names:tc:SAML:2.0:cm:bearer")
    : [];
  return {
    assertionId: assertion.getAttribute("ID") ?? "",
    issuer: textOf(childElements(assertion, SAML_NS.assertion, "Issuer")[0]),
    issueInstant: dateOf(assertion.getAttribute("IssueInstant")),
    notBefore: dateOf(conditions?.getAttribute("NotBefore")),
    notOnOrAfter: dateOf(conditions?.getAttribute("NotOnOrAfter")),
    audienceRestrictions: (conditions ? childElements(conditions, SAML_NS.assertion, "AudienceRestriction") : []).map((restriction) =>
      childElements(restriction, SAML_NS.assertion, "Audience").map((audience) => textOf(audience) ?? ""),
    ),
    subjectConfirmations: bearer.flatMap((confirmation) =>
      childElements(confirmation, SAML_NS.assertion, "SubjectConfirmationData").map((data) => ({
        inResponseTo: data.getAttribute("InResponseTo") || null,
        notOnOrAfter: dateOf(data.getAttribute("NotOnOrAfter")),
        recipient: data.getAttribute("Recipient") || null,
      })),
    ),
  };
}

function statusCodeOf(response: Element): string | null {
  const status = childElements(response, SAML_NS.protocol, "Status")[0];
  const code = status ? childElements(status, SAML_NS.protocol, "StatusCode")[0] : undefined;
  return code?.getAttribute("Value") || null;
}

function textOf(element: Element | undefined): string | null {
  return element?.textContent?.trim() || null;
}

function dateOf(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
