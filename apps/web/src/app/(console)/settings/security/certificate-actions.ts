"use server";

import { z } from "zod";
import { isAccountAdmin } from "@gatehouse/core";
import { addNextCertificate, getConnection, refreshSamlMetadata, removeCertificate, type MetadataRefresh } from "@gatehouse/sso";
import type { ActionState } from "@/lib/forms/action-state";
import { ssoContext } from "@/server/sso-context";
import { connectionTargetOf, INCOMPLETE, revalidateSecurity, runConnectionAction } from "./_lib/connection-action";

/** Certificate rotation, step one. A refused certificate changes nothing and is explained by the form. */
export async function addCertificateAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const target = await connectionTargetOf(formData, "manage_certificates");
  if (!target) return { error: INCOMPLETE };
  const certificatePem = String(formData.get("nextCertificatePem") ?? "");
  const result = await addNextCertificate(ssoContext(), { ...target, certificatePem });
  // A pasted private key must not travel back into the page: the admin pastes the certificate again.
  if (!result.ok) return { error: result.error, values: /PRIVATE KEY/i.test(certificatePem) ? {} : { nextCertificatePem: certificatePem.slice(0, 70_000) } };
  revalidateSecurity();
  const count = result.value.certificates.length;
  return { success: `Added ${result.value.certificate.subject || "the certificate"}. Sign-ins signed with any of the ${count} certificates are accepted.` };
}

const removeSchema = z.object({ sha256Fingerprint: z.string().min(1).max(200) });

export async function removeCertificateAction(formData: FormData) {
  const parsed = removeSchema.safeParse({ sha256Fingerprint: formData.get("sha256Fingerprint") });
  await runConnectionAction(
    formData,
    async (connectionId, accountId, actor) =>
      parsed.success
        ? removeCertificate(ssoContext(), { accountId, connectionId, sha256Fingerprint: parsed.data.sha256Fingerprint, actor })
        : { ok: false as const, error: INCOMPLETE },
    (change) => `Removed the certificate SHA-256 ${change.certificate.sha256Fingerprint}. Responses signed with it are refused from now on.`,
    undefined,
    "manage_certificates",
  );
}

/**
 * "Re-read metadata now". refreshSamlMetadata serves the scheduler too, so it takes a bare id and
 * checks no role: the admin role and the account's ownership of the connection are checked here.
 */
export async function refreshMetadataAction(formData: FormData) {
  await runConnectionAction(
    formData,
    async (connectionId, accountId, actor) => {
      const ctx = ssoContext();
      if (!(await isAccountAdmin(ctx.db, accountId, actor))) return { ok: false as const, error: "Only account admins can configure SSO." };
      if (!(await getConnection(ctx.db, accountId, connectionId))) return { ok: false as const, error: "That connection no longer exists." };
      return refreshSamlMetadata(ctx, connectionId, { actor });
    },
    describeRefresh,
    undefined,
    "manage_certificates",
  );
}

function describeRefresh(refresh: MetadataRefresh): string {
  if (!refresh.changed) return `Re-read the metadata: nothing changed. The connection trusts ${plural(refresh.certificates.length, "certificate")}.`;
  const parts = [
    ...refresh.added.map((f) => `added certificate SHA-256 ${f}`),
    ...refresh.removed.map((f) => `removed certificate SHA-256 ${f} (no longer published)`),
  ];
  return `Re-read the metadata: ${parts.length > 0 ? parts.join("; ") : "the sign-on URL changed"}. The connection now trusts ${plural(refresh.certificates.length, "certificate")}.`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
