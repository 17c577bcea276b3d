import { isDeepStrictEqual } from "node:util";
import { randomUUID } from "node:crypto";
import { and, eq, ne, ssoConnections, type NewSsoConnection, type SsoConnection } from "@gatehouse/db";
import { encryptSecret, isAccountAdmin, nameFromIdp, PROVIDERS, recordAuditEvent, type Actor } from "@gatehouse/core";
import { resolveOidcDiscoveryUrl } from "../checks";
import { connectionInputSchema, type ConnectionInput, type OidcConnectionInput, type SamlConnectionInput } from "../connection-input";
import type { SsoContext } from "../context";
import { syncSamlConnectionToJackson } from "./jackson-sync";
import { mergeCertificates, primarySsoUrl, resolveSamlMetadata } from "./saml-metadata";

export type SaveError = { message: string; fieldErrors?: Record<string, string> };
export type SaveResult = { ok: true; value: { id: string } } | { ok: false; error: SaveError };

const fieldError = (field: string, message: string): SaveResult => ({
  ok: false,
  error: { message: "Check the highlighted field.", fieldErrors: { [field]: message } },
});

/**
 * Creates or updates a connection from the Configure SSO wizard. Everything is validated before
 * anything is written: a bad field changes nothing. Changing how we reach the IdP clears the
 * last successful Authenticate, since it proved the old settings.
 */
export async function saveConnection(ctx: SsoContext, input: { accountId: string; actor: Actor; connectionId?: string; data: unknown }): Promise<SaveResult> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return { ok: false, error: { message: "Only account admins can configure SSO." } };
  const parsed = connectionInputSchema.safeParse(input.data);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return { ok: false, error: { message: "Check the highlighted fields.", fieldErrors } };
  }
  const data = parsed.data;
  let existing: SsoConnection | null = null;
  if (input.connectionId) {
    const [row] = await ctx.db
      .select()
      .from(ssoConnections)
      .where(and(eq(ssoConnections.id, input.connectionId), eq(ssoConnections.accountId, input.accountId)))
      .limit(1);
    if (!row) return { ok: false, error: { message: "That connection no longer exists." } };
    if (row.provider !== data.provider) return { ok: false, error: { message: "A connection's provider cannot change. Create a new connection instead." } };
    existing = row;
  }
  const id = existing?.id ?? randomUUID();
  const common = {
    name: data.name,
    description: data.description,
    buttonText: data.buttonText,
    provisioningMode: data.provisioningMode,
    jitRole: data.jitRole,
    allowedDomains: data.allowedDomains,
    emailTrust: data.emailTrust,
    attributeMapping: data.attributeMapping,
    updatedAt: new Date(),
  } satisfies Partial<NewSsoConnection>;

  const protocolFields = data.provider === "saml" ? await samlFields(ctx, data, existing) : oidcFields(ctx, data, existing);
  if (!protocolFields.ok) return protocolFields;
  const { values, reachChanged, metadataXml, idpOrganization } = protocolFields.value;
  // Generic connections left with their default name get the IdP's, so two never read alike.
  const others = await ctx.db
    .select({ buttonText: ssoConnections.buttonText })
    .from(ssoConnections)
    .where(and(eq(ssoConnections.accountId, input.accountId), ne(ssoConnections.id, id)));
  Object.assign(
    common,
    nameFromIdp({
      isGeneric: data.provider === "saml" || data.provider === "oidc",
      name: common.name,
      buttonText: common.buttonText,
      defaults: PROVIDERS[data.provider],
      idpIdentifier:
        data.provider === "saml" ? ((values.idpEntityId as string | null | undefined) ?? null) : ((values.issuer as string | null | undefined) ?? null),
      idpOrganization,
      otherButtonTexts: others.map((o) => o.buttonText),
    }),
  );

  if (metadataXml) {
    const synced = await syncSamlConnectionToJackson(ctx, id, metadataXml, {
      accountId: input.accountId,
      entityId: String(values.idpEntityId),
      actor: input.actor,
    });
    if (!synced.ok) {
      const source = data.provider === "saml" ? data.samlSource : "manual";
      return fieldError(source === "manual" ? "idpEntityId" : source === "metadata_url" ? "metadataUrl" : "metadataXml", synced.error);
    }
  }

  const verifiedAt = existing && !reachChanged ? existing.verifiedAt : null;
  await ctx.db.transaction(async (tx) => {
    if (existing) {
      await tx
        .update(ssoConnections)
        .set({ ...common, ...values, verifiedAt })
        .where(eq(ssoConnections.id, id));
    } else {
      await tx.insert(ssoConnections).values({ id, accountId: input.accountId, provider: data.provider, ...common, ...values });
    }
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: existing ? "sso.connection.updated" : "sso.connection.created",
      target: { type: "sso_connection", id, label: common.name },
      metadata: {
        provider: data.provider,
        settingsChanged: reachChanged,
        ...(data.provider === "saml" ? { samlSource: data.samlSource } : { clientId: data.clientId }),
        ...(existing ? { changes: changedSettings(existing, { ...common, ...values }, data.provider !== "saml" && Boolean(data.clientSecret)) } : {}),
      },
    });
    const expiry = { from: existing?.clientSecretExpiresAt?.toISOString() ?? null, to: values.clientSecretExpiresAt?.toISOString() ?? null };
    if (data.provider !== "saml" && expiry.from !== expiry.to) {
      await recordAuditEvent(tx, {
        accountId: input.accountId,
        actor: input.actor,
        action: "sso.connection.secret_expiry_changed",
        target: { type: "sso_connection", id, label: data.name },
        metadata: expiry,
      });
    }
  });
  return { ok: true, value: { id } };
}

