import { randomBytes } from "node:crypto";
import { HttpError } from "../http";
import type { ProfileProvider } from "./provider";

export type TokenEndpointAuthMethod = "client_secret_post" | "client_secret_basic" | "none";

const AUTH_METHODS: readonly TokenEndpointAuthMethod[] = ["client_secret_post", "client_secret_basic", "none"];

export interface CreateOidcClientInput {
  redirectUris: string[];
  /** Defaults to client_secret_post, which is what Jackson (openid-client) sends. */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** Fixed credentials, e.g. for the demo clients; random when absent. */
  clientId?: string;
  clientSecret?: string;
  clientName?: string;
}

export interface OidcClientCredentials {
  client_id: string;
  /** Absent for public clients (token_endpoint_auth_method "none"). */
  client_secret?: string;
  issuer: string;
  discovery_url: string;
  token_endpoint_auth_method: TokenEndpointAuthMethod;
  redirect_uris: string[];
}

export function discoveryUrl(issuer: string): string {
  return `${issuer}/.well-known/openid-configuration`;
}

/** Turns the JSON body of POST /api/oidc/<profile>/clients into validated input. */
export function parseClientRequest(body: unknown): CreateOidcClientInput {
  const input = (body ?? {}) as Record<string, unknown>;
  const redirectUris = input.redirect_uris;
  if (!Array.isArray(redirectUris) || redirectUris.length === 0 || !redirectUris.every((uri) => typeof uri === "string")) {
    throw new HttpError(400, "redirect_uris must be a non-empty array of URLs.");
  }
  const method = input.token_endpoint_auth_method;
  if (method !== undefined && !AUTH_METHODS.includes(method as TokenEndpointAuthMethod)) {
    throw new HttpError(400, `token_endpoint_auth_method must be one of ${AUTH_METHODS.join(", ")}.`);
  }
  return {
    redirectUris: redirectUris as string[],
    tokenEndpointAuthMethod: method as TokenEndpointAuthMethod | undefined,
    clientName: typeof input.client_name === "string" ? input.client_name : undefined,
  };
}

export async function registerClient(target: ProfileProvider, input: CreateOidcClientInput): Promise<OidcClientCredentials> {
  const method = input.tokenEndpointAuthMethod ?? "client_secret_post";
  const clientId = input.clientId ?? `${target.profile.id}-${randomBytes(8).toString("hex")}`;
  const clientSecret = method === "none" ? undefined : (input.clientSecret ?? randomBytes(24).toString("base64url"));

  const metadata = {
    client_id: clientId,
    ...(clientSecret ? { client_secret: clientSecret } : {}),
    client_name: input.clientName ?? clientId,
    redirect_uris: input.redirectUris,
    token_endpoint_auth_method: method,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
  };

  try {
    // Same validation oidc-provider applies to registered clients, so bad redirect URIs
    // fail here with a useful message instead of at the first authorization request.
    await target.provider.Client.validate(metadata);
  } catch (error) {
    const description = (error as { error_description?: string }).error_description;
    throw new HttpError(400, description ?? (error as Error).message);
  }
  target.store.putClient(metadata);

  return {
    client_id: clientId,
    ...(clientSecret ? { client_secret: clientSecret } : {}),
    issuer: target.issuer,
    discovery_url: discoveryUrl(target.issuer),
    token_endpoint_auth_method: method,
    redirect_uris: [...input.redirectUris],
  };
}
