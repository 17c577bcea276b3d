import * as client from "openid-client";
import { decryptSecret } from "@gatehouse/core";
import type { SsoConnection } from "@gatehouse/db";
import type { SsoContext } from "../context";

// Discovery documents change rarely; a short cache saves a round trip per sign-in.
const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { config: client.Configuration; at: number }>();

/** What openid-client needs of an OIDC client: an account connection or a deployment login provider. */
export type OidcClientSettings = Pick<SsoConnection, "id" | "updatedAt" | "discoveryUrl" | "clientId" | "clientSecretEncrypted" | "tokenEndpointAuthMethod">;

function clientAuthFor(connection: OidcClientSettings, encryptionKey: string): client.ClientAuth {
  if (connection.tokenEndpointAuthMethod === "none" || !connection.clientSecretEncrypted) return client.None();
  const secret = decryptSecret(connection.clientSecretEncrypted, encryptionKey);
  return connection.tokenEndpointAuthMethod === "client_secret_basic" ? client.ClientSecretBasic(secret) : client.ClientSecretPost(secret);
}

/**
 * The openid-client configuration for a connection: discovery, issuer check, client auth. Every
 * request openid-client makes for it (discovery, token, userinfo, JWKS) goes through the
 * deployment's guarded fetch: those URLs come from the admin and from the IdP's own document.
 */
export async function oidcConfiguration(ctx: Pick<SsoContext, "encryptionKey" | "fetchImpl">, connection: OidcClientSettings): Promise<client.Configuration> {
  const key = `${connection.id}:${connection.updatedAt.getTime()}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  if (!connection.discoveryUrl || !connection.clientId) throw new Error("This OIDC connection has no discovery URL or client ID.");
  const url = new URL(connection.discoveryUrl);
  // Plain http is accepted only for IdPs on this machine (the sandbox); discovery enforces https otherwise.
  const isLocal = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  const config = await client.discovery(url, connection.clientId, undefined, clientAuthFor(connection, ctx.encryptionKey), {
    execute: isLocal ? [client.allowInsecureRequests] : [],
    timeout: 10,
    [client.customFetch]: ctx.fetchImpl,
  });
  // discovery() copies customFetch onto the Configuration; set it again so that never depends
  // on a library detail.
  config[client.customFetch] = ctx.fetchImpl;
  cache.set(key, { config, at: Date.now() });
  return config;
}

export function buildOidcAuthorizationUrl(
  config: client.Configuration,
  input: { redirectUri: string; scope: string; state: string; nonce: string; codeChallenge: string; loginHint?: string },
): URL {
  return client.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: input.scope,
    state: input.state,
    nonce: input.nonce,
    code_challenge: input.codeChallenge,
    code_challenge_method: "S256",
    ...(input.loginHint ? { login_hint: input.loginHint } : {}),
  });
}

/**
 * Redeems the callback: state, PKCE and nonce are checked, the ID token's signature, issuer and
 * audience too (openid-client). Returns the ID token claims merged with userinfo.
 */
export async function redeemOidcCallback(
  config: client.Configuration,
  input: { currentUrl: URL; state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown>> {
  const tokens = await client.authorizationCodeGrant(config, input.currentUrl, {
    pkceCodeVerifier: input.codeVerifier,
    expectedNonce: input.nonce,
    expectedState: input.state,
    idTokenExpected: true,
  });
  const claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
  let userinfo: Record<string, unknown> = {};
  if (config.serverMetadata().userinfo_endpoint && typeof claims.sub === "string") {
    userinfo = (await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => ({}))) as Record<string, unknown>;
  }
  // ID token claims win over userinfo for the identity keys; userinfo adds what the token lacks.
  const merged: Record<string, unknown> = { ...userinfo, ...claims };
  // `iss` stays: with `sub` it is the identity's key (openid-client checked it against discovery).
  for (const key of ["aud", "exp", "iat", "nbf", "nonce", "at_hash", "c_hash", "auth_time", "sid"]) delete merged[key];
  return merged;
}

/** A readable reason from whatever openid-client threw (IdP error codes included). */
export function describeOidcError(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { error?: string; error_description?: string; message?: string; cause?: unknown };
    if (e.error) return `${e.error}${e.error_description ? `: ${e.error_description}` : ""}`;
    const cause = e.cause as { error?: string; error_description?: string; message?: string } | undefined;
    if (cause?.error) return `${cause.error}${cause.error_description ? `: ${cause.error_description}` : ""}`;
    if (e.message) return cause?.message ? `${e.message} (${cause.message})` : e.message;
  }
  return String(error);
}
