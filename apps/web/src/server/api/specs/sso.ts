import { z } from "zod";
import { defineSpec } from "../route-spec";
import { accountParams, BASE, connectionParams } from "./common";

const url = z.url({ message: "Enter a full URL starting with https://" }).max(2000);
const optionalSettings = {
  name: z.string().trim().min(1).max(100).optional().meta({ description: "Defaults to the provider's name" }),
  buttonText: z.string().trim().min(1).max(60).optional(),
};

const oidcFields = {
  issuerUrl: url.optional().meta({ description: "Okta org URL, Entra issuer, or OpenID configuration URL (optional for google)" }),
  clientId: z.string().trim().min(1, "Enter the client ID.").max(500),
  clientSecret: z.string().min(1, "Enter the client secret.").max(2000).meta({ description: "Stored encrypted; never returned" }),
  hostedDomain: z.string().trim().max(253).optional().meta({ description: "google only: the Workspace domain whose accounts may sign in" }),
  ...optionalSettings,
};
const oidcBody = (provider: "okta" | "azure" | "google" | "oidc") => z.object({ provider: z.literal(provider), ...oidcFields });

/** One of three SAML sources, exactly: a metadata URL, the metadata XML, or the IdP's values by hand. */
const samlBody = z
  .object({
    provider: z.literal("saml"),
    metadataUrl: url.optional(),
    metadataXml: z.string().min(1).max(1_000_000, "Metadata over 1 MB is not accepted.").optional(),
    entityId: z.string().trim().min(1).max(1024).optional(),
    ssoUrl: url.optional(),
    certificate: z.string().min(1).max(64_000).optional(),
    ...optionalSettings,
  })
  .superRefine((body, ctx) => {
    const manual = body.entityId !== undefined || body.ssoUrl !== undefined || body.certificate !== undefined;
    const sources = [body.metadataUrl !== undefined, body.metadataXml !== undefined, manual].filter(Boolean).length;
    if (sources !== 1)
      ctx.addIssue({ code: "custom", path: ["metadataUrl"], message: "Send exactly one of metadataUrl, metadataXml, or entityId + ssoUrl + certificate." });
    if (manual) {
      for (const field of ["entityId", "ssoUrl", "certificate"] as const) {
        if (body[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `Send ${field} with the other hand-entered SAML values.` });
      }
    }
  });

export const connectionBodySchema = z
  .discriminatedUnion("provider", [oidcBody("okta"), oidcBody("azure"), oidcBody("google"), oidcBody("oidc"), samlBody], {
    error: "Choose a provider: okta, azure, google, oidc or saml.",
  })
  .meta({
    id: "ConnectionInput",
    description:
      'OIDC: {provider, issuerUrl, clientId, clientSecret} for okta | azure | google | oidc. SAML: {provider: "saml", metadataUrl} or {provider: "saml", metadataXml} or {provider: "saml", entityId, ssoUrl, certificate}.',
  });
export type ConnectionBody = z.output<typeof connectionBodySchema>;

export const connectionSchema = z
  .object({
    id: z.uuid(),
    provider: z.enum(["okta", "azure", "google", "oidc", "saml"]),
    protocol: z.enum(["oidc", "saml"]),
    name: z.string(),
    buttonText: z.string(),
    enabled: z.boolean(),
    isVerified: z.boolean().meta({ description: "Authenticate succeeded with the current settings" }),
    issuerUrl: z.string().nullable(),
    clientId: z.string().nullable(),
    hasClientSecret: z.boolean(),
    entityId: z.string().nullable(),
    ssoUrl: z.string().nullable(),
    metadataUrl: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Connection", description: "An SSO connection; the client secret is never returned" });

export const testReportSchema = z
  .object({
    ok: z.boolean(),
    protocol: z.enum(["oidc", "saml"]),
    items: z.array(z.object({ id: z.string(), label: z.string(), status: z.string(), detail: z.string().optional() }).passthrough()),
    testedAt: z.string(),
  })
  .passthrough()
  .meta({ id: "TestConnectionReport" });

const deleted = z.object({ id: z.uuid(), deleted: z.literal(true) });
const SSO = `${BASE}/{id}/settings/sso`;
const CONNECTIONS = `${BASE}/{id}/connections`;

export const getDefaultSso = defineSpec({
  method: "GET",
  path: SSO,
  operationId: "getSso",
  summary: "The account's default SSO connection (its first)",
  tag: "SSO",
  params: accountParams,
  data: connectionSchema,
  adminOnly: true,
  errors: [404],
});
export const putDefaultSso = defineSpec({
  method: "PUT",
  path: SSO,
  operationId: "putSso",
  summary: "Create or replace the default SSO connection's settings",
  description: "Creates the account's first connection (201), or changes its IdP settings (200). A provider cannot change: DELETE first.",
  tag: "SSO",
  params: accountParams,
  body: connectionBodySchema,
  data: connectionSchema,
  adminOnly: true,
  errors: [400, 404, 409, 422],
});
export const deleteDefaultSso = defineSpec({
  method: "DELETE",
  path: SSO,
  operationId: "deleteSso",
  summary: "Delete the default SSO connection",
  tag: "SSO",
  params: accountParams,
  data: deleted,
  adminOnly: true,
  errors: [404, 409],
});
export const testDefaultSso = defineSpec({
  method: "POST",
  path: `${SSO}/test`,
  operationId: "testSso",
  summary: "Test Connection on the default connection",
  description: "No body. OIDC: live discovery; SAML: reads the metadata. 200 with the report when valid, 422 with the report when not.",
  tag: "SSO",
  params: accountParams,
  data: testReportSchema,
  adminOnly: true,
  errors: [404, 422],
});

export const listConnectionsSpec = defineSpec({
  method: "GET",
  path: CONNECTIONS,
  operationId: "listConnections",
  summary: "All SSO connections",
  tag: "SSO",
  params: accountParams,
  data: z.array(connectionSchema),
  adminOnly: true,
});
export const createConnectionSpec = defineSpec({
  method: "POST",
  path: CONNECTIONS,
  operationId: "createConnection",
  summary: "Add an SSO connection",
  tag: "SSO",
  params: accountParams,
  body: connectionBodySchema,
  data: connectionSchema,
  successStatus: 201,
  adminOnly: true,
  errors: [400, 422],
});
export const getConnectionSpec = defineSpec({
  method: "GET",
  path: `${CONNECTIONS}/{connectionId}`,
  operationId: "getConnection",
  summary: "One SSO connection",
  tag: "SSO",
  params: connectionParams,
  data: connectionSchema,
  adminOnly: true,
  errors: [404],
});
export const putConnectionSpec = defineSpec({
  method: "PUT",
  path: `${CONNECTIONS}/{connectionId}`,
  operationId: "putConnection",
  summary: "Change a connection's IdP settings",
  tag: "SSO",
  params: connectionParams,
  body: connectionBodySchema,
  data: connectionSchema,
  adminOnly: true,
  errors: [400, 404, 409, 422],
});
export const deleteConnectionSpec = defineSpec({
  method: "DELETE",
  path: `${CONNECTIONS}/{connectionId}`,
  operationId: "deleteConnection",
  summary: "Delete a connection",
  tag: "SSO",
  params: connectionParams,
  data: deleted,
  adminOnly: true,
  errors: [404, 409],
});
export const testConnectionSpec = defineSpec({
  method: "POST",
  path: `${CONNECTIONS}/{connectionId}/test`,
  operationId: "testConnection",
  summary: "Test Connection",
  tag: "SSO",
  params: connectionParams,
  data: testReportSchema,
  adminOnly: true,
  errors: [404, 422],
});
