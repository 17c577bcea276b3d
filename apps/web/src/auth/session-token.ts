import { hkdfSync, randomUUID } from "node:crypto";
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt } from "jose";
import { LRUCache } from "lru-cache";

type CookieKey = { key: Uint8Array; kid: string };

const KEY_LENGTHS: Record<string, number> = { "A256CBC-HS512": 64, A256GCM: 32 };
const derived = new Map<string, Promise<CookieKey>>();

/**
 * next-auth's cookie key (HKDF of the secret, salted with the cookie name) and its JWK thumbprint,
 * the token's `kid`: next-auth derives both on every read; they never change for a process.
 */
function cookieKey(secret: string, salt: string, enc: string): Promise<CookieKey> {
  const id = `${enc}\u0000${salt}\u0000${secret}`;
  let found = derived.get(id);
  if (!found) {
    const length = KEY_LENGTHS[enc];
    if (!length) return Promise.reject(new Error(`unsupported session cookie encryption ${enc}`));
    const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
    found = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${length << 3}` as "sha512").then((kid) => ({ key, kid }));
    derived.set(id, found);
  }
  return found;
}

const CLOCK_TOLERANCE_SECONDS = 15;

/** What a cookie decrypted to: its session id and the time claims jose checked. */
type OpenedToken = { sid: string; exp: number | undefined; nbf: number | undefined };

// A browser sends the same cookie on every request, and decrypting it (WebCrypto key imports, an
// HMAC and AES-CBC) cost about 0.6 ms each time. Only tokens that decrypted and carried a session
// id are kept, keyed by the whole token, so a forged or altered cookie is never a hit; their time
// claims are checked again on every hit. The session itself is still looked up on every request,
// which is what keeps revocation immediate.
const openedTokens = new Map<string, LRUCache<string, OpenedToken>>();

function openedTokensFor(secret: string, salt: string): LRUCache<string, OpenedToken> {
  const id = `${salt}\u0000${secret}`;
  let cache = openedTokens.get(id);
  if (!cache) {
    cache = new LRUCache({ max: 10_000 });
    openedTokens.set(id, cache);
  }
  return cache;
}

/** jose's time checks on a token it already decrypted: not expired and not before its `nbf`, with the same tolerance. */
function isCurrent(token: OpenedToken, nowSeconds: number): boolean {
  if (token.exp !== undefined && token.exp <= nowSeconds - CLOCK_TOLERANCE_SECONDS) return false;
  return token.nbf === undefined || token.nbf <= nowSeconds + CLOCK_TOLERANCE_SECONDS;
}

/**
 * The session id in a next-auth session cookie (an encrypted JWT, as next-auth/jwt's `decode`
 * reads it: `dir` key, either content encryption, 15 s of clock tolerance, its `kid` checked), or
 * null when the token is not ours, tampered with or expired.
 */
export async function sessionIdFromToken(token: string, secret: string, salt: string): Promise<string | null> {
  const opened = openedTokensFor(secret, salt);
  const known = opened.get(token);
  if (known) {
    if (isCurrent(known, Math.floor(Date.now() / 1000))) return known.sid;
    opened.delete(token);
    return null;
  }
  try {
    const { payload } = await jwtDecrypt(
      token,
      async ({ kid, enc }) => {
        const { key, kid: ours } = await cookieKey(secret, salt, enc);
        if (kid !== undefined && kid !== ours) throw new Error("the session cookie was encrypted with another secret");
        return key;
      },
      { clockTolerance: CLOCK_TOLERANCE_SECONDS, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
    );
    if (typeof payload.sid !== "string") return null;
    opened.set(token, { sid: payload.sid, exp: payload.exp, nbf: payload.nbf });
    return payload.sid;
  } catch {
    return null;
  }
}

/**
 * A next-auth session cookie carrying `sid` (what next-auth/jwt's `encode` makes: `dir`,
 * A256CBC-HS512, its `kid`, iat/exp/jti) with the key derived once per process instead of per call.
 */
export async function sessionTokenFor(sessionId: string, secret: string, salt: string, maxAgeSeconds: number): Promise<string> {
  const enc = "A256CBC-HS512";
  const { key, kid } = await cookieKey(secret, salt, enc);
  const issuedAt = Math.floor(Date.now() / 1000);
  return new EncryptJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "dir", enc, kid })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + maxAgeSeconds)
    .setJti(randomUUID())
    .encrypt(key);
}
