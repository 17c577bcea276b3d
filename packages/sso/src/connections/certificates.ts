import { and, eq, isNull, lt, or, sql, ssoConnections, type SsoConnection, type StoredCertificate } from "@gatehouse/db";
import { fail, isAccountAdmin, nowOf, ok, recordAuditEvent, type Actor, type Result } from "@gatehouse/core";
import { buildIdpMetadataXml, fetchSamlMetadata, inspectSamlMetadata, parseSigningCertificate, type SamlMetadataReport } from "../checks";
import type { SsoContext } from "../context";
import { syncSamlConnectionToJackson } from "./jackson-sync";
import { mergeCertificates, primarySsoUrl } from "./saml-metadata";
import { getConnection } from "./queries";

const FIELD = "Next signing certificate";
const NAMEID_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The actor of unattended metadata refreshes in the audit trail. */
export const SCHEDULER_ACTOR: Actor = { userId: null, label: "scheduler", ip: null };

export type CertificateChange = { certificates: StoredCertificate[]; certificate: StoredCertificate };

/** Fingerprints compare without separators or case: "ab:cd…", "ABCD…" and "AB CD…" are one. */
const bareFingerprint = (fingerprint: string) => fingerprint.replace(/[^0-9a-f]/gi, "").toUpperCase();

/**
 * Certificate rotation, step one: the IdP's next signing certificate is trusted beside the
 * current one, so sign-ins keep working whichever key the IdP signs with. The connection's IdP
 * metadata is rebuilt with every certificate and Jackson is updated, which accepts a signature by
 * any certificate in the metadata. Nothing changes if the certificate is refused.
 */
export async function addNextCertificate(
  ctx: SsoContext,
  input: { accountId: string; connectionId: string; certificatePem: string; actor: Actor },
): Promise<Result<CertificateChange>> {
  const loaded = await loadSamlConnection(ctx, input);
  if (!loaded.ok) return loaded;
  const connection = loaded.value;
  const now = nowOf(ctx);
  const parsed = parseSigningCertificate(input.certificatePem, now);
  if (!parsed.ok) return fail(`${FIELD}: ${parsed.error}`);
  const report = parsed.value;
  const existing = connection.certificates.find((c) => bareFingerprint(c.sha256Fingerprint) === bareFingerprint(report.sha256Fingerprint));
  if (existing) {
    return fail(
      `${FIELD}: this connection already trusts this certificate (${report.subject || "SHA-256 " + report.sha256Fingerprint}). Upload the new certificate your identity provider will sign with next.`,
    );
  }
  const certificate: StoredCertificate = {
    pem: report.pem,
    sha256Fingerprint: report.sha256Fingerprint,
    subject: report.subject,
    notAfter: report.notAfter,
    addedAt: now.toISOString(),
    lastVerifiedAt: null,
  };
  return storeCertificates(ctx, input, connection, [...connection.certificates, certificate], certificate, "sso.connection.certificate_added");
}

/**
 * Certificate rotation, last step: stop trusting a certificate the IdP no longer signs with (its
 * "last verified" date tells the admin which one that is). The last certificate always stays.
 */
export async function removeCertificate(
  ctx: SsoContext,
  input: { accountId: string; connectionId: string; sha256Fingerprint: string; actor: Actor },
): Promise<Result<CertificateChange>> {
  const loaded = await loadSamlConnection(ctx, input);
  if (!loaded.ok) return loaded;
  const connection = loaded.value;
  const wanted = bareFingerprint(input.sha256Fingerprint);
  const certificate = wanted === "" ? undefined : connection.certificates.find((c) => bareFingerprint(c.sha256Fingerprint) === wanted);
  if (!certificate) return fail("This connection does not trust that certificate (any more). Reload the page to see its current certificates.");
  const certificates = connection.certificates.filter((c) => c !== certificate);
  if (certificates.length === 0) return fail("A connection needs at least one signing certificate.");
  return storeCertificates(ctx, input, connection, certificates, certificate, "sso.connection.certificate_removed");
}

/** Rebuilds the IdP metadata with the new certificate set, re-syncs Jackson, then stores and audits it. */
async function storeCertificates(
  ctx: SsoContext,
  input: { accountId: string; actor: Actor },
  connection: SsoConnection,
  certificates: StoredCertificate[],
  changed: StoredCertificate,
  action: "sso.connection.certificate_added" | "sso.connection.certificate_removed",
): Promise<Result<CertificateChange>> {
  const stored = await rebuildAndSync(ctx, connection, certificates);
  if (!stored.ok) return stored;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(ssoConnections)
      .set({ certificates, metadataXml: stored.value, updatedAt: nowOf(ctx) })
      .where(eq(ssoConnections.id, connection.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action,
      target: { type: "sso_connection", id: connection.id, label: connection.name },
      metadata: {
        sha256Fingerprint: changed.sha256Fingerprint,
        subject: changed.subject,
        notAfter: changed.notAfter,
        lastVerifiedAt: changed.lastVerifiedAt,
        certificateCount: certificates.length,
      },
    });
  });
  return ok({ certificates, certificate: changed });
}

