import { certificateBody, createSelfSignedCertificate } from "./certificates";
import { samlify } from "./samlify";

export interface SignerKey {
  privateKeyPem: string;
  certificatePem: string;
}

export const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

/**
 * Enveloped RSA-SHA256 signature over the document root (referenced by its ID), with
 * exclusive c14n, placed right after the root's Issuer as the SAML schema requires.
 * `rootName` is the root's local name: Response or Assertion.
 */
export function signRoot(xml: string, rootName: "Response" | "Assertion", key: SignerKey): string {
  return samlify.SamlLib.constructSAMLSignature({
    rawSamlMessage: xml,
    isMessageSigned: true,
    privateKey: key.privateKeyPem,
    signingCert: certificateBody(key.certificatePem),
    signatureAlgorithm: RSA_SHA256,
    isBase64Output: false,
    signatureConfig: {
      prefix: "ds",
      location: {
        reference: `/*[local-name(.)='${rootName}']/*[local-name(.)='Issuer']`,
        action: "after",
      },
    },
  });
}

let foreignKey: SignerKey | undefined;

/** A key no SP trusts, for tests that need a well-formed but untrustworthy signature. */
export function foreignSigner(): SignerKey {
  foreignKey ??= createSelfSignedCertificate("Foreign signer");
  return foreignKey;
}
