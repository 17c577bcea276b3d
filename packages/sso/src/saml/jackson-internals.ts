import { X509Certificate } from "node:crypto";
import type { SAMLJackson } from "@boxyhq/saml-jackson";

// Jackson's RelayState for responses to requests it made; anything else is unsolicited.
export const JACKSON_RELAY_PREFIX = "boxyhq_jackson_";

/** What Jackson remembers about an SP-initiated SAML sign-in it started, keyed by RelayState. */
export type JacksonSamlSession = {
  /** The ID of the AuthnRequest Jackson sent: the response must answer this one. */
  requestId: string;
  /** Jackson's tenant, which is our connection id. */
  connectionId: string;
  /** The state we passed to Jackson's authorize: our flow's state. */
  flowState: string | null;
};

type SessionStore = { get(id: string): Promise<unknown> };

/**
 * Reads Jackson's one-time session for a RelayState without consuming it. Jackson offers no
 * public call for this; its OAuth controller keeps the store as a (TypeScript-private) field.
 * Pinned to @boxyhq/saml-jackson 26.2.0: its shape is checked here and null means "no such sign-in".
 */
export async function readJacksonSamlSession(jackson: SAMLJackson, relayState: string): Promise<JacksonSamlSession | null> {
  if (!relayState.startsWith(JACKSON_RELAY_PREFIX)) return null;
  const store = (jackson.oauthController as unknown as { sessionStore?: SessionStore }).sessionStore;
  if (!store) throw new Error("Jackson's session store is not where this code expects it: check the @boxyhq/saml-jackson version.");
  const session = (await store.get(relayState.slice(JACKSON_RELAY_PREFIX.length))) as {
    id?: unknown;
    state?: unknown;
    requested?: { tenant?: unknown };
  } | null;
  if (!session || typeof session.id !== "string" || typeof session.requested?.tenant !== "string") return null;
  return { requestId: session.id, connectionId: session.requested.tenant, flowState: typeof session.state === "string" ? session.state : null };
}

/**
 * Our SP private key (PEM), the one Jackson decrypts assertions with. Jackson keeps it in its own
 * store (encrypted) and exposes it only through its x509 module, initialised by getJackson().
 */
export async function jacksonSpPrivateKey(): Promise<string> {
  if (spKey && Date.now() < spKey.validUntil) return spKey.privateKey;
  const x509 = (await import("@boxyhq/saml-jackson/dist/saml/x509.js")) as {
    getDefaultCertificate(): Promise<{ privateKey: string; publicKey: string }>;
  };
  const { privateKey, publicKey } = await x509.getDefaultCertificate();
  spKey = { privateKey, validUntil: Date.parse(new X509Certificate(publicKey).validTo) };
  return privateKey;
}

// Jackson keeps its SP certificate until it expires (then makes a new one), but re-parses the
// certificate on every call to check that: we keep the key as long as Jackson would.
let spKey: { privateKey: string; validUntil: number } | null = null;

/** Ends Jackson's one-time session for a RelayState once our ACS has used it (as its own ACS would). */
export async function consumeJacksonSamlSession(jackson: SAMLJackson, relayState: string): Promise<void> {
  const store = (jackson.oauthController as unknown as { sessionStore?: SessionStore & { delete(id: string): Promise<unknown> } }).sessionStore;
  if (!store) throw new Error("Jackson's session store is not where this code expects it: check the @boxyhq/saml-jackson version.");
  await store.delete(relayState.slice(JACKSON_RELAY_PREFIX.length));
}