async function loadSamlConnection(ctx: SsoContext, input: { accountId: string; connectionId: string; actor: Actor }): Promise<Result<SsoConnection>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can configure SSO.");
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return fail("That connection no longer exists.");
  if (connection.provider !== "saml") return fail("Signing certificates belong to SAML connections; this connection uses OpenID Connect.");
  return ok(connection);
}

/**
 * IdP metadata listing every given certificate, from the connection's entity ID and SSO URL
 * (whatever its source), mirrored into Jackson. Returns the XML to store.
 */
async function rebuildAndSync(ctx: SsoContext, connection: SsoConnection, certificates: StoredCertificate[]): Promise<Result<string>> {
  if (!connection.idpEntityId || !connection.idpSsoUrl) {
    return fail("This connection has no IdP entity ID or SSO URL saved. Open its settings, save them, then change its certificates.");
  }
  let xml: string;
  try {
    xml = buildIdpMetadataXml({
      entityId: connection.idpEntityId,
      ssoUrl: connection.idpSsoUrl,
      certificatesPem: certificates.map((c) => c.pem),
      wantNameIdFormat: storedNameIdFormat(connection.metadataXml),
    });
  } catch (error) {
    return fail(
      `The IdP metadata could not be rebuilt with these certificates (${error instanceof Error ? error.message : String(error)}). Open the connection's settings and save its metadata again.`,
    );
  }
  const synced = await syncSamlConnectionToJackson(ctx, connection.id, xml);
  if (!synced.ok) return fail(synced.error);
  return ok(xml);
}

/** Keeps the NameID format the IdP's metadata asked for; emailAddress when it offers that or none. */
function storedNameIdFormat(metadataXml: string | null): string {
  if (!metadataXml) return NAMEID_EMAIL;
  const report = inspectSamlMetadata(metadataXml, new Date(0));
  const formats = report.ok ? report.value.nameIdFormats : [];
  return formats.length === 0 || formats.includes(NAMEID_EMAIL) ? NAMEID_EMAIL : formats[0]!;
}

export type MetadataRefresh = {
  changed: boolean;
  /** SHA-256 fingerprints of certificates the IdP started and stopped publishing. */
  added: string[];
  removed: string[];
  certificates: StoredCertificate[];
};

/**
 * Re-reads a metadata-URL connection's IdP metadata, so a certificate the IdP publishes ahead of
 * a rotation is trusted before the IdP starts signing with it. When the certificates (or the SSO
 * URL) changed, the new metadata is stored and mirrored into Jackson, keeping each certificate's
 * "last verified" date. On any failure (the IdP unreachable, the metadata unusable) the
 * connection keeps everything it had and the error is returned.
 */
