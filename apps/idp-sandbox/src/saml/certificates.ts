import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from "node:crypto";
import forge from "node-forge";

/**
 * 'year' is the normal case; the other two exist so Gatehouse's certificate-expiry
 * warnings can be exercised against a real IdP.
 */
export type CertificateValidity = "year" | "expiring-soon" | "expired" | { notBefore: Date; notAfter: Date };

export interface GeneratedCertificate {
  certificatePem: string;
  privateKeyPem: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the DER certificate, colon-separated hex like vendors display it. */
  fingerprintSha256: string;
}

const DAY = 24 * 60 * 60 * 1000;

function validityWindow(validity: CertificateValidity, now = Date.now()): { notBefore: Date; notAfter: Date } {
  if (typeof validity === "object") return validity;
  switch (validity) {
    case "expiring-soon":
      return { notBefore: new Date(now - 355 * DAY), notAfter: new Date(now + 10 * DAY) };
    case "expired":
      return { notBefore: new Date(now - 366 * DAY), notAfter: new Date(now - DAY) };
    case "year":
      // Backdated a minute so a freshly generated certificate is valid despite clock skew.
      return { notBefore: new Date(now - 60_000), notAfter: new Date(now + 365 * DAY) };
  }
}

export function fingerprintSha256(certificatePem: string): string {
  const der = new X509Certificate(certificatePem).raw;
  return createHash("sha256").update(der).digest("hex").toUpperCase().match(/../g)!.join(":");
}

/** Self-signed RSA-2048 / SHA-256 certificate with CN "<name> sandbox". */
export function createSelfSignedCertificate(name: string, validity: CertificateValidity = "year"): GeneratedCertificate {
  // Native key generation; node-forge's pure-JS RSA keygen takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();

  const { notBefore, notAfter } = validityWindow(validity);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  // Positive serial: clear the top bit so DER does not read it as negative.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString("hex");
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const attributes = [
    { name: "commonName", value: `${name} sandbox` },
    { name: "organizationName", value: "Gatehouse IdP sandbox" },
  ];
  cert.setSubject(attributes);
  cert.setIssuer(attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());

  const certificatePem = forge.pki.certificateToPem(cert).replace(/\r\n/g, "\n");
  return {
    certificatePem,
    privateKeyPem,
    notBefore,
    notAfter,
    fingerprintSha256: fingerprintSha256(certificatePem),
  };
}

/** Base64 DER body of a PEM certificate, as it goes into X509Certificate elements. */
export function certificateBody(certificatePem: string): string {
  return certificatePem.replace(/-----BEGIN CERTIFICATE-----|-----END CERTIFICATE-----/g, "").replace(/\s+/g, "");
}
