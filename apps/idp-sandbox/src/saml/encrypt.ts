import { constants, createCipheriv, publicEncrypt, randomBytes, X509Certificate, type CipherGCM } from "node:crypto";
import type { EncryptionAlgorithm } from "./apps";
import { NS } from "./xml";

const ALGORITHMS: Record<EncryptionAlgorithm, { uri: string; cipher: string; keyBytes: number; ivBytes: number }> = {
  "aes256-cbc": { uri: `${NS.xenc}aes256-cbc`, cipher: "aes-256-cbc", keyBytes: 32, ivBytes: 16 },
  "aes128-gcm": { uri: "http://www.w3.org/2009/xmlenc11#aes128-gcm", cipher: "aes-128-gcm", keyBytes: 16, ivBytes: 12 },
};

function encryptContent(algorithm: EncryptionAlgorithm, key: Buffer, plaintext: string): Buffer {
  const { cipher: name, ivBytes } = ALGORITHMS[algorithm];
  const iv = randomBytes(ivBytes);
  if (algorithm === "aes128-gcm") {
    const cipher = createCipheriv(name, key, iv) as CipherGCM;
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }
  // Node's PKCS#7 padding satisfies XML Encryption's rule that the last byte is the pad length.
  const cipher = createCipheriv(name, key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, "utf8"), cipher.final()]);
}

/**
 * Wraps an Assertion in an EncryptedAssertion for the SP certificate: RSA-OAEP (MGF1/SHA-1)
 * key transport, which is what Jackson's xml-encryption decrypts without extra options.
 * The assertion must declare its own namespaces because it is decrypted out of context.
 */
export function encryptAssertion(assertionXml: string, spCertificatePem: string, algorithm: EncryptionAlgorithm = "aes256-cbc"): string {
  const spec = ALGORITHMS[algorithm];
  const contentKey = randomBytes(spec.keyBytes);
  const publicKey = new X509Certificate(spCertificatePem).publicKey;
  const wrappedKey = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" }, contentKey);
  const cipherValue = encryptContent(algorithm, contentKey, assertionXml);

  return (
    `<saml:EncryptedAssertion xmlns:saml="${NS.assertion}">` +
    `<xenc:EncryptedData xmlns:xenc="${NS.xenc}" Type="${NS.xenc}Element">` +
    `<xenc:EncryptionMethod Algorithm="${spec.uri}"/>` +
    `<ds:KeyInfo xmlns:ds="${NS.dsig}">` +
    `<xenc:EncryptedKey>` +
    `<xenc:EncryptionMethod Algorithm="${NS.xenc}rsa-oaep-mgf1p">` +
    `<ds:DigestMethod Algorithm="${NS.dsig}sha1"/>` +
    `</xenc:EncryptionMethod>` +
    `<xenc:CipherData><xenc:CipherValue>${wrappedKey.toString("base64")}</xenc:CipherValue></xenc:CipherData>` +
    `</xenc:EncryptedKey>` +
    `</ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${cipherValue.toString("base64")}</xenc:CipherValue></xenc:CipherData>` +
    `</xenc:EncryptedData>` +
    `</saml:EncryptedAssertion>`
  );
}
