import { PROVIDERS } from "@gatehouse/core";
import { deleteConnection, getConnectionView, listConnections, saveConnection, testConnection, type ConnectionView } from "@gatehouse/sso";
import type { z } from "zod";
import { env } from "@/env";
import { ssoContext } from "@/server/sso-context";
import type { ApiAccount, ApiCaller } from "./caller";
import { notFound, refuse, succeed, validationFailed, type ApiReply } from "./envelope";
import type { ConnectionBody, connectionSchema } from "./specs/sso";

// Seed 003 calls Microsoft Entra ID "azure"; the console calls it entra.
const toStored = (provider: ConnectionBody["provider"]) => (provider === "azure" ? "entra" : provider);
const toApi = (provider: ConnectionView["provider"]) => (provider === "entra" ? "azure" : provider);

/** A connection as the API shows it: never the client secret, only whether one is stored. */
export function toApiConnection(view: ConnectionView): z.input<typeof connectionSchema> {
  return {
    id: view.id,
    provider: toApi(view.provider),
    protocol: view.protocol,
    name: view.name,
    buttonText: view.buttonText,
    enabled: view.enabled,
    isVerified: view.isVerified,
    issuerUrl: view.discoveryUrl,
    clientId: view.clientId,
    hasClientSecret: view.clientSecretMask !== null,
    entityId: view.idpEntityId,
    ssoUrl: view.idpSsoUrl,
    metadataUrl: view.metadataUrl,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

/**
 * The API's short body as the Configure SSO wizard's input: the IdP fields from the body, every
 * other setting kept from the saved connection (or the provider's defaults for a new one).
 */
function wizardInput(body: ConnectionBody, existing: ConnectionView | null): Record<string, unknown> {
  const provider = toStored(body.provider);
  const info = PROVIDERS[provider];
  const common = {
    provider,
    name: body.name ?? existing?.name ?? info.label,
    description: existing?.description ?? "",
    buttonText: body.buttonText ?? existing?.buttonText ?? info.defaultButtonText,
    provisioningMode: existing?.provisioningMode ?? "match",
    jitRole: existing?.jitRole ?? "member",
    allowedDomains: existing?.allowedDomains.join(", ") ?? "",
    emailTrust: existing?.emailTrust ?? info.defaultEmailTrust,
    attributeMapping: existing?.attributeMapping ?? info.defaultMapping,
  };
  if (body.provider === "saml") {
    const samlSource = body.metadataUrl !== undefined ? "metadata_url" : body.metadataXml !== undefined ? "metadata_xml" : "manual";
    return {
      ...common,
      samlSource,
      metadataUrl: body.metadataUrl ?? "",
      metadataXml: body.metadataXml ?? "",
      idpEntityId: body.entityId ?? "",
      idpSsoUrl: body.ssoUrl ?? "",
      certificatePem: body.certificate ?? "",
      clockSkewSeconds: existing?.clockSkewSeconds ?? 120,
      idpInitiatedEnabled: existing?.idpInitiatedEnabled ?? false,
    };
  }
  return {
    ...common,
    discoveryInput: body.issuerUrl ?? "",
    clientId: body.clientId,
    clientSecret: body.clientSecret,
    tokenEndpointAuthMethod: existing?.tokenEndpointAuthMethod ?? "client_secret_post",
    scopes: existing?.scopes ?? "openid profile email",
    googleHostedDomain: body.hostedDomain ?? existing?.googleHostedDomain ?? "",
  };
}

// The wizard's field names, as the API body names them.
const API_FIELD: Record<string, string> = {
  discoveryInput: "issuerUrl",
  idpEntityId: "entityId",
  idpSsoUrl: "ssoUrl",
  certificatePem: "certificate",
  googleHostedDomain: "hostedDomain",
};

export async function loadConnection(accountId: string, connectionId: string) {
  return getConnectionView(ssoContext().db, accountId, connectionId, env().ENCRYPTION_KEY);
}

/** The account's default connection: its first, as Seed 003's single-connection paths expect. */
export async function defaultConnection(accountId: string): Promise<ConnectionView | null> {
  return (await listConnections(ssoContext().db, accountId, env().ENCRYPTION_KEY))[0] ?? null;
}

export async function listApiConnections(accountId: string) {
  return (await listConnections(ssoContext().db, accountId, env().ENCRYPTION_KEY)).map(toApiConnection);
}

/** Creates (existing null) or changes a connection through the wizard's one save operation. */
export async function saveApiConnection(caller: ApiCaller, account: ApiAccount, existing: ConnectionView | null, body: ConnectionBody): Promise<ApiReply> {
  if (existing && existing.provider !== toStored(body.provider)) {
    return refuse(
      409,
      "PROVIDER_CHANGE",
      `This connection is ${toApi(existing.provider)}; a connection's provider cannot change. Delete it, or add another connection.`,
    );
  }
  const saved = await saveConnection(ssoContext(), {
    accountId: account.id,
    actor: caller.actor,
    connectionId: existing?.id,
    data: wizardInput(body, existing),
  });
  if (!saved.ok) {
    const fields = Object.fromEntries(Object.entries(saved.error.fieldErrors ?? {}).map(([field, message]) => [API_FIELD[field] ?? field, message]));
    return Object.keys(fields).length > 0 ? validationFailed(fields) : refuse(422, "SSO_CONFIGURATION_REJECTED", saved.error.message);
  }
  const view = await loadConnection(account.id, saved.value.id);
  return succeed(view && toApiConnection(view), existing ? "SSO connection updated" : "SSO connection created", existing ? 200 : 201);
}

export async function deleteApiConnection(caller: ApiCaller, account: ApiAccount, connection: ConnectionView | null): Promise<ApiReply> {
  if (!connection) return notFound("SSO connection");
  const deleted = await deleteConnection(ssoContext(), { accountId: account.id, connectionId: connection.id, actor: caller.actor });
  if (!deleted.ok) return refuse(409, "SSO_DELETE_REFUSED", deleted.error);
  return succeed({ id: connection.id, deleted: true }, "SSO connection deleted");
}

/** Test Connection's report in the envelope: 200 when every check passed, 422 with the report otherwise. */
export async function testApiConnection(caller: ApiCaller, account: ApiAccount, connection: ConnectionView | null): Promise<ApiReply> {
  if (!connection) return notFound("SSO connection");
  const tested = await testConnection(ssoContext(), { accountId: account.id, connectionId: connection.id, actor: caller.actor });
  if (!tested.ok) return refuse(404, "NOT_FOUND", tested.error);
  return tested.value.ok
    ? succeed(tested.value, "SSO configuration is valid")
    : refuse(
        422,
        "SSO_CONFIGURATION_INVALID",
        `SSO configuration has problems: ${tested.value.items.find((i) => i.status === "error")?.detail ?? "see the report"}`,
        tested.value,
      );
}
