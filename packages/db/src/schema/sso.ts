import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { memberRole } from "./members";
import { ssoSetupLinks } from "./setup-links";
import { users } from "./users";

export const ssoProvider = pgEnum("sso_provider", ["google", "okta", "entra", "oidc", "saml"]);
export const samlSource = pgEnum("saml_source", ["metadata_url", "metadata_xml", "manual"]);
export const provisioningMode = pgEnum("provisioning_mode", ["match", "jit"]);
export const emailTrustMode = pgEnum("email_trust_mode", ["verify_with_claim", "trust", "always_verify", "verified_domains"]);
export const tokenEndpointAuthMethod = pgEnum("token_endpoint_auth_method", ["client_secret_post", "client_secret_basic", "none"]);

/** One IdP signing certificate a SAML connection trusts; several during a rotation. */
export type StoredCertificate = {
  pem: string;
  sha256Fingerprint: string;
  subject: string;
  notAfter: string;
  addedAt: string;
  /** Last time a sign-in's signature verified with this certificate: tells the admin which is safe to remove. */
  lastVerifiedAt: string | null;
};

/** Which claim or SAML attribute feeds each profile field. */
export type AttributeMapping = {
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  username: string;
  picture: string;
};

/** What the last Authenticate or test sign-in brought back, shown on the connection's page. */
export type SsoResultSummary = {
  at: string;
  ok: boolean;
  purpose: "authenticate" | "test_email" | "sign_in";
  email: string | null;
  name: string | null;
  /** The member the email maps to, or why it maps to none. */
  memberLabel: string | null;
  reason: string | null;
  advice: string | null;
  clockOffsetSeconds: number | null;
  byUserEmail: string | null;
};

/**
 * An account's connection to its identity provider. SAML connections are mirrored into
 * Jackson (tenant = this id); OIDC connections are spoken to directly. Client secrets are
 * stored encrypted (ENCRYPTION_KEY) and never leave the server.
 */