type ProtocolFields =
  | { ok: true; value: { values: Partial<NewSsoConnection>; reachChanged: boolean; metadataXml: string | null; idpOrganization: string | null } }
  | { ok: false; error: SaveError };

function oidcFields(ctx: SsoContext, data: OidcConnectionInput, existing: SsoConnection | null): ProtocolFields {
  // Google's discovery document is fixed; an explicit URL is for the local sandbox and tests.
  const resolveAs = data.provider === "google" && data.discoveryInput ? "oidc" : data.provider;
  const discovery = resolveOidcDiscoveryUrl(resolveAs, data.discoveryInput);
  if (!discovery.ok) return fieldError("discoveryInput", discovery.error) as ProtocolFields;
  if (data.provider === "google" && !data.googleHostedDomain) {
    return fieldError("googleHostedDomain", "Enter your Google Workspace domain (for example acme.com): only its accounts may sign in.") as ProtocolFields;
  }
  let clientSecretEncrypted = existing?.clientSecretEncrypted ?? null;
  if (data.clientSecret) clientSecretEncrypted = encryptSecret(data.clientSecret, ctx.encryptionKey);
  if (data.tokenEndpointAuthMethod === "none") clientSecretEncrypted = null;
  else if (!clientSecretEncrypted) return fieldError("clientSecret", "Enter the client secret (its Value, as your IdP shows it once).") as ProtocolFields;
  const clientSecretExpiresAt =
    data.tokenEndpointAuthMethod === "none" || !data.clientSecretExpiresOn ? null : new Date(`${data.clientSecretExpiresOn}T00:00:00Z`);
  // A date already past is refused only when it is being entered, so an old one never blocks other edits.
  if (
    clientSecretExpiresAt &&
    clientSecretExpiresAt.getTime() !== existing?.clientSecretExpiresAt?.getTime() &&
    clientSecretExpiresAt.getTime() <= Date.now()
  ) {
    return fieldError("clientSecretExpiresOn", "That date has passed. Enter the date your new client secret expires, or leave it empty.") as ProtocolFields;
  }
  const values: Partial<NewSsoConnection> = {
    discoveryUrl: discovery.value.discoveryUrl,
    issuer: discovery.value.expectedIssuer ?? null,
    clientId: data.clientId,
    clientSecretEncrypted,
    clientSecretExpiresAt,
    tokenEndpointAuthMethod: data.tokenEndpointAuthMethod,
    scopes: data.scopes.split(/\s+/).filter(Boolean).join(" "),
    googleHostedDomain: data.provider === "google" ? data.googleHostedDomain.toLowerCase() : null,
  };
  const reachChanged =
    !existing ||
    existing.discoveryUrl !== values.discoveryUrl ||
    existing.clientId !== values.clientId ||
    Boolean(data.clientSecret) ||
    existing.tokenEndpointAuthMethod !== values.tokenEndpointAuthMethod;
  return { ok: true, value: { values, reachChanged, metadataXml: null, idpOrganization: null } };
}

async function samlFields(ctx: SsoContext, data: SamlConnectionInput, existing: SsoConnection | null): Promise<ProtocolFields> {
  const resolved = await resolveSamlMetadata(ctx, data, existing);
  if (!resolved.ok) return fieldError(resolved.error.field, resolved.error.message) as ProtocolFields;
  const { xml, report } = resolved.value;
  const values: Partial<NewSsoConnection> = {
    samlSource: data.samlSource,
    metadataUrl: data.samlSource === "metadata_url" ? data.metadataUrl : null,
    metadataXml: xml,
    idpEntityId: report.entityId,
    idpSsoUrl: primarySsoUrl(report),
    certificates: mergeCertificates(report, existing?.certificates ?? []),
    metadataRefreshedAt: data.samlSource === "metadata_url" ? new Date() : null,
    clockSkewSeconds: data.clockSkewSeconds,
    idpInitiatedEnabled: data.idpInitiatedEnabled,
  };
  const reachChanged = !existing || existing.metadataXml !== xml;
  return { ok: true, value: { values, reachChanged, metadataXml: reachChanged ? xml : null, idpOrganization: report.organizationName } };
}

export type { ConnectionInput };

// The settings an admin reads back in the audit log as old → new; secrets and metadata XML are
// only said to have changed.
const AUDITED_SETTINGS = [
  "name",
  "description",
  "buttonText",
  "provisioningMode",
  "jitRole",
  "allowedDomains",
  "emailTrust",
  "attributeMapping",
  "discoveryUrl",
  "clientId",
  "tokenEndpointAuthMethod",
  "scopes",
  "googleHostedDomain",
  "samlSource",
  "metadataUrl",
  "idpEntityId",
  "idpSsoUrl",
  "clockSkewSeconds",
  "idpInitiatedEnabled",
] as const;

function changedSettings(existing: SsoConnection, next: Partial<NewSsoConnection>, secretReplaced: boolean): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of AUDITED_SETTINGS) {
    if (!(key in next)) continue;
    const from = existing[key] ?? null;
    const to = next[key] ?? null;
    if (!isDeepStrictEqual(from, to)) changes[key] = { from, to };
  }
  if (secretReplaced) changes.clientSecret = { from: "(hidden)", to: "(new secret)" };
  return changes;
}
