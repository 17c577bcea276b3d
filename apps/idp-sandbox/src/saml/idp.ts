import { SamlAppRegistry, type CreateSamlAppInput, type SamlApp, type SigningKey } from "./apps";
import type { CertificateValidity } from "./certificates";
import { buildIdpMetadata } from "./metadata";
import { PendingLogins } from "./pending";
import { loadSamlApps, saveSamlApps } from "./persistence";
import { buildSamlResponseBase64, type SamlResponseOptions } from "./response";
import { summarise, type SamlAppSummary } from "./summary";

export interface SamlIdpOptions {
  baseUrl: string;
  /** When set, apps and their keys survive restarts (see persistence.ts). */
  stateDir?: string;
}

/** The SAML side of the sandbox: apps, their keys, pending sign-ins and responses. */
export class SamlIdp {
  readonly baseUrl: string;
  readonly registry: SamlAppRegistry;
  readonly pending = new PendingLogins();

  constructor({ baseUrl, stateDir }: SamlIdpOptions) {
    this.baseUrl = baseUrl;
    this.registry = new SamlAppRegistry(baseUrl, {
      onChange: stateDir ? (apps) => saveSamlApps(stateDir, apps) : undefined,
    });
    if (stateDir) for (const app of loadSamlApps(stateDir)) this.registry.restore(app);
  }

  createApp(input: CreateSamlAppInput): SamlAppSummary {
    return this.summary(this.registry.create(input));
  }

  /** The demo app is created once; with a state directory it keeps its keys across runs. */
  ensureApp(input: CreateSamlAppInput & { id: string }): SamlAppSummary {
    if (!this.registry.has(input.id)) return this.createApp(input);
    const app = this.registry.get(input.id);
    // The ACS and SP entity ID may legitimately change between runs (env vars).
    app.acsUrl = input.acsUrl;
    app.spEntityId = input.spEntityId;
    return this.summary(app);
  }

  app(id: string): SamlApp {
    return this.registry.get(id);
  }

  summary(app: SamlApp | string): SamlAppSummary {
    return summarise(typeof app === "string" ? this.registry.get(app) : app, this.baseUrl);
  }

  list(): SamlAppSummary[] {
    return this.registry.list().map((app) => this.summary(app));
  }

  metadata(id: string): string {
    return buildIdpMetadata(this.registry.get(id), this.baseUrl);
  }

  rotateKey(id: string, validity?: CertificateValidity): SigningKey {
    return this.registry.rotateKey(id, validity);
  }

  activateNextKey(id: string): SigningKey {
    return this.registry.activateNextKey(id);
  }

  retireOldKeys(id: string): SigningKey[] {
    return this.registry.retireOldKeys(id);
  }

  buildResponse(appId: string, options: SamlResponseOptions): string {
    return buildSamlResponseBase64(this.registry.get(appId), options);
  }
}
