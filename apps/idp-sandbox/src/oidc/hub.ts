import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError } from "../http";
import { discoveryUrl, registerClient, type CreateOidcClientInput, type OidcClientCredentials } from "./clients";
import { showInteraction, submitLogin } from "./interactions";
import { OIDC_PROFILE_IDS, OIDC_PROFILES, type OidcProfileId } from "./profiles";
import { createProfileProvider, type ProfileProvider } from "./provider";

export interface DemoClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

/**
 * Gatehouse's redirect URIs: Jackson's OIDC path and Gatehouse's own callback (packages/sso),
 * each also with 127.0.0.1 because people open either host.
 */
export function demoRedirectUris(appUrl: string): string[] {
  const base = appUrl.replace(/\/$/, "");
  // Login providers (/admin/identity-providers) each have their own callback, named by identifier.
  const providers = ["google", "microsoft", "auth0"].map((id) => `${base}/api/providers/${id}/callback`);
  const primary = [`${base}/api/oauth/oidc`, `${base}/api/sso/oidc/callback`, ...providers];
  const alternate = primary.map((uri) => uri.replace("//localhost", "//127.0.0.1"));
  return [...new Set([...primary, ...alternate])];
}

/** All four OIDC profiles, each its own oidc-provider instance mounted at its issuer path. */
export class OidcHub {
  readonly providers: Record<OidcProfileId, ProfileProvider>;
  readonly demoClients = {} as Record<OidcProfileId, DemoClient>;
  private readonly callbacks = new Map<OidcProfileId, (req: IncomingMessage, res: ServerResponse) => void>();

  constructor(baseUrl: string) {
    // Fresh keys per start: sessions are in memory and die with the process anyway.
    const cookieKeys = [randomBytes(32).toString("base64url")];
    const entries = OIDC_PROFILE_IDS.map((id) => [id, createProfileProvider(OIDC_PROFILES[id], baseUrl, cookieKeys)] as const);
    this.providers = Object.fromEntries(entries) as Record<OidcProfileId, ProfileProvider>;
    for (const [id, target] of entries) this.callbacks.set(id, target.provider.callback());
  }

  async createDemoClients(appUrl: string): Promise<void> {
    for (const id of OIDC_PROFILE_IDS) {
      const credentials = await this.createClient(id, {
        clientId: `gatehouse-${id}`,
        clientSecret: `sandbox-secret-${id}`,
        clientName: `Gatehouse (${OIDC_PROFILES[id].vendor} demo)`,
        redirectUris: demoRedirectUris(appUrl),
        tokenEndpointAuthMethod: "client_secret_post",
      });
      this.demoClients[id] = {
        client_id: credentials.client_id,
        client_secret: credentials.client_secret ?? "",
        redirect_uris: credentials.redirect_uris,
      };
    }
  }

  createClient(profile: OidcProfileId, input: CreateOidcClientInput): Promise<OidcClientCredentials> {
    const target = this.providers[profile];
    if (!target) throw new HttpError(404, `Unknown OIDC profile "${profile}".`);
    return registerClient(target, input);
  }

  issuer(profile: OidcProfileId): string {
    return this.providers[profile].issuer;
  }

  discoveryUrl(profile: OidcProfileId): string {
    return discoveryUrl(this.issuer(profile));
  }

  /** Handles any request under a profile's issuer path; false when none matches. */
  async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const target = Object.values(this.providers).find(({ profile }) => pathname === profile.issuerPath || pathname.startsWith(`${profile.issuerPath}/`));
    if (!target) return false;
    const { issuerPath, id } = target.profile;
    const rest = pathname.slice(issuerPath.length);

    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(rest);
    if (interaction?.[1]) {
      const uid = interaction[1];
      if (interaction[2] && req.method === "POST") await submitLogin(target, req, res, uid);
      else if (!interaction[2] && req.method === "GET") await showInteraction(target, req, res, uid);
      else throw new HttpError(405, "Method not allowed.");
      return true;
    }

    // Mount the provider the way Express would: it rebuilds absolute URLs from
    // originalUrl minus url, so every endpoint stays below the issuer path.
    const original = req.url ?? "/";
    const mounted = req as IncomingMessage & { originalUrl?: string };
    mounted.originalUrl = original;
    req.url = original.slice(issuerPath.length) || "/";
    if (!req.url.startsWith("/")) req.url = `/${req.url}`;
    this.callbacks.get(id)?.(req, res);
    await new Promise<void>((resolve) => {
      if (res.writableEnded) resolve();
      else res.once("close", () => resolve()).once("finish", () => resolve());
    });
    return true;
  }
}
