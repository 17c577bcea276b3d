import { createJobRunner, type JobRunner } from "@gatehouse/jobs";
import { EMAIL_DELIVERY_JOB, type EmailDeliveryJob } from "@gatehouse/email";
import { env } from "@/env";
import { coreContext } from "./context";
import { periodicSweeps } from "./sweeps";

// One runner per server process; globalThis shares it between instrumentation and route bundles.
const store = globalThis as unknown as { gatehouseJobs?: JobRunner; gatehouseJobsStarting?: Promise<void> };

export function jobRunner(): JobRunner {
  const e = env();
  store.gatehouseJobs ??= createJobRunner({ connectionString: e.DATABASE_URL, pollingIntervalSeconds: e.JOBS_POLL_SECONDS });
  return store.gatehouseJobs;
}

/** Registers every job and sweep, then starts this instance's workers (instrumentation calls it). */
export function startJobs(): Promise<void> {
  store.gatehouseJobsStarting ??= (async () => {
    const e = env();
    const runner = jobRunner();
    runner.handle<EmailDeliveryJob>(EMAIL_DELIVERY_JOB, async (job, attempt) => void (await coreContext().mailer.deliver(job, attempt)), {
      retries: e.EMAIL_RETRIES,
      retryDelaySeconds: e.EMAIL_RETRY_DELAY_SECONDS,
      backoff: true,
    });
    for (const sweep of periodicSweeps()) runner.sweep(sweep);
    await runner.start();
    // Here rather than in instrumentation.ts, which Next also compiles for the Edge runtime.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stopJobs());
  })();
  return store.gatehouseJobsStarting;
}

/** Lets running jobs finish; unfinished ones are picked up again by another instance. */
export async function stopJobs(): Promise<void> {
  await store.gatehouseJobs?.stop();
}