export async function refreshSamlMetadata(ctx: SsoContext, connectionId: string, options: { actor?: Actor } = {}): Promise<Result<MetadataRefresh>> {
  const actor = options.actor ?? SCHEDULER_ACTOR;
  if (!UUID.test(connectionId)) return fail("That connection no longer exists.");
  const [connection] = await ctx.db.select().from(ssoConnections).where(eq(ssoConnections.id, connectionId)).limit(1);
  if (!connection) return fail("That connection no longer exists.");
  if (connection.provider !== "saml" || connection.samlSource !== "metadata_url" || !connection.metadataUrl) {
    return fail("Only SAML connections that read their IdP metadata from a URL can be refreshed.");
  }
  const now = nowOf(ctx);
  const fetched = await fetchSamlMetadata(connection.metadataUrl, { fetchImpl: ctx.fetchImpl });
  if (!fetched.ok) return fail(`${fetched.error} The connection keeps its current certificates.`);
  const inspected = inspectSamlMetadata(fetched.value, now);
  if (!inspected.ok)
    return fail(`The metadata at ${connection.metadataUrl} could not be used: ${inspected.error} The connection keeps its current certificates.`);
  const report = inspected.value;
  const problem = refreshProblem(connection, report);
  if (problem) return fail(`${problem} The connection keeps its current certificates.`);

  const before = new Set(connection.certificates.map((c) => bareFingerprint(c.sha256Fingerprint)));
  const after = new Set(report.certificates.map((c) => bareFingerprint(c.sha256Fingerprint)));
  const added = report.certificates.filter((c) => !before.has(bareFingerprint(c.sha256Fingerprint))).map((c) => c.sha256Fingerprint);
  const removed = connection.certificates.filter((c) => !after.has(bareFingerprint(c.sha256Fingerprint))).map((c) => c.sha256Fingerprint);
  const ssoUrl = primarySsoUrl(report);
  const ssoUrlChanged = ssoUrl !== connection.idpSsoUrl;

  if (added.length === 0 && removed.length === 0 && !ssoUrlChanged) {
    await ctx.db.update(ssoConnections).set({ metadataRefreshedAt: now }).where(eq(ssoConnections.id, connection.id));
    return ok({ changed: false, added, removed, certificates: connection.certificates });
  }

  const synced = await syncSamlConnectionToJackson(ctx, connection.id, fetched.value);
  if (!synced.ok) return fail(`${synced.error} The connection keeps its current certificates.`);
  const certificates = mergeCertificates(report, connection.certificates, now);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(ssoConnections)
      .set({ certificates, metadataXml: fetched.value, idpSsoUrl: ssoUrl, metadataRefreshedAt: now, updatedAt: now })
      .where(eq(ssoConnections.id, connection.id));
    await recordAuditEvent(tx, {
      accountId: connection.accountId,
      actor,
      action: "sso.connection.metadata_refreshed",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
      metadata: { metadataUrl: connection.metadataUrl, added, removed, ...(ssoUrlChanged ? { ssoUrl } : {}) },
    });
  });
  return ok({ changed: true, added, removed, certificates });
}

/**
 * Why freshly fetched metadata must not replace the stored one, or null. An expired certificate
 * the IdP still lists beside a valid one is tolerated: refusing it would also refuse the valid
 * certificate a rotation needs.
 */
function refreshProblem(connection: SsoConnection, report: SamlMetadataReport): string | null {
  if (connection.idpEntityId && report.entityId !== connection.idpEntityId) {
    return `The metadata at ${connection.metadataUrl} now names a different IdP entity ID (${report.entityId || "none"}; this connection uses ${connection.idpEntityId}). If your identity provider really changed, open the connection and save it again.`;
  }
  const someValid = report.certificates.some((c) => !c.isExpired);
  const blocking = report.items.filter((item) => item.status === "error" && !(someValid && item.id.startsWith("certificate_expiry_")));
  if (blocking.length > 0) return `The metadata at ${connection.metadataUrl} has problems: ${blocking.map((i) => `${i.label}: ${i.detail}`).join(" ")}`;
  return null;
}

export type MetadataRefreshRun = {
  checked: number;
  changed: Array<{ connectionId: string; added: string[]; removed: string[] }>;
  failed: Array<{ connectionId: string; error: string }>;
};

/**
 * For a scheduler: refreshes every metadata-URL SAML connection whose metadata was last read more
 * than `olderThanMinutes` ago (stalest first, at most `limit`). One connection failing does not
 * stop the others; failed ones keep their old refresh time, so the next run tries them again.
 */
export async function refreshAllSamlMetadata(ctx: SsoContext, input: { olderThanMinutes: number; limit?: number }): Promise<MetadataRefreshRun> {
  const cutoff = new Date(nowOf(ctx).getTime() - Math.max(0, input.olderThanMinutes) * 60_000);
  const due = await ctx.db
    .select({ id: ssoConnections.id })
    .from(ssoConnections)
    .where(
      and(
        eq(ssoConnections.provider, "saml"),
        eq(ssoConnections.samlSource, "metadata_url"),
        or(isNull(ssoConnections.metadataRefreshedAt), lt(ssoConnections.metadataRefreshedAt, cutoff)),
      ),
    )
    .orderBy(sql`${ssoConnections.metadataRefreshedAt} asc nulls first`)
    .limit(input.limit ?? 100);
  const run: MetadataRefreshRun = { checked: due.length, changed: [], failed: [] };
  for (const { id } of due) {
    let outcome: Result<MetadataRefresh>;
    try {
      outcome = await refreshSamlMetadata(ctx, id);
    } catch (error) {
      outcome = fail(error instanceof Error ? error.message : String(error));
    }
    if (!outcome.ok) run.failed.push({ connectionId: id, error: outcome.error });
    else if (outcome.value.changed) run.changed.push({ connectionId: id, added: outcome.value.added, removed: outcome.value.removed });
  }
  return run;
}
