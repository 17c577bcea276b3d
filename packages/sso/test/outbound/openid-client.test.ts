import { createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SsoConnection } from "@gatehouse/db";
import { oidcConfiguration, redeemOidcCallback } from "../../src/flows/oidc-client";
import { guardedFetch, PUBLIC_ONLY } from "../../src/outbound";
import { startCountingServer, type CountingServer } from "./helpers";

/**
 * openid-client follows URLs the IdP's discovery document names (token_endpoint,
 * userinfo_endpoint, jwks_uri when it verifies a signature). A hostile or compromised document
 * can point them inside our network, so openid-client must fetch through the guarded fetch too.
 * (An ID token from the token endpoint is trusted by TLS, OIDC Core §3.1.3.7, so jwks_uri is
 * not fetched in this flow; Test Connection's JWKS fetch is covered in admin-urls.test.ts.)
 */
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const CLIENT_ID = "gatehouse-test";
const NONCE = "nonce-1";
const STATE = "state-1";

let internal: CountingServer;
let idp: CountingServer;
let issuer: string;

function signIdToken(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode({ alg: "RS256", typ: "JWT", kid: "k1" })}.${encode(claims)}`;
  const signature = createSign("RSA-SHA256").update(input).sign(privateKey).toString("base64url");
  return `${input}.${signature}`;
}

beforeAll(async () => {
  internal = await startCountingServer({
    "/jwks": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1", use: "sig", alg: "RS256" }] }));
    },
  });
  // 0.0.0.0 reaches the internal server on this machine: a real target, not a made-up address.
  const hidden = `http://0.0.0.0:${internal.port}`;
  const documents: Record<string, () => Record<string, unknown>> = {
    "token-inside": () => ({ token_endpoint: `${hidden}/token`, jwks_uri: `${issuer}/token-inside/jwks` }),
    "userinfo-inside": () => ({ token_endpoint: `${issuer}/userinfo-inside/token`, jwks_uri: `${hidden}/jwks`, userinfo_endpoint: `${hidden}/userinfo` }),
  };
  const routes: Record<string, (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void> = {};
  for (const [name, endpoints] of Object.entries(documents)) {
    routes[`/${name}/.well-known/openid-configuration`] = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          issuer: `${issuer}/${name}`,
          authorization_endpoint: `${issuer}/${name}/authorize`,
          response_types_supported: ["code"],
          ...endpoints(),
        }),
      );
    };
    routes[`/${name}/token`] = (_req, res) => {
      const now = Math.floor(Date.now() / 1000);
      const idToken = signIdToken({ iss: `${issuer}/${name}`, aud: CLIENT_ID, sub: "user-1", nonce: NONCE, iat: now, exp: now + 300 });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: "at", token_type: "Bearer", id_token: idToken, expires_in: 300 }));
    };
  }
  idp = await startCountingServer(routes);
  issuer = idp.origin;
});

afterAll(async () => {
  await internal.close();
  await idp.close();
});

function connection(name: string): SsoConnection {
  return {
    id: randomUUID(),
    updatedAt: new Date(),
    discoveryUrl: `${issuer}/${name}/.well-known/openid-configuration`,
    clientId: CLIENT_ID,
    clientSecretEncrypted: null,
    tokenEndpointAuthMethod: "none",
  } as SsoConnection;
}

const ctx = { encryptionKey: "test-encryption-key-0123456789abcdef", fetchImpl: guardedFetch({ allowLoopback: true, allowPrivate: false }) };

async function redeem(name: string): Promise<{ claims: Record<string, unknown> } | { error: unknown }> {
  const config = await oidcConfiguration(ctx, connection(name));
  return redeemOidcCallback(config, {
    currentUrl: new URL(`http://localhost:3000/api/sso/oidc/callback?code=c1&state=${STATE}`),
    state: STATE,
    nonce: NONCE,
    codeVerifier: "v".repeat(43),
  }).then(
    (claims) => ({ claims }),
    (error: unknown) => ({ error }),
  );
}

function messages(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(" | ");
}

describe("openid-client requests go through the guarded fetch", () => {
  it("refuses a token_endpoint inside the network before connecting", async () => {
    const before = internal.connections();
    const outcome = await redeem("token-inside");
    expect("error" in outcome && messages(outcome.error)).toMatch(
      /The address of 0\.0\.0\.0 is a reserved or link-local network address, which Gatehouse does not contact/,
    );
    expect(internal.connections()).toBe(before);
  });

  it("refuses a userinfo_endpoint inside the network before connecting (sign-in goes on with the ID token)", async () => {
    const before = internal.connections();
    const outcome = await redeem("userinfo-inside");
    expect(outcome).toEqual({ claims: { sub: "user-1", iss: expect.any(String) } });
    expect(internal.connections()).toBe(before);
  });

  it("refuses discovery on loopback when the deployment allows only public addresses", async () => {
    const before = idp.connections();
    const error = await oidcConfiguration({ ...ctx, fetchImpl: guardedFetch(PUBLIC_ONLY) }, connection("token-inside")).then(
      () => null,
      (e: unknown) => e,
    );
    expect(messages(error)).toMatch(/The address of 127\.0\.0\.1 is an address on the Gatehouse server itself/);
    expect(idp.connections()).toBe(before);
  });
});
