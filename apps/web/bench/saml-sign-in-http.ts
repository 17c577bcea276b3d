/**
 * SAML sign-in over HTTP against the production build (`scripts/start.ts`, embedded PostgreSQL,
 * the IdP sandbox's SAML IdP). Every sign-in is a real SP-initiated flow: started through
 * /api/sso/start, answered by the IdP beforehand (signing is outside the timing), then timed from
 * the ACS POST to the session cookie. Printed beside, from the same run: Jackson 26.2's bare
 * `samlResponse` on the same PostgreSQL and the RSA-2048 verify floor (node:crypto); a signed-in
 * request against a static page; the server's RSS across sign-ins. Figures, never pass/fail.
 *
 * BENCH_WORKERS=1,2 (server processes, one run each), BENCH_SEQUENTIAL=200, BENCH_CONCURRENT=500,
 * BENCH_RSS_SIGN_INS=3000 (0 skips; RSS is printed every 1,000), BENCH_SKIP_BUILD=1 to reuse .next,
 * BENCH_ONLY=signed-in for the signed-in ÷ no-op ÷ static requests alone (one sign-in for the cookie),
 * BENCH_ROUNDS=3 (those three alternate in rounds).
 */
import { spawnSync } from "node:child_process";
import { createSign, createVerify, generateKeyPairSync, randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { startProductionApp, type ProductionApp } from "./support/production-app";
import { treeCpuMs, treeRssMb } from "./support/proc";
import { SamlSignInFixture, type HopTimes } from "./support/saml-sign-ins";
import { formatSummary, percentile, summarize, timeConcurrently, type Summary } from "./support/stats";

const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const workerCounts = (process.env.BENCH_WORKERS ?? "1,2").split(",").map(Number);
const sequentialCount = Number(process.env.BENCH_SEQUENTIAL ?? 200);
const concurrentCount = Number(process.env.BENCH_CONCURRENT ?? 500);
const rssSignIns = Number(process.env.BENCH_RSS_SIGN_INS ?? 3000);
const onlySignedIn = process.env.BENCH_ONLY === "signed-in";
// The signed-in, no-op and static requests alternate in this many rounds.
const signedInRounds = Number(process.env.BENCH_ROUNDS ?? 3);

if (process.env.BENCH_SKIP_BUILD !== "1") {
  const built = spawnSync("pnpm", ["exec", "next", "build"], {
    cwd: resolve(import.meta.dirname, ".."),
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** The floor: one RSA-2048 SHA-256 signature verification, what any SAML check must do at least once. */
function rsaVerifyFloorMs(): number {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signedInfo = randomBytes(600);
  const signature = createSign("sha256").update(signedInfo).sign(privateKey);
  const rounds = 2000;
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) createVerify("sha256").update(signedInfo).verify(publicKey, signature);
  return (performance.now() - t0) / rounds;
}

// A real signed-in endpoint: the session's accounts, read through the cookie and one query.
const SIGNED_IN_ROUTE = "/api/user/organizations";
// The floor under it: a dynamic route handler that reads nothing (the health check).
const FLOOR_ROUTE = "/api/health";

const mb = (values: number[]) => `${values.reduce((a, b) => a + b, 0).toFixed(0)} MB (${values.map((v) => v.toFixed(0)).join(" + ")})`;

/** Times `count` prepared sign-ins at `concurrency`, with the server's CPU over the phase. */
async function signInPhase(
  app: ProductionApp,
  fixture: SamlSignInFixture,
  count: number,
  concurrency: number,
  hops?: HopTimes,
  options?: { withoutAcsCookie?: boolean },
): Promise<Summary> {
  const prepared = await fixture.prepare(app.url, count);
  const cpu0 = treeCpuMs(app.pid);
  const t0 = performance.now();
  const samples = await timeConcurrently(prepared, concurrency, async (p) => void (await SamlSignInFixture.signIn(app.url, p, hops, options)));
  return summarize(samples, performance.now() - t0, treeCpuMs(app.pid) - cpu0);
}

async function requestPhase(url: string, cookie: string | null, count: number, concurrency: number): Promise<{ samples: number[]; wallMs: number }> {
  const t0 = performance.now();
  const samples = await timeConcurrently(Array.from({ length: count }), concurrency, async () => {
    const response = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
    await response.arrayBuffer();
    if (response.status >= 400) throw new Error(`${url} answered ${response.status}`);
  });
  return { samples, wallMs: performance.now() - t0 };
}

async function benchWorkers(app: ProductionApp, fixture: SamlSignInFixture, workers: number, floorMs: number, measureRss: boolean): Promise<void> {
  console.log(`\n== ${workers} server process${workers > 1 ? "es" : ""} (WEB_CONCURRENCY=${workers}) ==`);
  const rssStart = treeRssMb(app.pid);
  // Warm-up: JIT, Jackson's first use in each process, connection pools.
  for (const p of await fixture.prepare(app.url, 20 * workers)) await SamlSignInFixture.signIn(app.url, p);
  if (!onlySignedIn) await signInPhases(app, fixture, floorMs);
  await signedInRequests(app, fixture);
  if (measureRss && rssSignIns > 0 && !onlySignedIn) await rssAcrossSignIns(app, fixture, rssStart);
}

async function signInPhases(app: ProductionApp, fixture: SamlSignInFixture, floorMs: number): Promise<void> {
  const hops: HopTimes = { acs: [], afterAcs: [] };
  const sequential = await signInPhase(app, fixture, sequentialCount, 1, hops);
  const jackson = await fixture.jacksonBareAcs(sequentialCount);
  const bare = summarize(
    jackson.samples,
    jackson.samples.reduce((a, b) => a + b, 0),
    jackson.cpuMs,
  );
  console.log(formatSummary("SAML sign-in over HTTP, sequential", sequential));
  console.log(formatSummary("Jackson 26.2 bare samlResponse, sequential", bare));
  console.log(
    `  of which the ACS POST p50 ${percentile(hops.acs, 50).toFixed(1)} ms, the requests after it until the session cookie p50 ${percentile(hops.afterAcs, 50).toFixed(1)} ms`,
  );
  // A browser that drops the SameSite=None ACS cookie (plain http off localhost) takes the callback too.
  const twoHops: HopTimes = { acs: [], afterAcs: [] };
  const throughCallback = await signInPhase(app, fixture, sequentialCount, 1, twoHops, { withoutAcsCookie: true });
  console.log(formatSummary("  same, without the ACS cookie (via callback)", throughCallback));
  console.log(
    `    ratio ÷ Jackson bare p50 ${(throughCallback.p50 / bare.p50).toFixed(2)}×; the ACS POST p50 ${percentile(twoHops.acs, 50).toFixed(1)} ms, the callback p50 ${percentile(twoHops.afterAcs, 50).toFixed(1)} ms`,
  );
  console.log(`RSA-2048 verify floor (node:crypto)          ${floorMs.toFixed(3)} ms`);
  console.log(
    `  ratio ÷ Jackson bare: p50 ${(sequential.p50 / bare.p50).toFixed(2)}×, CPU ${(sequential.cpuMsEach! / bare.cpuMsEach!).toFixed(2)}×  (goal ≤ 1.1×)`,
  );
  console.log(`  ratio ÷ RSA floor:    p50 ${(sequential.p50 / floorMs).toFixed(0)}×, Jackson bare ${(bare.p50 / floorMs).toFixed(0)}×`);
  // Jackson's figure is an in-process call; a browser's sign-in is at least one HTTP request.
  const oneRequest = percentile((await requestPhase(`${app.url}${FLOOR_ROUTE}`, null, sequentialCount, 1)).samples, 50);
  console.log(
    `  ratio ÷ (Jackson bare + one dynamic no-op request, p50 ${oneRequest.toFixed(1)} ms): p50 ${(sequential.p50 / (bare.p50 + oneRequest)).toFixed(2)}×`,
  );
  for (const concurrency of [16, 64]) {
    const phase = await signInPhase(app, fixture, concurrentCount, concurrency);
    console.log(formatSummary(`SAML sign-in over HTTP, ${concurrency} concurrent`, phase));
  }
}

/**
 * The signed-in route, the no-op floor and the static page in alternating rounds, so load from
 * elsewhere on the machine falls on all three alike; each figure pools its rounds.
 */
async function signedInRequests(app: ProductionApp, fixture: SamlSignInFixture): Promise<void> {
  const [prepared] = await fixture.prepare(app.url, 1);
  const session = await SamlSignInFixture.signIn(app.url, prepared!);
  const hasFloorRoute = (await fetch(`${app.url}${FLOOR_ROUTE}`).then((r) => r.arrayBuffer().then(() => r.ok))) === true;
  const targets = [
    { label: `signed-in GET ${SIGNED_IN_ROUTE}`, url: `${app.url}${SIGNED_IN_ROUTE}`, cookie: session },
    { label: "static GET /help/sign-in", url: `${app.url}/help/sign-in`, cookie: null },
    ...(hasFloorRoute ? [{ label: `dynamic no-op GET ${FLOOR_ROUTE}`, url: `${app.url}${FLOOR_ROUTE}`, cookie: null }] : []),
  ];
  for (const target of targets) await requestPhase(target.url, target.cookie, 200, 8);
  for (const [concurrency, count] of [
    [1, 300 * signedInRounds],
    [64, 3000 * signedInRounds],
  ] as const) {
    const pooled = targets.map(() => ({ samples: [] as number[], wallMs: 0 }));
    for (let round = 0; round < signedInRounds; round++) {
      for (const [i, target] of targets.entries()) {
        const phase = await requestPhase(target.url, target.cookie, count / signedInRounds, concurrency);
        pooled[i]!.samples.push(...phase.samples);
        pooled[i]!.wallMs += phase.wallMs;
      }
    }
    const [signedIn, staticPage, floor] = pooled.map((p) => summarize(p.samples, p.wallMs, null));
    for (const [i, target] of targets.entries()) console.log(formatSummary(`${target.label}, ${concurrency} conc.`, [signedIn, staticPage, floor][i]!));
    console.log(
      `  ratio signed-in ÷ static: p50 ${(signedIn!.p50 / staticPage!.p50).toFixed(2)}×, p99 ${(signedIn!.p99 / staticPage!.p99).toFixed(2)}×  (goal p50 ≤ 1.5×)`,
    );
    if (floor)
      console.log(
        `  of which the floor, dynamic no-op ÷ static: p50 ${(floor.p50 / staticPage!.p50).toFixed(2)}×; ours on top, signed-in ÷ no-op: p50 ${(signedIn!.p50 / floor.p50).toFixed(2)}×`,
      );
    else console.log(`  (this build has no ${FLOOR_ROUTE}: the floor is not measured)`);
  }
}

async function rssAcrossSignIns(app: ProductionApp, fixture: SamlSignInFixture, rssStart: number[]): Promise<void> {
  console.log(`RSS at start ${mb(rssStart)}`);
  let done = 0;
  for (const checkpoint of rssCheckpoints(rssSignIns)) {
    while (done < checkpoint) {
      const batch = Math.min(500, checkpoint - done);
      const prepared = await fixture.prepare(app.url, batch);
      await timeConcurrently(prepared, 16, async (p) => void (await SamlSignInFixture.signIn(app.url, p)));
      done += batch;
    }
    console.log(`RSS after ${done} more sign-ins (16 concurrent)  ${mb(treeRssMb(app.pid))}`);
  }
}

/** Every 1,000 sign-ins up to `total`, and `total` itself: enough points to see a plateau. */
function rssCheckpoints(total: number): number[] {
  const points = Array.from({ length: Math.floor(total / 1000) }, (_, i) => (i + 1) * 1000);
  return points.at(-1) === total ? points : [...points, total];
}

const floorMs = rsaVerifyFloorMs();
// One database and connection for every run; only the app restarts with another process count.
const app = await startProductionApp({ port: 3400 + offset, pgPort: 54380, workers: workerCounts[0]! });
const fixture = await SamlSignInFixture.create(app).catch(async (error: unknown) => {
  await app.stop();
  throw error;
});
try {
  for (const [i, workers] of workerCounts.entries()) {
    if (i > 0) await app.restart(workers);
    await benchWorkers(app, fixture, workers, floorMs, i === 0);
  }
} finally {
  await fixture.close();
  await app.stop();
}
console.log("\nAll figures from this one run; CPU is the server tree's user+system time (/proc) over the phase ÷ sign-ins.");
process.exit(0);
