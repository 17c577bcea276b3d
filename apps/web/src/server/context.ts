import { createDatabase, type Database } from "@gatehouse/db";
import { createMailer, EMAIL_DELIVERY_JOB, type Mailer } from "@gatehouse/email";
import type { CoreContext } from "@gatehouse/core";
import { env, isDevMailboxEnabled } from "@/env";
import { jobRunner as jobQueue } from "./jobs";

// One pool and one mailer per server process; globalThis keeps them across dev hot reloads.
const globalStore = globalThis as unknown as { gatehouseDb?: Database; gatehouseMailer?: Mailer };

export function db(): Database {
  globalStore.gatehouseDb ??= createDatabase(env().DATABASE_URL, { max: env().DATABASE_POOL_SIZE });
  return globalStore.gatehouseDb;
}

export function coreContext(): CoreContext {
  const e = env();
  globalStore.gatehouseMailer ??= createMailer({
    db: db(),
    smtpUrl: e.SMTP_URL,
    from: e.EMAIL_FROM,
    devMailbox: isDevMailboxEnabled(),
    retentionDays: e.EMAIL_OUTBOX_RETENTION_DAYS,
    // No request waits for SMTP: the job runner (started by instrumentation) delivers and retries.
    queue: { enqueue: (job) => jobQueue().enqueue(EMAIL_DELIVERY_JOB, job) },
  });
  return { db: db(), mailer: globalStore.gatehouseMailer, appUrl: e.APP_URL };
}
