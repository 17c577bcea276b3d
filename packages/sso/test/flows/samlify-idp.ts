import { createRequire } from "node:module";
import forge from "node-forge";

// samlify is CommonJS with re-export getters Node's ESM loader cannot see: load it through require.
const require = createRequire(import.meta.url);
const samlify = require("samlify") as typeof import("samlify");

const POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

export type SamlifySigning = "response" | "assertion" | "both";

function selfSignedCertificate(commonName: string) {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = "01";
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
  certificate.setSubject([{ name: "commonName", value: commonName }]);
  certificate.setIssuer([{ name: "commonName", value: commonName }]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(certificate), privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}

/**
 * An identity provider the project did not write: samlify's IdentityProvider, with its own key,
 * building its own responses (its default template) for our SP, signed and encrypted as told.
 */
export function createSamlifyIdp(input: { entityId: string; spEntityId: string; acsUrl: string; spCertificatePem: string }) {
  const key = selfSignedCertificate("samlify test IdP");
  const idpFor = (encrypt: boolean) =>
    samlify.IdentityProvider({
      entityID: input.entityId,
      privateKey: key.privateKeyPem,
      signingCert: key.certificatePem,
      isAssertionEncrypted: encrypt,
      nameIDFormat: [EMAIL_FORMAT],
      singleSignOnService: [{ Binding: REDIRECT, Location: `${input.entityId}/sso` }],
    });
  const spFor = (signing: SamlifySigning) =>
    samlify.ServiceProvider({
      entityID: input.spEntityId,
      assertionConsumerService: [{ Binding: POST, Location: input.acsUrl }],
      wantAssertionsSigned: signing !== "response",
      wantMessageSigned: signing !== "assertion",
      encryptCert: input.spCertificatePem,
    });
  return {
    metadataXml: idpFor(false).getMetadata(),
    /** A base64 SAMLResponse for the AuthnRequest `requestId` (omit for an unsolicited one). */
    async respond(options: { requestId?: string; email: string; signing: SamlifySigning; encrypt?: boolean }): Promise<string> {
      // samlify writes InResponseTo="" when there is no request: an unsolicited response.
      const requestInfo = { extract: { request: { id: options.requestId ?? "" } } };
      const { context } = await idpFor(options.encrypt ?? false).createLoginResponse(spFor(options.signing), requestInfo, "post", { email: options.email });
      return context;
    },
  };
}
