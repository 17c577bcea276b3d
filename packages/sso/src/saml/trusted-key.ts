import { createPublicKey, X509Certificate, type KeyObject } from "node:crypto";

/** A trusted certificate, parsed: the key signatures verify with and its SHA-256 fingerprint. */
export type TrustedKey = { publicKey: KeyObject; fingerprint: string };

// Connections' certificates change rarely and every sign-in through one verifies with the same
// few: parsing a PEM per sign-in cost more than the RSA check itself. Keyed by the PEM text, so a
// rotated or removed certificate is simply never asked for again; the bound keeps a deployment
// with many connections from holding certificates it no longer uses forever.
const MAX_CACHED = 500;
const parsed = new Map<string, TrustedKey>();

export function trustedKey(certificatePem: string): TrustedKey {
  let found = parsed.get(certificatePem);
  if (!found) {
    const certificate = new X509Certificate(certificatePem);
    found = { publicKey: createPublicKey(certificatePem), fingerprint: certificate.fingerprint256.toUpperCase() };
    if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value!);
    parsed.set(certificatePem, found);
  }
  return found;
}
