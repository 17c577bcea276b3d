import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { emailTrustMode, tokenEndpointAuthMethod } from "./sso";
import { users } from "./users";

/** auto_provision: a stranger with an allowed, trusted email gets a new login; match_only: existing logins only. */
export const loginProviderProvisioning = pgEnum("login_provider_provisioning", ["auto_provision", "match_only"]);

/** Which claim feeds each profile field of a user signing in through a login provider. */
export type LoginProviderAttributeMapping = {
  username: string;
  email: string;
  name: string;
  picture: string;
  website: string;
  company: string;
  locale: string;
};

/** What the last Test Connection found, shown on the provider's page. */
export type LoginProviderTestResult = { at: string; ok: boolean; items: { id: string; label: string; status: string; detail?: string }[] };

/**
 * A deployment-wide login provider ("Sign in with Google"), managed by staff. A convenience, not
 * SSO: it vouches only for the person, never for an account. The client secret is stored
 * encrypted (ENCRYPTION_KEY); `identifier` is the provider's name in URLs (callback included).
 */
export const loginProviders = pgTable("login_providers", {
  id: uuid("id").primaryKey().defaultRandom(),
  identifier: text("identifier").notNull().unique(),
  name: text("name").notNull(),
  /** For staff only: never shown on the login page. */
  description: text("description").notNull().default(""),
  discoveryUrl: text("discovery_url").notNull(),
  issuer: text("issuer"),
  clientId: text("client_id").notNull(),
  clientSecretEncrypted: text("client_secret_encrypted"),
  tokenEndpointAuthMethod: tokenEndpointAuthMethod("token_endpoint_auth_method").notNull().default("client_secret_post"),
  scopes: text("scopes").notNull().default("openid profile email"),
  provisioningMode: loginProviderProvisioning("provisioning_mode").notNull().default("auto_provision"),
  /** Empty: any email domain. */
  allowedDomains: text("allowed_domains").array().notNull().default([]),
  /** verify_with_claim, trust or always_verify (verified_domains belongs to account connections). */
  emailTrust: emailTrustMode("email_trust").notNull().default("verify_with_claim"),
  attributeMapping: jsonb("attribute_mapping").$type<LoginProviderAttributeMapping>().notNull(),
  logoDataUrl: text("logo_data_url"),
  buttonText: text("button_text").notNull(),
  enabled: boolean("enabled").notNull().default(false),
  displayOrder: integer("display_order").notNull().default(0),
  lastTest: jsonb("last_test").$type<LoginProviderTestResult>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A person's identity at a login provider, keyed by (provider, issuer, subject): never by email.
 * `email` is what the provider last said, shown on the connected-accounts page.
 */
export const loginProviderIdentities = pgTable(
  "login_provider_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => loginProviders.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email"),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("login_provider_identities_key").on(t.providerId, t.issuer, t.subject),
    // One identity per provider and user: linking a second Google login would make unlinking ambiguous.
    uniqueIndex("login_provider_identities_user_key").on(t.providerId, t.userId),
  ],
);

/**
 * One round trip to a login provider: state, nonce and PKCE verifier kept server-side for one use,
 * bound to the starting browser (hash of its flow cookie). `link` flows carry the signed-in user.
 */
export const loginProviderFlows = pgTable(
  "login_provider_flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stateHash: text("state_hash").notNull().unique(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => loginProviders.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<"sign_in" | "link">().notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "cascade" }),
    codeVerifier: text("code_verifier").notNull(),
    nonce: text("nonce").notNull(),
    callbackUrl: text("callback_url"),
    browserBindingHash: text("browser_binding_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [index("login_provider_flows_expires_idx").on(t.expiresAt)],
);

/**
 * A provider sign-in held back for the person: a verification link we emailed (`kind` verify), or
 * the confirmation to link the identity to the existing login with that email (`kind` confirm).
 * Only the token's SHA-256 is stored; single use; short-lived.
 */
export const loginProviderPending = pgTable("login_provider_pending", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  kind: text("kind").$type<"verify" | "confirm">().notNull(),
  providerId: uuid("provider_id")
    .notNull()
    .references(() => loginProviders.id, { onDelete: "cascade" }),
  issuer: text("issuer").notNull(),
  subject: text("subject").notNull(),
  email: text("email").notNull(),
  /** For a confirmation: the login the decision chose, the only one the confirmation may link. */
  userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
  claims: jsonb("claims").$type<Record<string, unknown>>().notNull(),
  callbackUrl: text("callback_url"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Deployment-wide settings: one row (id 1). */
export const deploymentSettings = pgTable("deployment_settings", {
  id: integer("id").primaryKey().default(1),
  /** "Federated Login": shows enabled login providers under "Or continue with" on /login. */
  federatedLoginEnabled: boolean("federated_login_enabled").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type LoginProvider = typeof loginProviders.$inferSelect;
export type LoginProviderIdentity = typeof loginProviderIdentities.$inferSelect;
export type LoginProviderProvisioning = (typeof loginProviderProvisioning.enumValues)[number];
