import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// AES-256-GCM with a key derived from ENCRYPTION_KEY; "v1" leaves room for key rotation.
const VERSION = "v1";

function keyFrom(secret: string): Buffer {
  return createHash("sha256").update(`gatehouse:secrets:${secret}`).digest();
}

/** Encrypts a secret for storage: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(plaintext: string, encryptionKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(encryptionKey), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(stored: string, encryptionKey: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unrecognised encrypted secret format");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(encryptionKey), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** What a page may show of a secret: that it is set, and its last four characters. */
export function maskSecret(plaintext: string): string {
  return plaintext.length <= 8 ? "••••••••" : `••••••••${plaintext.slice(-4)}`;
}
