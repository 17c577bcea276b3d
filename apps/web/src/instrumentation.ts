/**
 * Runs once per server process. Re-reads SAML metadata URLs on a schedule so certificate
 * rotations at the IdP are picked up without anyone re-uploading anything.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMetadataRefresh } = await import("./server/metadata-refresh");
  startMetadataRefresh();
}
