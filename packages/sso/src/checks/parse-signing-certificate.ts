import { createPrivateKey, createPublicKey } from "node:crypto";
import { ContentInfo, id_signedData } from "@peculiar/asn1-cms";
import { CertificationRequest } from "@peculiar/asn1-csr";
import { PFX } from "@peculiar/asn1-pfx";
import { AsnConvert } from "@peculiar/asn1-schema";
import { fromBER } from "asn1js";
import { readCertificate, type CertificateReport } from "./certificate";
import { fail, ok, type Result } from "./result";

const PRIVATE_KEY_ERROR =
  "This file contains a private key. Never share it: upload only the certificate (the part between BEGIN CERTIFICATE and END CERTIFICATE).";
const NOT_A_CERTIFICATE =
  "This is not an X.509 certificate. Paste the certificate text (starting with -----BEGIN CERTIFICATE-----) or upload the .pem, .cer or .crt file your identity provider offers for download.";

/**
 * Reads the IdP signing certificate an administrator pasted or uploaded, and refuses anything
 * that would not let us verify SAML responses: keys, CSRs, expired or encryption-only
 * certificates.
 */
export function parseSigningCertificate(input: string | Uint8Array, now: Date = new Date()): Result<CertificateReport> {
  const der = toDer(input, 0);
  if (!der.ok) return der;
  const read = readCertificate(der.value, now);
  if (read === null) return fail(explainNotACertificate(der.value));
  const { report, keyUsage } = read;
  if (report.isExpired) {
    const days = Math.floor((now.getTime() - Date.parse(report.notAfter)) / (24 * 60 * 60 * 1000));
    const ago = days < 1 ? "" : days === 1 ? " (yesterday)" : ` (${days} days ago)`;
    return fail(
      `This certificate expired on ${report.notAfter.slice(0, 10)}${ago}. Download the current signing certificate from your identity provider and upload that instead.`,
    );
  }
  if (keyUsage !== undefined && !keyUsage.includes("digitalSignature")) {
    const allowed =
      keyUsage.length > 0 ? `its key usage allows ${keyUsage.join(", ")} but not digitalSignature` : "its key usage does not allow digital signatures";
    return fail(`This is not a signing certificate: ${allowed}. In your identity provider, download the signing certificate (not the encryption one).`);
  }
  return ok(report);
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

// IdP signing certificates are 1–4 KB; the cap also bounds the PEM regular expression's work.
const MAX_INPUT_LENGTH = 64 * 1024;

function toDer(input: string | Uint8Array, depth: number): Result<Uint8Array> {
  if (input.length > MAX_INPUT_LENGTH) {
    return fail("This is far too large to be a certificate (over 64 KB). Upload only your identity provider's signing certificate.");
  }
  if (typeof input !== "string") {
    if (input.length === 0) return fail("The file is empty. Upload the certificate file (.pem, .cer or .crt) from your identity provider.");
    // DER starts with a SEQUENCE tag (0x30); that is also ASCII "0", so a well-formed DER
    // structure or non-text bytes decide it. Anything else from a file is PEM or base64 text.
    if (input[0] === 0x30 && (isWholeDerValue(input) || !isPrintable(input))) return ok(input);
    return toDer(new TextDecoder("utf-8").decode(input), depth);
  }
  const text = input.replace(/^\uFEFF/, "").trim();
  if (text === "") return fail("Paste the certificate, or upload the certificate file (.pem, .cer or .crt).");
  if (/PRIVATE KEY/i.test(text)) return fail(PRIVATE_KEY_ERROR);
  if (text.includes("-----BEGIN")) return fromPem(text);

  const base64 = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return fail(NOT_A_CERTIFICATE);
  const bytes = new Uint8Array(Buffer.from(base64, "base64"));
  if (bytes.length === 0) return fail(NOT_A_CERTIFICATE);
  // Secret stores (Kubernetes, some vaults) hand out PEM text base64-encoded once more.
  const decodedText = bytes[0] === 0x2d ? new TextDecoder("utf-8").decode(bytes) : "";
  if (depth === 0 && decodedText.startsWith("-----BEGIN")) return toDer(decodedText, depth + 1);
  return ok(bytes);
}

/** True when the bytes are exactly one BER/DER value, nothing after it. */
function isWholeDerValue(bytes: Uint8Array): boolean {
  const { offset } = fromBER(bytes);
  return offset === bytes.length;
}

function isPrintable(bytes: Uint8Array): boolean {
  return bytes.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d);
}

