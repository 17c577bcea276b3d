import { X509Certificate } from "node:crypto";
import { decodeOid, decodeTime, derChildren, isUniversal, parseDer, TAG, type DerNode } from "./der";

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

// Bit order from RFC 5280 §4.2.1.3.
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

const KEY_USAGE_OID = "2.5.29.15";

/** True for digests that can be forged today (SHA-1, MD5, MD2), in names or in XML-DSig URIs. */
export function isWeakAlgorithm(name: string): boolean {
  return /sha-?1(?![0-9])|md5|md2/i.test(name);
}

/** Describes DER certificate bytes, or returns null if they are not an X.509 certificate. */
export function readCertificate(der: Uint8Array, now: Date): ReadCertificate | null {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    return null;
  }
  const fields = readTbsFields(der);
  const notBefore = fields?.notBefore ?? new Date(x509.validFrom);
  const notAfter = fields?.notAfter ?? new Date(x509.validTo);
  const raw = new Uint8Array(x509.raw);
  return {
    report: {
      subject: formatName(x509.subject),
      issuer: formatName(x509.issuer),
      sha256Fingerprint: x509.fingerprint256.toUpperCase(),
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      daysLeft: Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS),
      signatureAlgorithm: fields?.signatureAlgorithm ?? "unknown",
      isExpired: now.getTime() > notAfter.getTime(),
      pem: toPem(raw),
    },
    keyUsage: fields?.keyUsage,
  };
}

/** A canonical PEM: one block, 64-character lines, a final newline. */
export function toPem(der: Uint8Array): string {
  const body = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n").replace(/\n$/, "");
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/** Node prints one RDN per line; a single line reads better in a checklist. */
function formatName(name: string): string {
  return name.split("\n").filter((part) => part !== "").join(", ");
}

interface TbsFields {
  signatureAlgorithm: string;
  notBefore: Date | undefined;
  notAfter: Date | undefined;
  keyUsage: string[] | undefined;
}

function readTbsFields(der: Uint8Array): TbsFields | null {
  const cert = parseDer(der);
  const parts = cert === null ? null : derChildren(cert);
  const tbs = parts?.[0];
  const sigAlg = parts?.[1];
  if (tbs === undefined || sigAlg === undefined) return null;
  const tbsParts = derChildren(tbs) ?? [];
  const sigOidNode = derChildren(sigAlg)?.[0];
  const oid = isUniversal(sigOidNode, TAG.OID) ? decodeOid(sigOidNode) : null;

  // The version field is an optional explicit [0]; everything after it shifts by one.
  const shift = tbsParts[0]?.tagClass === 2 && tbsParts[0].tagNumber === 0 ? 1 : 0;
  const validity = tbsParts[shift + 3];
  const times = validity === undefined ? null : derChildren(validity);
  const notBefore = times?.[0] === undefined ? null : decodeTime(times[0]);
  const notAfter = times?.[1] === undefined ? null : decodeTime(times[1]);

  const extensionsWrapper = tbsParts.find((node) => node.tagClass === 2 && node.tagNumber === 3);
  const extensionList = extensionsWrapper === undefined ? undefined : derChildren(extensionsWrapper)?.[0];
  const extensions = extensionList === undefined ? [] : (derChildren(extensionList) ?? []);

  return {
    signatureAlgorithm: oid === null ? "unknown" : (SIGNATURE_ALGORITHMS[oid] ?? oid),
    notBefore: notBefore ?? undefined,
    notAfter: notAfter ?? undefined,
    keyUsage: readKeyUsage(extensions),
  };
}

function readKeyUsage(extensions: DerNode[]): string[] | undefined {
  for (const extension of extensions) {
    const fields = derChildren(extension);
    const oidNode = fields?.[0];
    if (fields === null || !isUniversal(oidNode, TAG.OID) || decodeOid(oidNode) !== KEY_USAGE_OID) continue;
    const value = fields[fields.length - 1];
    const bitString = value === undefined ? null : parseDer(value.content);
    if (bitString === null || !isUniversal(bitString, TAG.BIT_STRING)) return [];
    // First content byte counts the unused trailing bits; the flags follow, most significant first.
    const flags = bitString.content.subarray(1);
    return KEY_USAGE_BITS.filter((_, bit) => ((flags[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
  }
  return undefined;
}
