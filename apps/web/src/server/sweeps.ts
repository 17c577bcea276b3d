import { pruneIdempotencyKeys, pruneScimRequestLogs, pruneSecurityEvents, recheckDueDomains } from "@gatehouse/core";
import { cronEvery, type Sweep } from "@gatehouse/jobs";
import { pruneSamlSeenIds } from "@gatehouse/sso";
import { env } from "@/env";
import { db } from "./context";
import { domainContext } from "./domain-context";
import { metadataRefreshSweep } from "./metadata-refresh";

/**
 * Every periodic sweep of the app: each runs once per period across all replicas (pg-boss keeps
 * the schedule in PostgreSQL). To add one, push `{ name, cron, run }` here; `cronEvery(minutes)`
 * from @gatehouse/jobs builds the cron, and `run(now)` gets the tick's time, e.g.
 *
 *   sweeps.push({ name: "domains.recheck", cron: cronEvery(1), run: (now) => recheckDueDomains(coreContext(), now) });
 *
 * A sweep that throws is logged and runs again at its next tick. A sweep removed from this list
 * (or switched off) is unscheduled when an instance starts.
 */
export function periodicSweeps(): Sweep[] {
  const sweeps: Sweep[] = [];
  const metadataMinutes = env().SAML_METADATA_REFRESH_MINUTES;
  if (metadataMinutes > 0) sweeps.push(metadataRefreshSweep(metadataMinutes));
  // Domains carry their own next_check_at (15 min while pending, daily once verified): a frequent
  // tick only picks up those that are due, claimed with SKIP LOCKED.
  sweeps.push({ name: "domains.recheck", cron: cronEvery(1), run: async (now) => void (await recheckDueDomains(domainContext(), now)) });
  // SCIM request log: the newest 1,000 rows per directory, none older than 30 days.
  sweeps.push({ name: "scim.request-log.prune", cron: cronEvery(10), run: async (now) => void (await pruneScimRequestLogs(db(), now)) });
  // SAML replay records past their expiry (the ACS no longer deletes them on every sign-in).
  sweeps.push({ name: "saml.seen-ids.prune", cron: cronEvery(10), run: async (now) => void (await pruneSamlSeenIds(db(), now)) });
  sweeps.push({ name: "security-events.prune", cron: cronEvery(60), run: async (now) => void (await pruneSecurityEvents(db(), now)) });
  // Stored answers to Idempotency-Key requests, kept 24 hours.
  sweeps.push({ name: "api.idempotency.prune", cron: cronEvery(60), run: async (now) => void (await pruneIdempotencyKeys(db(), now)) });
  return sweeps;
}
