import { z } from "zod";
import { domainList } from "../connection-input";

// The Identity Providers console's form, shared by the page and the server action.
// Plain zod only: this file may be imported by browser code.

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);
const claim = text(100).regex(/^[A-Za-z0-9_:./-]*$/, "Claim names use letters, digits and _ : . / - only.");

export const providerMappingSchema = z.object({
  username: claim.default("preferred_username"),
  email: claim.min(1, "Name the claim that carries the email (usually email)."),
  name: claim.default("name"),
  picture: claim.default("picture"),
  website: claim.default("website"),
  company: claim.default("company"),
  locale: claim.default("locale"),
});

export const loginProviderInputSchema = z.object({
  identifier: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "Use 1–40 lowercase letters, digits or hyphens (it appears in the callback URL).")
    // These name our own routes under /api/providers.
    .refine((id) => !["verify", "confirm"].includes(id), { message: "That identifier is reserved; pick another." }),
  name: text(60).min(1, "Enter the provider's name, e.g. Google."),
  description: text(500).default(""),
  issuer: text(500).min(1, "Enter the provider's domain or issuer URL, e.g. accounts.google.com."),
  clientId: text(300).min(1, "Enter the client ID from the provider's console."),
  /** Blank on edit keeps the stored secret. */
  clientSecret: text(500).default(""),
  tokenEndpointAuthMethod: z.enum(["client_secret_post", "client_secret_basic", "none"]),
  scopes: text(300)
    .default("openid profile email")
    .transform((s) => s.split(/\s+/).filter(Boolean).join(" ") || "openid profile email")
    .refine((s) => s.split(" ").includes("openid"), { message: "Scopes must include openid." }),
  provisioningMode: z.enum(["auto_provision", "match_only"]),
  allowedDomains: domainList.default([]),
  emailTrust: z.enum(["verify_with_claim", "trust", "always_verify"]),
  attributeMapping: providerMappingSchema,
  buttonText: text(60).default(""),
  displayOrder: z.coerce.number().int("Use a whole number.").min(0).max(1000).default(0),
});

export type LoginProviderInput = z.infer<typeof loginProviderInputSchema>;

/** Ready-made guides: where each vendor shows what the form asks for. */
export const PROVIDER_GUIDES = [
  {
    id: "google",
    name: "Google",
    issuer: "accounts.google.com",
    steps: [
      "Google Cloud console → APIs & Services → Credentials → Create OAuth client ID (Web application).",
      "Add the callback URL below as an Authorised redirect URI.",
      "Copy the client ID and client secret here; keep client_secret_post.",
    ],
  },
  {
    id: "microsoft",
    name: "Microsoft",
    issuer: "login.microsoftonline.com/{tenant}/v2.0",
    steps: [
      "Entra admin center → App registrations → New registration; redirect URI (Web) = the callback URL below.",
      "Certificates & secrets → New client secret: copy its Value (not its ID).",
      'Issuer: login.microsoftonline.com/{tenant}/v2.0 with your tenant ID (or "common" is not supported: pick one tenant).',
    ],
  },
  {
    id: "auth0",
    name: "Auth0",
    issuer: "your-tenant.us.auth0.com",
    steps: [
      "Auth0 dashboard → Applications → Create Application (Regular Web Application).",
      "Allowed Callback URLs: the callback URL below.",
      "Domain, Client ID and Client Secret from the Settings tab.",
    ],
  },
  {
    id: "okta",
    name: "Okta",
    issuer: "your-org.okta.com",
    steps: [
      "Okta admin → Applications → Create App Integration → OIDC, Web Application.",
      "Sign-in redirect URI: the callback URL below.",
      "Issuer: your Okta domain; client ID and secret from the General tab.",
    ],
  },
  {
    id: "pingone",
    name: "PingOne",
    issuer: "auth.pingone.com/{env}/as",
    steps: [
      "PingOne → Applications → Add Application → OIDC Web App.",
      "Redirect URI: the callback URL below; Token endpoint auth method as chosen here.",
      "Issuer: auth.pingone.com/{environment ID}/as.",
    ],
  },
  {
    id: "oidc",
    name: "Custom OpenID Connect",
    issuer: "https://idp.example.com",
    steps: [
      "Register a confidential client (or public with PKCE, auth method none) with the callback URL below.",
      "Issuer: the URL whose /.well-known/openid-configuration describes the provider.",
      "Map claims below if your provider names them differently.",
    ],
  },
] as const;
