import { cronEvery, type Sweep } from "@gatehouse/jobs";
import { refreshAllSamlMetadata } from "@gatehouse/sso";
import { ssoContext } from "./sso-context";

/**
 * Re-reads SAML metadata URLs so certificate rotations at the IdP are picked up without anyone
 * re-uploading anything. A periodic sweep: one replica runs it per period, and it picks only the
 * connections not refreshed for `everyMinutes`.
 */
export function metadataRefreshSweep(everyMinutes: number): Sweep {
  return {
    name: "sso.saml-metadata-refresh",
    cron: cronEvery(everyMinutes),
    async run() {
      const result = await refreshAllSamlMetadata(ssoContext(), { olderThanMinutes: everyMinutes });
      if (result.changed.length > 0) console.log(`[sso] SAML metadata refreshed: ${result.changed.length} connection(s) changed`);
      // One connection's failure is that connection's problem, not a reason to retry the sweep.
      for (const failure of result.failed) console.warn(`[sso] SAML metadata refresh failed for a connection: ${JSON.stringify(failure)}`);
    },
  };
}
