import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSigningCertificate } from "../../src/checks";
import { DAY, NOW, makeCertificate, makeCsrPem, makePkcs12, makePkcs7Pem, pemBody, privateKeyPem, publicKeyPem } from "./helpers";

const valid = makeCertificate({ commonName: "okta.example.com" });
const expired = makeCertificate({ notBefore: new Date(NOW.getTime() - 400 * DAY), notAfter: new Date("2026-01-15T00:00:00Z") });
const encryptionOnly = makeCertificate({ keyUsage: { keyEncipherment: true, dataEncipherment: true } });
const noKeyUsage = makeCertificate({ keyUsage: null });
const sha1 = makeCertificate({ digest: "sha1" });

const canonicalPem = (der: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString("base64")
    .match(/.{1,64}/g)
    ?.join("\n")}\n-----END CERTIFICATE-----\n`;

describe("parseSigningCertificate", () => {
  const accepted: { name: string; input: () => string | Uint8Array }[] = [
    { name: "PEM", input: () => valid.pem },
    { name: "PEM with CRLF and surrounding text", input: () => `Okta signing cert:\r\n${valid.pem.replace(/\n/g, "\r\n")}\r\nthanks` },
    { name: "PEM with a byte order mark", input: () => `\uFEFF${valid.pem}` },
    { name: "bare base64 on one line", input: () => valid.base64 },
    { name: "bare base64 with line breaks and spaces", input: () => `  ${pemBody(valid.pem).replace(/.{40}/g, "$& \n\t")}  ` },
    { name: "DER bytes (.cer)", input: () => valid.der },
    { name: "PEM file bytes (.pem)", input: () => new TextEncoder().encode(valid.pem) },
    { name: "base64 of a PEM (secret stores)", input: () => Buffer.from(valid.pem).toString("base64") },
  ];

  it.each(accepted)("accepts $name", ({ input }) => {
    const result = parseSigningCertificate(input(), NOW);
    if (!result.ok) throw new Error(result.error);
    const x509 = new X509Certificate(valid.der);
    expect(result.value).toMatchObject({
      subject: "CN=okta.example.com, O=Example IdP",
      issuer: "CN=okta.example.com, O=Example IdP",
      sha256Fingerprint: x509.fingerprint256,
      signatureAlgorithm: "sha256WithRSAEncryption",
      isExpired: false,
      daysLeft: 365,
      pem: canonicalPem(valid.der),
    });
    expect(result.value.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(result.value.notAfter).toBe(new Date(NOW.getTime() + 365 * DAY).toISOString());
    expect(result.value.notBefore).toBe(new Date(NOW.getTime() - 30 * DAY).toISOString());
  });

  it("accepts a certificate without keyUsage and reports SHA-1 signatures", () => {
    expect(parseSigningCertificate(noKeyUsage.pem, NOW).ok).toBe(true);
    const result = parseSigningCertificate(sha1.pem, NOW);
    expect(result.ok && result.value.signatureAlgorithm).toBe("sha1WithRSAEncryption");
  });

  const refused: { name: string; input: () => string | Uint8Array; error: RegExp }[] = [
    {
      name: "PEM together with its private key",
      input: () => `${privateKeyPem}\n${valid.pem}`,
      error: /^This file contains a private key\. Never share it: upload only the certificate \(the part between BEGIN CERTIFICATE and END CERTIFICATE\)\.$/,
    },
    { name: "a private key alone (PEM)", input: () => privateKeyPem, error: /contains a private key/ },
    { name: "a private key as bare base64 DER", input: () => pemBody(privateKeyPem), error: /contains a private key/ },
    {
      name: "an expired certificate",
      input: () => expired.pem,
      error: /^This certificate expired on 2026-01-15 \(45 days ago\)\. Download the current signing certificate/,
    },
    {
      name: "an encryption-only certificate",
      input: () => encryptionOnly.pem,
      error: /not a signing certificate: its key usage allows keyEncipherment, dataEncipherment but not digitalSignature/,
    },
    { name: "a CSR", input: () => makeCsrPem(), error: /certificate signing request \(CSR\)/ },
    { name: "a CSR as bare base64", input: () => pemBody(makeCsrPem()), error: /certificate signing request \(CSR\)/ },
    { name: "a public key alone", input: () => publicKeyPem, error: /public key on its own/ },
    { name: "a public key as bare base64", input: () => pemBody(publicKeyPem), error: /public key on its own/ },
    {
      name: "a PKCS#12 file (.pfx)",
      input: () => makePkcs12(valid.pem),
      error: /^This is a PKCS#12 file \(\.pfx or \.p12\), which bundles a private key\. Never share it/,
    },
    { name: "a PKCS#7 bundle (.p7b, PEM)", input: () => makePkcs7Pem(valid.pem), error: /^This is a PKCS#7 bundle \(\.p7b\), not a single certificate/ },
    { name: "a PKCS#7 bundle as bare base64", input: () => pemBody(makePkcs7Pem(valid.pem)), error: /^This is a PKCS#7 bundle/ },
    { name: "a certificate with trailing bytes", input: () => new Uint8Array([...valid.der, 0x00]), error: /^This is not an X\.509 certificate/ },
    { name: "random text", input: () => "hello, this is my certificate", error: /^This is not an X\.509 certificate/ },
    {
      name: "base64 that is not a certificate",
      input: () => Buffer.from("definitely not DER").toString("base64"),
      error: /^This is not an X\.509 certificate/,
    },
    { name: "random DER-looking bytes", input: () => new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]), error: /^This is not an X\.509 certificate/ },
    { name: "a truncated PEM", input: () => valid.pem.split("-----END")[0] ?? "", error: /END CERTIFICATE----- line is missing/ },
    { name: "a damaged PEM body", input: () => valid.pem.replace("\n", "\n!!"), error: /not base64/ },
    { name: "a chain of two certificates", input: () => valid.pem + noKeyUsage.pem, error: /contains 2 certificates/ },
    { name: "empty text", input: () => "  ", error: /Paste the certificate/ },
    { name: "something far too large", input: () => "A".repeat(70 * 1024), error: /too large to be a certificate/ },
    { name: "an empty file", input: () => new Uint8Array(), error: /file is empty/ },
  ];

  it.each(refused)("refuses $name", ({ input, error }) => {
    const result = parseSigningCertificate(input(), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
