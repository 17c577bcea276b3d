import { SignedXml } from "xml-crypto";
import type { Element } from "@xmldom/xmldom";
import { childElements, SAML_NS } from "./parse-saml-xml";
import { trustedKey } from "./trusted-key";

export type VerifiedSignature = {
  /** The signed element exactly as the signature covers it (canonical XML): read values only from this. */
  signedXml: string;
  /** The trusted certificate (PEM) whose key verified the signature. */
  certificatePem: string;
};

/**
 * Verifies the enveloped signature that is a direct child of `signedElement`, with xml-crypto,
 * against the trusted certificates only (the KeyInfo in the message is ignored). The signature
 * must have exactly one Reference and it must point at `signedElement` itself by its ID: a
 * signature over some other element does not vouch for this one. `documentXml` is the whole
 * document `signedElement` lives in (xml-crypto resolves the reference there and refuses
 * duplicate IDs). Returns null when nothing verifies.
 */
export function verifyEnvelopedSignature(documentXml: string, signedElement: Element, trustedCertificatePems: readonly string[]): VerifiedSignature | null {
  const signatures = childElements(signedElement, SAML_NS.dsig, "Signature");
  const id = signedElement.getAttribute("ID");
  if (signatures.length !== 1 || !id) return null;
  for (const certificatePem of trustedCertificatePems) {
    let verifier: SignedXml;
    try {
      verifier = new SignedXml({ publicCert: trustedKey(certificatePem).publicKey, getCertFromKeyInfo: () => null });
      verifier.loadSignature(signatures[0] as unknown as Node);
      if (!verifier.checkSignature(documentXml)) continue;
    } catch {
      continue; // an unreadable certificate, a wrong key or a broken signature: try the next trusted certificate
    }
    const references = verifier.getReferences();
    const signedXml = verifier.getSignedReferences();
    if (references.length !== 1 || references[0]!.uri !== `#${id}` || signedXml.length !== 1) return null;
    return { signedXml: signedXml[0]!, certificatePem };
  }
  return null;
}
