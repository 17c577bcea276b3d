import type { StoredCertificate } from "@gatehouse/db";
import {
  buildIdpMetadataXml,
  fetchSamlMetadata,
  inspectSamlMetadata,
  parseSigningCertificate,
  validateIdpEntityId,
  validateSsoUrl,
  type SamlMetadataReport,
} from "../checks";
import type { SamlConnectionInput } from "../connection-input";
import type { SsoContext } from "../context";

export type ResolvedSamlMetadata = { xml: string; report: SamlMetadataReport };
export type FieldProblem = { field: string; message: string };

/**
 * Turns the wizard's SAML input (a metadata URL, pasted XML, or the three values an IdP shows)
 * into one IdP metadata document, so every source works exactly alike afterwards.
 */
export async function resolveSamlMetadata(
  ctx: Pick<SsoContext, "fetchImpl">,
  input: SamlConnectionInput,
  existing: { certificates: StoredCertificate[] } | null,
  now = new Date(),
): Promise<{ ok: true; value: ResolvedSamlMetadata } | { ok: false; error: FieldProblem }> {
  let xml: string;
  let field: string;
  if (input.samlSource === "metadata_url") {
    field = "metadataUrl";
    if (!input.metadataUrl) return { ok: false, error: { field, message: "Enter the metadata URL your IdP shows for this app." } };
    const fetched = await fetchSamlMetadata(input.metadataUrl, { fetchImpl: ctx.fetchImpl });
    if (!fetched.ok) return { ok: false, error: { field, message: fetched.error } };
    xml = fetched.value;
  } else if (input.samlSource === "metadata_xml") {
    field = "metadataXml";
    if (!input.metadataXml.trim()) return { ok: false, error: { field, message: "Paste the IdP metadata XML, or upload the file." } };
    xml = input.metadataXml;
  } else {
    const entityId = validateIdpEntityId(input.idpEntityId);
    if (!entityId.ok) return { ok: false, error: { field: "idpEntityId", message: entityId.error } };
    const ssoUrl = validateSsoUrl(input.idpSsoUrl);
    if (!ssoUrl.ok) return { ok: false, error: { field: "idpSsoUrl", message: ssoUrl.error } };
    let certificatesPem: string[];
    if (input.certificatePem.trim()) {
      const certificate = parseSigningCertificate(input.certificatePem, now);
      if (!certificate.ok) return { ok: false, error: { field: "certificatePem", message: certificate.error } };
      certificatesPem = [certificate.value.pem];
    } else if (existing && existing.certificates.length > 0) {
      certificatesPem = existing.certificates.map((c) => c.pem);
    } else {
      return {
        ok: false,
        error: { field: "certificatePem", message: "Paste the X.509 signing certificate your IdP shows, or upload the .pem/.cer/.crt file." },
      };
    }
    field = "idpEntityId";
    xml = buildIdpMetadataXml({ entityId: entityId.value, ssoUrl: ssoUrl.value, certificatesPem });
  }
  const report = inspectSamlMetadata(xml, now);
  if (!report.ok) return { ok: false, error: { field, message: report.error } };
  const blocking = report.value.items.filter((item) => item.status === "error");
  if (blocking.length > 0) return { ok: false, error: { field, message: blocking.map((i) => `${i.label}: ${i.detail}`).join(" ") } };
  return { ok: true, value: { xml, report: report.value } };
}

/** Certificates to store, keeping when each last verified a sign-in across re-reads. */
export function mergeCertificates(report: SamlMetadataReport, previous: StoredCertificate[], now = new Date()): StoredCertificate[] {
  return report.certificates.map((c) => {
    const before = previous.find((p) => p.sha256Fingerprint === c.sha256Fingerprint);
    return {
      pem: c.pem,
      sha256Fingerprint: c.sha256Fingerprint,
      subject: c.subject,
      notAfter: c.notAfter,
      addedAt: before?.addedAt ?? now.toISOString(),
      lastVerifiedAt: before?.lastVerifiedAt ?? null,
    };
  });
}

/** The IdP's SSO URL to show: the HTTP-Redirect binding if offered, else the first. */
export function primarySsoUrl(report: SamlMetadataReport): string | null {
  return (report.ssoServices.find((s) => s.bindingName === "HTTP-Redirect") ?? report.ssoServices[0])?.location ?? null;
}
