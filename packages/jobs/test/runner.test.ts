import { afterEach, describe, expect, it } from "vitest";
import { createJobRunner, type JobRunner } from "../src/index";
import { useTestDatabaseUrl } from "./database";

const databaseUrl = useTestDatabaseUrl();
const quiet = { warn: () => {}, error: () => {} };
const running: JobRunner[] = [];

function runner(schema: string): JobRunner {
  const created = createJobRunner({ connectionString: databaseUrl(), schema, pollingIntervalSeconds: 0.5, cronCheckSeconds: 1, logger: quiet });
  running.push(created);
  return created;
}

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the jobs");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop(2)));
});

describe("job runner on PostgreSQL", () => {
  it("two runners on one database run each job once", async () => {
    const seen: Array<{ runner: string; n: number }> = [];
    const [a, b] = [runner("jobs_once"), runner("jobs_once")];
    a.handle<{ n: number }>("count", async ({ n }) => void seen.push({ runner: "a", n }));
    b.handle<{ n: number }>("count", async ({ n }) => void seen.push({ runner: "b", n }));
    await Promise.all([a.start(), b.start()]);
    for (let n = 0; n < 20; n++) await (n % 2 ? a : b).enqueue("count", { n });
    await until(() => seen.length >= 20);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(seen.map((s) => s.n).sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
  });

  it("a periodic sweep registered on two runners runs once per period", async () => {
    const runs: string[] = [];
    const [a, b] = [runner("jobs_sweep"), runner("jobs_sweep")];
    a.sweep({ name: "tick", cron: "* * * * *", run: async () => void runs.push("a") });
    b.sweep({ name: "tick", cron: "* * * * *", run: async () => void runs.push("b") });
    await Promise.all([a.start(), b.start()]);
    await until(() => runs.length >= 1);
    // Both instances check the schedule every second; neither may add a second run this minute.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const minuteRolledOver = new Date().getUTCSeconds() < 6;
    if (!minuteRolledOver) expect(runs).toHaveLength(1);
    else expect(runs.length).toBeLessThanOrEqual(2);
  });

  it("a job queued before a restart runs after it", async () => {
    const before = runner("jobs_restart");
    const ranOnFirst: string[] = [];
    before.handle<{ what: string }>("later", async ({ what }) => void ranOnFirst.push(what));
    await before.start();
    const id = await before.enqueue("later", { what: "kept" }, { delaySeconds: 2 });
    await before.stop(1);

    const after = runner("jobs_restart");
    const ran: Array<{ what: string; id: string }> = [];
    after.handle<{ what: string }>("later", async ({ what }, job) => void ran.push({ what, id: job.id }));
    await after.start();
    await until(() => ran.length >= 1);
    expect(ran).toEqual([{ what: "kept", id }]);
    expect(ranOnFirst).toEqual([]);
  });

  it("a failing job is retried with its attempt number, and the last attempt says so", async () => {
    const attempts: Array<{ attempt: number; last: boolean }> = [];
    const r = runner("jobs_retry");
    r.handle(
      "flaky",
      async (_payload, job) => {
        attempts.push({ attempt: job.attempt, last: job.isLastAttempt });
        if (job.attempt < 3) throw new Error("not yet");
      },
      { retries: 2, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 },
    );
    await r.start();
    await r.enqueue("flaky", {});
    await until(() => attempts.length >= 3);
    expect(attempts).toEqual([
      { attempt: 1, last: false },
      { attempt: 2, last: false },
      { attempt: 3, last: true },
    ]);
  });

  it("refuses to queue a job nobody handles, and names outside the allowed letters", async () => {
    const r = runner("jobs_names");
    expect(() => r.handle("has space", async () => {})).toThrow(/letters, digits/);
    await r.start();
    await expect(r.enqueue("unknown", {})).rejects.toThrow(/No handler is registered for "unknown"/);
  });
});

describe("sweeps that are no longer registered", () => {
  it("are unscheduled when a runner starts without them", async () => {
    const first = runner("jobs_unschedule");
    first.sweep({ name: "old-sweep", cron: "0 3 * * *", run: async () => {} });
    first.sweep({ name: "kept-sweep", cron: "0 4 * * *", run: async () => {} });
    await first.start();
    await first.stop(1);

    const second = runner("jobs_unschedule");
    second.sweep({ name: "kept-sweep", cron: "0 4 * * *", run: async () => {} });
    await second.start();
    const { default: postgres } = await import("postgres");
    const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ name: string }[]>`select name from jobs_unschedule.schedule order by name`;
      expect(rows.map((r) => r.name)).toEqual(["kept-sweep"]);
    } finally {
      await sql.end();
    }
  });
});
