import { randomBytes, X509Certificate } from "node:crypto";
import { HttpError } from "../http";
import { createSelfSignedCertificate, type CertificateValidity } from "./certificates";
import { samlAppUrls } from "./urls";

export type AttributeProfile = "basic" | "okta" | "entra" | "google";
export const ATTRIBUTE_PROFILES: readonly AttributeProfile[] = ["basic", "okta", "entra", "google"];

export type EncryptionAlgorithm = "aes256-cbc" | "aes128-gcm";

/**
 * Rotation lifecycle: next (published, not signing) → active (signing) → previous
 * (still published so SPs holding the old certificate keep working) → retired.
 */
export type SigningKeyState = "active" | "next" | "previous" | "retired";

export interface SigningKey {
  id: string;
  certificatePem: string;
  privateKeyPem: string;
  state: SigningKeyState;
  createdAt: Date;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
}

export interface SamlApp {
  id: string;
  name: string;
  /** `<sandbox>/saml/<id>`: the IdP Issuer. Derived from the current sandbox URL. */
  entityId: string;
  /** The SP's assertion consumer service; responses only ever go here. */
  acsUrl: string;
  spEntityId: string;
  signResponse: boolean;
  signAssertion: boolean;
  encryptAssertion: boolean;
  encryptionAlgorithm: EncryptionAlgorithm;
  spCertificatePem?: string;
  attributeProfile: AttributeProfile;
  keys: SigningKey[];
  createdAt: Date;
}

export interface CreateSamlAppInput {
  acsUrl: string;
  spEntityId: string;
  name?: string;
  /** Stable id (and therefore entity ID); random when absent. */
  id?: string;
  signResponse?: boolean;
  signAssertion?: boolean;
  encryptAssertion?: boolean;
  encryptionAlgorithm?: EncryptionAlgorithm;
  spCertificatePem?: string;
  attributeProfile?: AttributeProfile;
  certificateValidity?: CertificateValidity;
}

function newKey(appName: string, state: SigningKeyState, validity?: CertificateValidity): SigningKey {
  const generated = createSelfSignedCertificate(appName, validity);
  return {
    id: `key-${randomBytes(4).toString("hex")}`,
    certificatePem: generated.certificatePem,
    privateKeyPem: generated.privateKeyPem,
    state,
    createdAt: new Date(),
    notBefore: generated.notBefore,
    notAfter: generated.notAfter,
    fingerprintSha256: generated.fingerprintSha256,
  };
}

function requireUrl(value: string, field: string): void {
  try {
    new URL(value);
  } catch {
    throw new HttpError(400, `${field} must be an absolute URL (got "${value}").`);
  }
}

function validate(input: CreateSamlAppInput): void {
  requireUrl(input.acsUrl, "acsUrl");
  if (!input.spEntityId?.trim()) throw new HttpError(400, "spEntityId is required.");
  if (input.id !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.id)) {
    throw new HttpError(400, "id may only contain lowercase letters, digits and dashes.");
  }
  if (input.attributeProfile && !ATTRIBUTE_PROFILES.includes(input.attributeProfile)) {
    throw new HttpError(400, `attributeProfile must be one of ${ATTRIBUTE_PROFILES.join(", ")}.`);
  }
  if (input.encryptionAlgorithm && !["aes256-cbc", "aes128-gcm"].includes(input.encryptionAlgorithm)) {
    throw new HttpError(400, "encryptionAlgorithm must be aes256-cbc or aes128-gcm.");
  }
  if (input.encryptAssertion) {
    if (!input.spCertificatePem) {
      throw new HttpError(400, "encryptAssertion needs spCertificatePem: the SP certificate to encrypt to.");
    }
    try {
      new X509Certificate(input.spCertificatePem);
    } catch {
      throw new HttpError(400, "spCertificatePem is not a PEM certificate.");
    }
  }
}

export interface RegistryEvents {
  /** Called after every change, e.g. to persist apps across restarts. */
  onChange?: (apps: SamlApp[]) => void;
}

/** In-memory SAML apps, one per SP connection, each with its own entity ID and keys. */
export class SamlAppRegistry {
  private readonly apps = new Map<string, SamlApp>();

  constructor(
    private readonly baseUrl: string,
    private readonly events: RegistryEvents = {},
  ) {}

  create(input: CreateSamlAppInput): SamlApp {
    validate(input);
    const id = input.id ?? `app-${randomBytes(4).toString("hex")}`;
    if (this.apps.has(id)) throw new HttpError(409, `A SAML app with id "${id}" already exists.`);
    const name = input.name?.trim() || `SAML app ${id}`;
    const app: SamlApp = {
      id,
      name,
      entityId: samlAppUrls(this.baseUrl, id).entityId,
      acsUrl: input.acsUrl,
      spEntityId: input.spEntityId.trim(),
      signResponse: input.signResponse ?? true,
      signAssertion: input.signAssertion ?? true,
      encryptAssertion: input.encryptAssertion ?? false,
      encryptionAlgorithm: input.encryptionAlgorithm ?? "aes256-cbc",
      spCertificatePem: input.spCertificatePem,
      attributeProfile: input.attributeProfile ?? "basic",
      keys: [newKey(name, "active", input.certificateValidity)],
      createdAt: new Date(),
    };
    this.apps.set(id, app);
    this.changed();
    return app;
  }

  /** Puts back an app saved by a previous run, keys included; the port may have changed. */
  restore(app: SamlApp): void {
    this.apps.set(app.id, { ...app, entityId: samlAppUrls(this.baseUrl, app.id).entityId });
  }

  get(id: string): SamlApp {
    const app = this.apps.get(id);
    if (!app) throw new HttpError(404, `No SAML app "${id}".`, "SAML app not found");
    return app;
  }

  has(id: string): boolean {
    return this.apps.has(id);
  }

  list(): SamlApp[] {
    return [...this.apps.values()];
  }

  rotateKey(id: string, validity?: CertificateValidity): SigningKey {
    const app = this.get(id);
    if (app.keys.some((key) => key.state === "next")) {
      throw new HttpError(409, "This app already has a next key. Activate it before rotating again.");
    }
    const key = newKey(app.name, "next", validity);
    app.keys.push(key);
    this.changed();
    return key;
  }

  activateNextKey(id: string): SigningKey {
    const app = this.get(id);
    const next = app.keys.find((key) => key.state === "next");
    if (!next) throw new HttpError(409, "There is no next key to activate. Rotate first.");
    for (const key of app.keys) if (key.state === "active") key.state = "previous";
    next.state = "active";
    this.changed();
    return next;
  }

  retireOldKeys(id: string): SigningKey[] {
    const app = this.get(id);
    const previous = app.keys.filter((key) => key.state === "previous");
    if (previous.length === 0) throw new HttpError(409, "There is no previous key to retire.");
    for (const key of previous) key.state = "retired";
    this.changed();
    return previous;
  }

  private changed(): void {
    this.events.onChange?.(this.list());
  }
}

export function activeKey(app: SamlApp): SigningKey {
  const key = app.keys.find((candidate) => candidate.state === "active");
  if (!key) throw new Error(`SAML app ${app.id} has no active signing key.`);
  return key;
}

/** Every certificate an SP should currently trust: active, next and previous. */
export function publishedKeys(app: SamlApp): SigningKey[] {
  return app.keys.filter((key) => key.state !== "retired");
}
