import { connectionHealth, isAccountAdmin, previewMapping, recordAuditEvent, type Actor, type MappingLine } from "@gatehouse/core";
import { checkOidcDiscovery, fetchSamlMetadata, inspectSamlMetadata, type CheckItem, type SamlMetadataReport } from "../checks";
import type { SsoContext } from "../context";
import { getConnection } from "./queries";

export type TestConnectionReport = {
  ok: boolean;
  protocol: "oidc" | "saml";
  items: CheckItem[];
  /** `source`: read from the IdP's metadata, or entered by hand by the admin. */
  saml?: Pick<SamlMetadataReport, "entityId" | "ssoServices" | "certificates" | "nameIdFormats"> & { source: "metadata" | "entered" };
  /** The attribute mapping applied to the last real sign-in's claims ("email ← upn = …"). */
  mappingPreview: MappingLine[] | null;
  testedAt: string;
};

/**
 * Test Connection: for OIDC, live discovery against the IdP; for SAML, the metadata (re-read
 * from its URL when there is one). Nothing is changed; the outcome is audited.
 */
export async function testConnection(
  ctx: SsoContext,
  input: { accountId: string; connectionId: string; actor: Actor },
): Promise<{ ok: true; value: TestConnectionReport } | { ok: false; error: string }> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return { ok: false, error: "Only account admins can test connections." };
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return { ok: false, error: "That connection no longer exists." };
  const mappingPreview = connection.lastClaims ? previewMapping(connection.lastClaims, connection.attributeMapping) : null;
  let report: TestConnectionReport;
  if (connection.provider === "saml") {
    let xml = connection.metadataXml ?? "";
    const items: CheckItem[] = [];
    if (connection.samlSource === "metadata_url" && connection.metadataUrl) {
      const fetched = await fetchSamlMetadata(connection.metadataUrl, { fetchImpl: ctx.fetchImpl });
      items.push(
        fetched.ok
          ? { id: "metadata_url", label: "Metadata URL", status: "ok", detail: `Read ${connection.metadataUrl}` }
          : { id: "metadata_url", label: "Metadata URL", status: "error", detail: fetched.error },
      );
      if (fetched.ok) xml = fetched.value;
    }
    const inspected = inspectSamlMetadata(xml);
    if (!inspected.ok) items.push({ id: "metadata", label: "IdP metadata", status: "error", detail: inspected.error });
    else items.push(...inspected.value.items);
    report = {
      ok: items.every((i) => i.status !== "error"),
      protocol: "saml",
      items,
      saml: inspected.ok
        ? {
            entityId: inspected.value.entityId,
            ssoServices: inspected.value.ssoServices,
            certificates: inspected.value.certificates,
            nameIdFormats: inspected.value.nameIdFormats,
            source: connection.samlSource === "manual" ? "entered" : "metadata",
          }
        : undefined,
      mappingPreview,
      testedAt: new Date().toISOString(),
    };
  } else {
    const check = await checkOidcDiscovery({
      discoveryUrl: connection.discoveryUrl ?? "",
      expectedIssuer: connection.issuer ?? undefined,
      scopes: connection.scopes.split(/\s+/).filter(Boolean),
      tokenEndpointAuthMethod: connection.tokenEndpointAuthMethod ?? "client_secret_post",
      fetchImpl: ctx.fetchImpl,
    });
    const items = [...check.items, ...clientSecretExpiryItem(connection)];
    report = { ok: items.every((i) => i.status !== "error"), protocol: "oidc", items, mappingPreview, testedAt: new Date().toISOString() };
  }
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: input.actor,
    action: report.ok ? "sso.connection.test_passed" : "sso.connection.test_failed",
    target: { type: "sso_connection", id: connection.id, label: connection.name },
    metadata: { failed: report.items.filter((i) => i.status === "error").map((i) => i.id) },
  });
  return { ok: true, value: report };
}

/** The admin-entered client secret expiry: an expired secret fails the test, a close one warns. */
function clientSecretExpiryItem(connection: Parameters<typeof connectionHealth>[0]): CheckItem[] {
  const health = connectionHealth(connection, new Date());
  if (!health.credential) return [];
  const label = "Client secret expiry";
  if (health.status === "expired") return [{ id: "client_secret_expiry", label, status: "error", detail: health.message ?? "" }];
  if (health.status === "expiring") return [{ id: "client_secret_expiry", label, status: "warn", detail: health.message ?? "" }];
  return [{ id: "client_secret_expiry", label, status: "ok", detail: `Valid until ${health.credential.expiresAt.toISOString().slice(0, 10)}.` }];
}
