import { createPublicKey, verify, type JsonWebKey } from "node:crypto";

export interface DecodedJwt {
  header: { alg: string; kid?: string };
  payload: Record<string, unknown>;
}

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

/** Verifies an RS256 JWT against a JWKS with node:crypto only, then returns it decoded. */
export function verifyJwt(token: string, jwks: { keys: JsonWebKey[] }): DecodedJwt {
  const [header, payload, signature] = token.split(".");
  const decodedHeader = decodePart(header) as DecodedJwt["header"];
  if (decodedHeader.alg !== "RS256") throw new Error(`unexpected alg ${decodedHeader.alg}`);
  const jwk = jwks.keys.find((key) => key.kid === decodedHeader.kid);
  if (!jwk) throw new Error(`no JWKS key with kid ${decodedHeader.kid}`);
  const ok = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: "jwk" }), Buffer.from(signature ?? "", "base64url"));
  if (!ok) throw new Error("ID token signature does not verify");
  return { header: decodedHeader, payload: decodePart(payload) };
}
