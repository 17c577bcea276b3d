import { X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { fromBER } from "asn1js";
import { Certificate, id_ce_keyUsage, KeyUsage } from "@peculiar/asn1-x509";

export interface CertificateReport {
  subject: string;
  issuer: string;
  /** Uppercase hex pairs separated by colons, as IdP consoles display it. */
  sha256Fingerprint: string;
  notBefore: string;
  notAfter: string;
  /** Whole days until notAfter; negative once expired. */
  daysLeft: number;
  signatureAlgorithm: string;
  isExpired: boolean;
  pem: string;
}

export interface ReadCertificate {
  report: CertificateReport;
  /** The keyUsage bits, or undefined when the certificate has no keyUsage extension. */
  keyUsage: string[] | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// The names IdP consoles and openssl print, so the checklist reads like what admins see there.
const SIGNATURE_ALGORITHMS: Record<string, string> = {
  "1.2.840.113549.1.1.2": "md2WithRSAEncryption",
  "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
  "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
  "1.2.840.113549.1.1.10": "RSASSA-PSS",
  "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
  "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
  "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
  "1.2.840.113549.1.1.14": "sha224WithRSAEncryption",
  "1.2.840.10045.4.1": "ecdsa-with-SHA1",
  "1.2.840.10045.4.3.1": "ecdsa-with-SHA224",
  "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
  "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
  "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
  "1.2.840.10040.4.3": "dsa-with-sha1",
  "2.16.840.1.101.3.4.3.2": "dsa-with-sha256",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
};

// Bit order from RFC 5280 §4.2.1.3, the order openssl and IdP consoles list them in.
const KEY_USAGE_BITS = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
];

/** True for digests that can be forged today (SHA-1, MD5, MD2), in names or in XML-DSig URIs. */
export function isWeakAlgorithm(name: string): boolean {
  return /sha-?1(?![0-9])|md5|md2/i.test(name);
}

/**
 * Describes DER certificate bytes, or returns null if they are not an X.509 certificate.
 * node:crypto (OpenSSL) decides whether it is one and gives names and fingerprint; the
 * fields it does not expose (signature algorithm, keyUsage bits, exact validity) come from
 * the same bytes decoded with @peculiar/asn1-x509.
 */
export function readCertificate(der: Uint8Array, now: Date): ReadCertificate | null {
  // OpenSSL ignores bytes after the certificate; we store what we were given, so refuse them.
  if (fromBER(der).offset !== der.length) return null;
  let x509: X509Certificate;
  let asn: Certificate;
  try {
    x509 = new X509Certificate(der);
    asn = AsnConvert.parse(der, Certificate);
  } catch {
    return null;
  }
  const validity = asn.tbsCertificate.validity;
  const notBefore = validity.notBefore.getTime();
  const notAfter = validity.notAfter.getTime();
  const oid = asn.signatureAlgorithm.algorithm;
  return {
    report: {
      subject: formatName(x509.subject),
      issuer: formatName(x509.issuer),
      sha256Fingerprint: x509.fingerprint256.toUpperCase(),
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      daysLeft: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
      signatureAlgorithm: SIGNATURE_ALGORITHMS[oid] ?? oid,
      isExpired: now.getTime() > notAfter.getTime(),
      pem: toPem(new Uint8Array(x509.raw)),
    },
    keyUsage: readKeyUsage(asn),
  };
}

/** A canonical PEM: one block, 64-character lines, a final newline. */
export function toPem(der: Uint8Array): string {
  const body = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n").replace(/\n$/, "");
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/** Node prints one RDN per line; a single line reads better in a checklist. */
function formatName(name: string): string {
  return name
    .split("\n")
    .filter((part) => part !== "")
    .join(", ");
}

/** RFC 5280 §4.2.1.3 flag names that are set, or undefined without a keyUsage extension. */
function readKeyUsage(certificate: Certificate): string[] | undefined {
  const extension = certificate.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_keyUsage);
  if (extension === undefined) return undefined;
  try {
    const names: string[] = AsnConvert.parse(extension.extnValue, KeyUsage).toJSON();
    return KEY_USAGE_BITS.filter((name) => names.includes(name));
  } catch {
    // A keyUsage we cannot decode grants nothing we can rely on.
    return [];
  }
}
