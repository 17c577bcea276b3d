import { refreshAllSamlMetadata } from "@gatehouse/sso";
import { env } from "@/env";
import { ssoContext } from "./sso-context";

const store = globalThis as unknown as { gatehouseMetadataTimer?: NodeJS.Timeout };

/** Every replica may run this: refreshing is idempotent, and each picks only stale connections. */
export function startMetadataRefresh(): void {
  const everyMinutes = env().SAML_METADATA_REFRESH_MINUTES;
  if (store.gatehouseMetadataTimer || everyMinutes === 0) return;
  const run = async () => {
    try {
      const result = await refreshAllSamlMetadata(ssoContext(), { olderThanMinutes: everyMinutes });
      if (result.changed.length > 0) console.log(`[sso] SAML metadata refreshed: ${result.changed.length} connection(s) changed`);
      for (const failure of result.failed) console.warn(`[sso] SAML metadata refresh failed for a connection: ${JSON.stringify(failure)}`);
    } catch (error) {
      console.warn(`[sso] SAML metadata refresh did not run: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  store.gatehouseMetadataTimer = setInterval(run, everyMinutes * 60_000);
  store.gatehouseMetadataTimer.unref();
}