export const ssoConnections = pgTable(
  "sso_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    provider: ssoProvider("provider").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    buttonText: text("button_text").notNull(),
    logoDataUrl: text("logo_data_url"),
    enabled: boolean("enabled").notNull().default(false),

    discoveryUrl: text("discovery_url"),
    issuer: text("issuer"),
    clientId: text("client_id"),
    clientSecretEncrypted: text("client_secret_encrypted"),
    /** When the IdP says the client secret stops working (entered by the admin, optional): drives the expiry warnings and reminders. */
    clientSecretExpiresAt: timestamp("client_secret_expires_at", { withTimezone: true }),
    tokenEndpointAuthMethod: tokenEndpointAuthMethod("token_endpoint_auth_method"),
    scopes: text("scopes").notNull().default("openid profile email"),
    googleHostedDomain: text("google_hosted_domain"),

    samlSource: samlSource("saml_source"),
    metadataUrl: text("metadata_url"),
    metadataXml: text("metadata_xml"),
    idpEntityId: text("idp_entity_id"),
    idpSsoUrl: text("idp_sso_url"),
    certificates: jsonb("certificates").$type<StoredCertificate[]>().notNull().default([]),
    metadataRefreshedAt: timestamp("metadata_refreshed_at", { withTimezone: true }),
    clockSkewSeconds: integer("clock_skew_seconds").notNull().default(120),
    idpInitiatedEnabled: boolean("idp_initiated_enabled").notNull().default(false),

    provisioningMode: provisioningMode("provisioning_mode").notNull().default("match"),
    jitRole: memberRole("jit_role").notNull().default("member"),
    allowedDomains: text("allowed_domains").array().notNull().default([]),
    emailTrust: emailTrustMode("email_trust").notNull().default("verify_with_claim"),
    attributeMapping: jsonb("attribute_mapping").$type<AttributeMapping>().notNull(),

    lastResult: jsonb("last_result").$type<SsoResultSummary>(),
    /** Time of the last successful Authenticate or test sign-in: a connection can be enabled only after one. */
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    /**
     * An admin's "I already tested this connection", allowed only once a successful Authenticate
     * or test sign-in exists; who said so is kept beside it.
     */
    markedTestedAt: timestamp("marked_tested_at", { withTimezone: true }),
    markedTestedByUserId: uuid("marked_tested_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Raw claims of the last real sign-in, for the attribute mapping preview. */
    lastClaims: jsonb("last_claims").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The ACS finds a connection by the IdP entity ID a response names.
  (t) => [index("sso_connections_account_idx").on(t.accountId), index("sso_connections_idp_entity_id_idx").on(t.idpEntityId)],
);

/**
 * One SSO round trip in progress: the state we sent, the PKCE verifier and nonce we keep,
 * and what the sign-in is for. Single use; expires after 10 minutes.
 */
export const ssoFlows = pgTable(
  "sso_flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stateHash: text("state_hash").notNull().unique(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => ssoConnections.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<"sign_in" | "authenticate" | "test_email">().notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "cascade" }),
    testId: uuid("test_id"),
    /**
     * Set on an Authenticate started through a setup link: the flow proves the connection's settings
     * for that link's recipient and can never sign anyone in (decideSetupLinkFlow).
     */
    setupLinkId: uuid("setup_link_id").references(() => ssoSetupLinks.id, { onDelete: "cascade" }),
    codeVerifier: text("code_verifier").notNull(),
    nonce: text("nonce").notNull(),
    callbackUrl: text("callback_url"),
    /**
     * SHA-256 of the secret in the starting browser's flow cookie: the callback must come from that
     * browser (login CSRF). Null only on flows opened before this column existed; those are refused.
     */
    browserBindingHash: text("browser_binding_hash"),
    /** What our ACS measured before Jackson saw the response: clock offset, which certificate signed. */
    observations: jsonb("observations").$type<SamlObservations>(),
    /**
     * The IdP's claims from the verified SAML response, encrypted (ENCRYPTION_KEY): the ACS sets them,
     * the callback in the starting browser uses and clears them. Null until the ACS has verified one.
     */
    samlClaims: text("saml_claims"),
    /**
     * The id hash of the session the starting browser held (null: none). A SAML sign-in that
     * finishes in the ACS itself (whose cross-site POST carries no session cookie) carries that
     * session's grants over, as the callback does from the cookie.
     */
    startingSessionHash: text("starting_session_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [index("sso_flows_browser_binding_idx").on(t.browserBindingHash)],
);

/**
 * A test sign-in an admin asked a member to try by email. The link's token is stored only as its
 * SHA-256; the request is good for 24 hours and until a test sign-in through it succeeds.
 * `sso_flows.test_id` points here for flows with purpose 'test_email'.
 */
export const ssoTestRequests = pgTable(
  "sso_test_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => ssoConnections.id, { onDelete: "cascade" }),
    /** The member asked to test. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    requestedByUserId: uuid("requested_by_user_id").references(() => users.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("sso_test_requests_connection_idx").on(t.connectionId)],
);

export type SamlObservations = { clockOffsetSeconds: number | null; certificateFingerprint: string | null };

/**
 * An IdP identity (connection + issuer + subject: OIDC iss + sub, SAML IdP entity ID + NameID)
 * linked to one user at its first sign-in: the key that survives an email change at the IdP, and
 * the record that this identity once proved its email by a verification link.
 */
export const ssoIdentities = pgTable(
  "sso_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => ssoConnections.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    emailProvenAt: timestamp("email_proven_at", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sso_identities_connection_subject_key").on(t.connectionId, t.issuer, t.subject),
    index("sso_identities_connection_user_idx").on(t.connectionId, t.userId),
  ],
);

/** SAML response and assertion IDs already used, kept until they expire: a replay is refused. */
export const samlSeenIds = pgTable(
  "saml_seen_ids",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  // The periodic prune finds expired ids by this, in bounded batches.
  (t) => [index("saml_seen_ids_expires_at_idx").on(t.expiresAt)],
);

/** A sign-in held back until the person clicks the link we emailed (untrusted IdP email). */
export const ssoEmailVerifications = pgTable("sso_email_verifications", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  connectionId: uuid("connection_id")
    .notNull()
    .references(() => ssoConnections.id, { onDelete: "cascade" }),
  subject: text("subject").notNull(),
  email: text("email").notNull(),
  claims: jsonb("claims").$type<Record<string, unknown>>().notNull(),
  callbackUrl: text("callback_url"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Every Authenticate, test and sign-in result per connection, newest shown first. */
export const ssoResults = pgTable(
  "sso_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => ssoConnections.id, { onDelete: "cascade" }),
    summary: jsonb("summary").$type<SsoResultSummary>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sso_results_connection_time_idx").on(t.connectionId, t.createdAt)],
);

/**
 * One expiry reminder sent to an account's admins: a certificate (by fingerprint) or the client
 * secret ("client_secret") of a connection, for one expiry date and one threshold (30, 14, 7, 1
 * days). The unique key makes each reminder go out once, whichever replica's sweep runs; a new
 * secret date or certificate starts a fresh set.
 */
export const ssoExpiryReminders = pgTable(
  "sso_expiry_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => ssoConnections.id, { onDelete: "cascade" }),
    credential: text("credential").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    thresholdDays: integer("threshold_days").notNull(),
    recipients: integer("recipients").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sso_expiry_reminders_once_key").on(t.connectionId, t.credential, t.expiresAt, t.thresholdDays)],
);

export type SsoConnection = typeof ssoConnections.$inferSelect;
export type NewSsoConnection = typeof ssoConnections.$inferInsert;
export type SsoProvider = (typeof ssoProvider.enumValues)[number];
export type SsoFlow = typeof ssoFlows.$inferSelect;
export type SsoTestRequest = typeof ssoTestRequests.$inferSelect;
