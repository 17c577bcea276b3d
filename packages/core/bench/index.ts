import { createDatabase } from "@gatehouse/db";
import { createFreshDatabase, startTestServer } from "@gatehouse/db/testing";
import { authenticatePassword, createSession, ensureAccount, ensureMember, hashPassword, resolveSession } from "../src";

/** Prints per-operation latency for the hot paths of sign-in: one session lookup per request. */
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
async function time(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  console.log(`${label.padEnd(34)} n=${String(n).padStart(4)}  p50 ${percentile(samples, 50).toFixed(2)} ms  p95 ${percentile(samples, 95).toFixed(2)} ms`);
}

const server = await startTestServer(54335);
const fresh = await createFreshDatabase(server.adminUrl);
const db = createDatabase(fresh.url, { max: 4 });
const ctx = { db };
try {
  const account = await ensureAccount(db, { name: "Bench", slug: "bench" });
  const user = await ensureMember(db, { accountId: account.id, email: "bench@bench.test", name: "Bench", role: "admin", password: "bench-password-1" });
  await time("argon2id hash", 20, () => hashPassword("bench-password-1"));
  await time("password sign-in (verify + audit)", 20, (i) => authenticatePassword(ctx, { email: user.email, password: "bench-password-1", ip: `10.1.${i}.1` }));
  const sid = await createSession(ctx, { userId: user.id, method: "password" });
  await time("session lookup (every request)", 500, () => resolveSession(ctx, sid));
  console.log(`rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
} finally {
  await db.$client.end();
  await fresh.drop();
  await server.stop();
}
