/// <reference path="../types/xml-encryption.d.ts" />
// xml-encryption: the library Jackson's SAML stack (@boxyhq/saml20) decrypts with.
import xmlenc from "xml-encryption";

/** Decrypts one EncryptedAssertion with our SP private key; null when it cannot (wrong key, bad algorithm, broken data). */
export function decryptAssertion(encryptedAssertionXml: string, privateKeyPem: string): string | null {
  let plain: string | null = null;
  // xml-encryption calls back synchronously for decryption.
  xmlenc.decrypt(encryptedAssertionXml, { key: privateKeyPem, disallowDecryptionWithInsecureAlgorithm: true }, (error, result) => {
    plain = error || !result ? null : result;
  });
  return plain;
}
