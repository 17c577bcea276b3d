import {
  endLapsedSsoExemptions,
  pruneExpiredRows,
  pruneIdempotencyKeys,
  pruneRememberedDevices,
  pruneScimRequestLogs,
  pruneSecurityEvents,
  recheckDueDomains,
  restoreSuspendedEnforcement,
  sendExpiryReminders,
} from "@gatehouse/core";
import { cronEvery, type Sweep } from "@gatehouse/jobs";
import { pruneSamlSeenIds } from "@gatehouse/sso";
import { env } from "@/env";
import { coreContext, db } from "./context";
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
  // Certificate and client secret expiry reminders (30, 14, 7, 1 days before): each is claimed
  // once in sso_expiry_reminders, so an hourly tick costs nothing extra and a missed tick (an
  // instance down at night) cannot skip the 1-day reminder.
  sweeps.push({ name: "sso.expiry-reminders", cron: cronEvery(60), run: async (now) => void (await sendExpiryReminders(coreContext(), now)) });
  // Support's pauses of SSO enforcement end on their own, within a minute of their time.
  sweeps.push({ name: "enforcement.suspension.restore", cron: cronEvery(1), run: async (now) => void (await restoreSuspendedEnforcement(coreContext(), now)) });
  // "SSO off until <date>" runs out: the password sessions it allowed end within a minute (until
  // then resolveSession already keeps them out of the account).
  sweeps.push({ name: "enforcement.exemption.expire", cron: cronEvery(1), run: async (now) => void (await endLapsedSsoExemptions(coreContext(), now)) });
  // "Remember this device" cookies past their 30 days: their rows go too.
  sweeps.push({ name: "mfa.remembered-devices.prune", cron: cronEvery(60), run: async (now) => void (await pruneRememberedDevices(db(), now)) });
  // Stored answers to Idempotency-Key requests, kept 24 hours.
  sweeps.push({ name: "api.idempotency.prune", cron: cronEvery(60), run: async (now) => void (await pruneIdempotencyKeys(db(), now)) });
  // Expired sessions, links and sign-in round trips (what the console still lists is kept).
  sweeps.push({ name: "expired-rows.prune", cron: cronEvery(60), run: async (now) => void (await pruneExpiredRows(db(), now)) });
  return sweeps;
}