function fromPem(text: string): Result<Uint8Array> {
  const blocks = [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1] ?? "", body: m[2] ?? "" }));
  const certificates = blocks.filter((b) => b.label === "CERTIFICATE" || b.label === "X509 CERTIFICATE");
  if (certificates.length > 1) {
    return fail(`This file contains ${certificates.length} certificates. Upload only your identity provider's signing certificate, not the whole chain.`);
  }
  const certificate = certificates[0];
  if (certificate === undefined) {
    const labels = blocks.map((b) => b.label);
    if (labels.some((l) => l.includes("CERTIFICATE REQUEST"))) return fail(CSR_ERROR);
    if (labels.some((l) => l.includes("PUBLIC KEY"))) return fail(PUBLIC_KEY_ERROR);
    if (labels.some((l) => l.includes("PKCS7"))) return fail(PKCS7_ERROR);
    if (/-----BEGIN CERTIFICATE-----/.test(text)) {
      return fail("The certificate is incomplete: the -----END CERTIFICATE----- line is missing. Copy the whole block, including both marker lines.");
    }
    return fail(NOT_A_CERTIFICATE);
  }
  const base64 = certificate.body.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    return fail("The certificate text is damaged: it contains characters that are not base64. Copy it again from your identity provider.");
  }
  return ok(new Uint8Array(Buffer.from(base64, "base64")));
}

const CSR_ERROR =
  "This is a certificate signing request (CSR), not a certificate. Upload the certificate your identity provider shows for signing (BEGIN CERTIFICATE).";
const PUBLIC_KEY_ERROR =
  "This is a public key on its own, not a certificate. Upload the X.509 certificate from your identity provider (the block starting with -----BEGIN CERTIFICATE-----).";
const PKCS7_ERROR = "This is a PKCS#7 bundle (.p7b), not a single certificate. Export the signing certificate on its own as a .pem or .cer file.";
const PKCS12_ERROR = "This is a PKCS#12 file (.pfx or .p12), which bundles a private key. Never share it: export only the certificate as a .pem or .cer file.";

/** Names what the administrator actually gave us, so the error says what to upload instead. */
function explainNotACertificate(der: Uint8Array): string {
  for (const type of ["pkcs8", "pkcs1", "sec1"] as const) {
    try {
      createPrivateKey({ key: Buffer.from(der), format: "der", type });
      return PRIVATE_KEY_ERROR;
    } catch {
      // Not this kind of key; try the next.
    }
  }
  for (const type of ["spki", "pkcs1"] as const) {
    try {
      createPublicKey({ key: Buffer.from(der), format: "der", type });
      return PUBLIC_KEY_ERROR;
    } catch {
      // Not this kind of key; try the next.
    }
  }
  if (parsesAs(der, PFX, (pfx) => pfx.version === 3)) return PKCS12_ERROR;
  if (parsesAs(der, ContentInfo, (info) => info.contentType === id_signedData)) return PKCS7_ERROR;
  if (parsesAs(der, CertificationRequest, () => true)) return CSR_ERROR;
  return NOT_A_CERTIFICATE;
}

/** Whether the bytes decode as the given ASN.1 structure (and pass `check`). */
function parsesAs<T>(der: Uint8Array, schema: new () => T, check: (value: T) => boolean): boolean {
  try {
    return check(AsnConvert.parse(der, schema));
  } catch {
    return false;
  }
}
