import type { StoredCertificate } from "@gatehouse/db";
import { Button, Card, CardHeader } from "@gatehouse/ui";
import { refreshMetadataAction, removeCertificateAction } from "../certificate-actions";
import { daysUntil, describeDaysLeft, expiryTone, formatUtc } from "../_lib/format";
import { AddCertificateForm } from "./add-certificate-form";

const TONE_CLASS = { ok: "text-slate-600", warn: "text-amber-800", error: "text-red-700" } as const;

type SamlConnection = {
  id: string;
  certificates: StoredCertificate[];
  samlSource: string | null;
  metadataUrl: string | null;
  metadataRefreshedAt: Date | null;
};

/**
 * The IdP signing certificates a SAML connection trusts; several while the IdP rotates them.
 * "Last verified a sign-in" tells the admin which one the IdP signs with now, so which is safe to remove.
 */
export function CertificatesCard({ connection }: { connection: SamlConnection }) {
  const fromUrl = connection.samlSource === "metadata_url" && connection.metadataUrl !== null;
  return (
    <Card>
      <CardHeader
        title="Signing certificates"
        description="Responses must be signed with one of these. “Last verified a sign-in” tells you which one your IdP uses now."
        actions={fromUrl ? <RefreshButton connectionId={connection.id} /> : undefined}
      />
      {fromUrl ? (
        <p className="px-5 pt-3 text-xs text-slate-500">
          Read from {connection.metadataUrl}, again on a schedule{connection.metadataRefreshedAt ? ` (last ${formatUtc(connection.metadataRefreshedAt)})` : ""}:
          new certificates your IdP publishes are trusted automatically. A removed certificate the IdP still publishes comes back at the next read.
        </p>
      ) : null}
      {connection.certificates.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">None yet: save the IdP values below.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {connection.certificates.map((cert) => (
            <CertificateRow key={cert.sha256Fingerprint} connectionId={connection.id} cert={cert} />
          ))}
        </ul>
      )}
      <div className="border-t border-slate-200 px-5 py-4">
        <AddCertificateForm connectionId={connection.id} fromUrl={fromUrl} />
      </div>
    </Card>
  );
}

function CertificateRow({ connectionId, cert }: { connectionId: string; cert: StoredCertificate }) {
  const days = daysUntil(cert.notAfter);
  const tone = expiryTone(days);
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 px-5 py-3 text-sm" data-testid="certificate-row" data-status={tone}>
      <div className="min-w-0 space-y-0.5">
        <p className="font-medium text-slate-900">{cert.subject || "(no subject)"}</p>
        <p className="break-all font-mono text-xs text-slate-600">SHA-256 {cert.sha256Fingerprint}</p>
        <p className={TONE_CLASS[tone]}>
          Expires {formatUtc(cert.notAfter)} ({describeDaysLeft(days)})
        </p>
        <p className="text-slate-600">Last verified a sign-in: {cert.lastVerifiedAt ? formatUtc(cert.lastVerifiedAt) : "Never"}</p>
      </div>
      {/* The server refuses to remove the last certificate and says so. */}
      <form action={removeCertificateAction}>
        <input type="hidden" name="connectionId" value={connectionId} />
        <input type="hidden" name="sha256Fingerprint" value={cert.sha256Fingerprint} />
        <Button type="submit" variant="danger" size="sm">
          Remove<span className="sr-only"> certificate {cert.sha256Fingerprint}</span>
        </Button>
      </form>
    </li>
  );
}

function RefreshButton({ connectionId }: { connectionId: string }) {
  return (
    <form action={refreshMetadataAction}>
      <input type="hidden" name="connectionId" value={connectionId} />
      <Button type="submit" variant="secondary" size="sm">
        Re-read metadata now
      </Button>
    </form>
  );
}
