import PgBoss from "pg-boss";

/** What a handler learns about the job it runs. */
export type JobInfo = { id: string; name: string; attempt: number; isLastAttempt: boolean };

export type JobHandler<T> = (payload: T, job: JobInfo) => Promise<void>;

export type QueueSettings = {
  /** Attempts after the first one (default 0: a failure is final). */
  retries?: number;
  /** Seconds before the first retry; doubled for each later one when `backoff` is on. */
  retryDelaySeconds?: number;
  backoff?: boolean;
  /** How often an idle worker looks for new jobs (default: the runner's polling interval). */
  pollingIntervalSeconds?: number;
};

/**
 * Work that runs once per period across every replica. pg-boss keeps the schedule in the
 * database and lets one instance per tick turn it into one job, so N replicas still run it once.
 */
export type Sweep = {
  /** Letters, digits, dots, dashes, underscores: it names the queue and the schedule. */
  name: string;
  /** Standard five-field cron, UTC (`cronEvery(minutes)` builds one). */
  cron: string;
  run: (now: Date) => Promise<void>;
};

export type EnqueueOptions = { delaySeconds?: number };

export type JobRunnerOptions = {
  connectionString: string;
  /** The PostgreSQL schema pg-boss creates and migrates on start (default `gatehouse_jobs`). */
  schema?: string;
  /** Idle polling interval in seconds (default 2; pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** How often an instance checks whether a cron tick is due (default 30 s, pg-boss's default). */
  cronCheckSeconds?: number;
  /** Connections the runner may hold (default 4). */
  maxConnections?: number;
  logger?: Pick<Console, "warn" | "error">;
};

export type JobRunner = {
  /** Registers the handler of a queue; jobs are picked up once the runner has started. */
  handle<T extends object>(name: string, handler: JobHandler<T>, settings?: QueueSettings): void;
  /** Registers a periodic sweep (see `Sweep`). */
  sweep(sweep: Sweep): void;
  /** Creates pg-boss's tables if needed, then starts every registered handler and schedule. */
  start(): Promise<void>;
  /** Lets running jobs finish (up to `timeoutSeconds`), then closes the connections. */
  stop(timeoutSeconds?: number): Promise<void>;
  /** Puts a job on a queue with a registered handler; resolves with its id once stored. */
  enqueue<T extends object>(name: string, payload: T, options?: EnqueueOptions): Promise<string>;
  readonly started: boolean;
};

type Registration = { name: string; handler: JobHandler<object>; settings: QueueSettings; workerId?: string };

/**
 * Replicas starting together create the same queues at once, and pg-boss's create_queue (a
 * table partition per queue) can deadlock with itself. PostgreSQL aborts one side; it retries.
 */
async function retryOnDeadlock(step: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await step();
      return;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code !== "40P01" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

const QUEUE_NAME = /^[A-Za-z0-9._-]{1,100}$/;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const logger = options.logger ?? console;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? "gatehouse_jobs",
    max: options.maxConnections ?? 4,
    application_name: "gatehouse-jobs",
    cronMonitorIntervalSeconds: options.cronCheckSeconds ?? 30,
    cronWorkerIntervalSeconds: Math.min(options.cronCheckSeconds ?? 5, 5),
  });
  boss.on("error", (error) => logger.error(`[jobs] ${error.message}`));

  const queues = new Map<string, Registration>();
  const sweeps = new Map<string, Sweep>();
  let started = false;

  function assertName(name: string): void {
    if (!QUEUE_NAME.test(name)) throw new TypeError(`A job name may hold letters, digits, dots, dashes and underscores only: "${name}"`);
  }

  async function startQueue(registration: Registration, policy: "standard" | "stately"): Promise<void> {
    const { name, handler, settings } = registration;
    const queue = { name, policy, retryLimit: settings.retries ?? 0, retryDelay: settings.retryDelaySeconds ?? 0, retryBackoff: settings.backoff ?? false };
    // createQueue keeps an existing queue as it is; updateQueue carries changed settings over.
    await retryOnDeadlock(() => boss.createQueue(name, queue));
    await retryOnDeadlock(() => boss.updateQueue(name, queue));
    registration.workerId = await boss.work<object>(
      name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: settings.pollingIntervalSeconds ?? pollingIntervalSeconds },
      async ([job]) => {
        if (!job) return;
        const info = { id: job.id, name, attempt: job.retryCount + 1, isLastAttempt: job.retryCount >= job.retryLimit };
        try {
          await handler(job.data, info);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          logger.warn(
            `[jobs] ${name} job ${job.id} failed (attempt ${info.attempt} of ${job.retryLimit + 1})${info.isLastAttempt ? "" : ", will retry"}: ${reason}`,
          );
          throw error;
        }
      },
    );
  }

  return {
    get started() {
      return started;
    },

    handle(name, handler, settings = {}) {
      assertName(name);
      if (started) throw new Error(`Register the "${name}" job before the runner starts`);
      queues.set(name, { name, handler: handler as JobHandler<object>, settings });
    },

    sweep(sweep) {
      assertName(sweep.name);
      if (started) throw new Error(`Register the "${sweep.name}" sweep before the runner starts`);
      sweeps.set(sweep.name, sweep);
    },

    async start() {
      if (started) return;
      await boss.start();
      for (const registration of queues.values()) await startQueue(registration, "standard");
      // A sweep no longer registered (removed, or switched off by a setting) stops being scheduled.
      for (const scheduled of await boss.getSchedules()) {
        if (!sweeps.has(scheduled.name)) await boss.unschedule(scheduled.name);
      }
      for (const sweep of sweeps.values()) {
        // "stately": at most one run queued and one active, so a slow sweep never piles up.
        await startQueue({ name: sweep.name, handler: () => sweep.run(new Date()), settings: {} }, "stately");
        await boss.schedule(sweep.name, sweep.cron, {}, { tz: "UTC" });
      }
      started = true;
    },

    async stop(timeoutSeconds = 10) {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: timeoutSeconds * 1000 });
    },

    async enqueue(name, payload, enqueueOptions = {}) {
      const registration = queues.get(name);
      if (!registration) throw new Error(`No handler is registered for "${name}" jobs`);
      if (!started) throw new Error(`The job runner has not started: cannot queue a "${name}" job`);
      const id = await boss.send(name, payload, enqueueOptions.delaySeconds ? { startAfter: enqueueOptions.delaySeconds } : {});
      if (!id) throw new Error(`The "${name}" job was not queued`);
      // Wake this instance's worker at once instead of at its next poll.
      if (!enqueueOptions.delaySeconds && registration.workerId) boss.notifyWorker(registration.workerId);
      return id;
    },
  };
}
