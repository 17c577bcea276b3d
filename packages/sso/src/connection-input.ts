import { z } from "zod";

// The Configure SSO wizard's input, shared by the form (zodResolver) and the server action.
// Plain zod only: this file is imported by browser code.

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const required = (label: string, max = 2000) => text(max).min(1, `Enter the ${label}.`);

export const SSO_PROVIDER_IDS = ["google", "okta", "entra", "oidc", "saml"] as const;
export type SsoProviderId = (typeof SSO_PROVIDER_IDS)[number];

export const attributeMappingSchema = z.object({
  email: text(200).min(1, "Name the claim or attribute that carries the email."),
  firstName: text(200),
  lastName: text(200),
  displayName: text(200),
  username: text(200),
  picture: text(200),
});

/** "acme.com, @globex.com" → a list of lower-case domains (connections and login providers). */
export const domainList = z
  .string()
  .trim()
  .max(2000)
  .transform((s) => [
    ...new Set(
      s
        .split(/[\s,]+/)
        .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    ),
  ])
  .refine((list) => list.every((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)), { message: "Enter domains like acme.com, separated by commas." });

/** Settings every connection has, whatever its protocol. */
export const commonSettingsSchema = z.object({
  name: required("connection name", 100),
  description: text(500).default(""),
  buttonText: required("sign-in button text", 60),
  provisioningMode: z.enum(["match", "jit"]).default("match"),
  jitRole: z.enum(["admin", "member"]).default("member"),
  allowedDomains: domainList.default([]),
  emailTrust: z.enum(["verify_with_claim", "trust", "always_verify", "verified_domains"]),
  attributeMapping: attributeMappingSchema,
});

/** How the connection appears: its name (to admins) and its sign-in button's text (to members). */
export const connectionDisplaySchema = commonSettingsSchema.pick({ name: true, buttonText: true });

export const oidcFieldsSchema = z.object({
  /** Okta organisation URL, Entra issuer or metadata URL, or an OpenID configuration URL. */
  discoveryInput: text(2000).default(""),
  clientId: required("client ID", 500),
  /** Empty on an update keeps the saved secret. */
  clientSecret: text(2000).default(""),
  /** Optional "YYYY-MM-DD" the IdP gave for the secret's end: drives expiry warnings and reminders. */
  clientSecretExpiresOn: z
    .string()
    .trim()
    .refine((s) => s === "" || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))), {
      message: "Enter a date like 2027-01-31, or leave it empty.",
    })
    .default(""),
  tokenEndpointAuthMethod: z.enum(["client_secret_post", "client_secret_basic", "none"]).default("client_secret_post"),
  scopes: text(500)
    .default("openid profile email")
    .refine((s) => s.split(/\s+/).includes("openid"), { message: "Scopes must include openid." }),
  googleHostedDomain: text(253).default(""),
});

export const samlFieldsSchema = z.object({
  samlSource: z.enum(["metadata_url", "metadata_xml", "manual"]),
  metadataUrl: text(2000).default(""),
  metadataXml: z.string().max(1_000_000, "Metadata over 1 MB is not accepted.").default(""),
  idpEntityId: text(1024).default(""),
  idpSsoUrl: text(2000).default(""),
  certificatePem: z.string().max(64_000, "A certificate over 64 KB is not accepted.").default(""),
  clockSkewSeconds: z.coerce.number().int().min(0, "Use 0 seconds or more.").max(600, "Use at most 600 seconds (10 minutes).").default(120),
  idpInitiatedEnabled: z.coerce.boolean().default(false),
});

/** OIDC fields where the IdP's address is required, named as that IdP's console names it. */
const oidcFieldsRequiring = (what: string) => oidcFieldsSchema.extend({ discoveryInput: required(what) });

export const connectionInputSchema = z.discriminatedUnion("provider", [
  commonSettingsSchema.extend({ provider: z.literal("google") }).merge(oidcFieldsSchema),
  commonSettingsSchema.extend({ provider: z.literal("okta") }).merge(oidcFieldsRequiring("Okta organisation URL")),
  commonSettingsSchema.extend({ provider: z.literal("entra") }).merge(oidcFieldsRequiring("issuer URL or OpenID metadata document")),
  commonSettingsSchema.extend({ provider: z.literal("oidc") }).merge(oidcFieldsRequiring("OpenID configuration URL")),
  commonSettingsSchema.extend({ provider: z.literal("saml") }).merge(samlFieldsSchema),
]);

export type ConnectionInput = z.output<typeof connectionInputSchema>;
export type OidcConnectionInput = Extract<ConnectionInput, { provider: "google" | "okta" | "entra" | "oidc" }>;
export type SamlConnectionInput = Extract<ConnectionInput, { provider: "saml" }>;
