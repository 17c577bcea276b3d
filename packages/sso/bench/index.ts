import { inflateRawSync } from "node:zlib";
import { createDatabase, eq, sql, ssoConnections } from "@gatehouse/db";
import { createFreshDatabase, dropDatabase, startTestServer, withDatabase } from "@gatehouse/db/testing";
import { ensureAccount, ensureMember, PROVIDERS } from "@gatehouse/core";
import { createMailer } from "@gatehouse/email";
import { startSandbox } from "@gatehouse/idp-sandbox";
import {
  completeSamlCallback,
  getConnection,
  guardedFetch,
  handleSamlAcs,
  pruneSamlSeenIds,
  saveConnection,
  ssoUrls,
  startSsoFlow,
  type SsoContext,
} from "../src";

/** SAML sign-in throughput on the real stack (Jackson on PostgreSQL, encrypted): start → ACS → session. */
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const server = await startTestServer(54336);
const fresh = await createFreshDatabase(server.adminUrl);
const ssoName = `${new URL(fresh.url).pathname.slice(1)}_sso`;
const db = createDatabase(fresh.url, { max: 4 });
const appUrl = "http://localhost:39999";
const ctx: SsoContext = {
  db,
  mailer: createMailer({ db, from: "bench@bench.test" }),
  appUrl,
  encryptionKey: "bench-encryption-key-0123456789abcdef",
  ssoDatabaseUrl: withDatabase(server.adminUrl, ssoName),
  fetchImpl: guardedFetch({ allowLoopback: true, allowPrivate: false }),
};
const sandbox = await startSandbox({ port: 0, appUrl });
try {
  const account = await ensureAccount(db, { name: "Bench", slug: "bench" });
  const admin = await ensureMember(db, { accountId: account.id, email: "admin@bench.test", name: "Admin", role: "admin" });
  const app = sandbox.createSamlApp({ acsUrl: ssoUrls(appUrl).samlAcsUrl, spEntityId: ssoUrls(appUrl).spEntityId, name: "bench" });
  const saved = await saveConnection(ctx, {
    accountId: account.id,
    actor: { userId: admin.id, label: admin.email, ip: null },
    data: {
      name: "Bench SAML",
      description: "",
      buttonText: "SSO",
      provisioningMode: "match",
      jitRole: "member",
      allowedDomains: "",
      emailTrust: "trust",
      attributeMapping: PROVIDERS.saml.defaultMapping,
      provider: "saml",
      samlSource: "metadata_url",
      metadataUrl: app.metadataUrl,
    },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  await db.update(ssoConnections).set({ enabled: true, verifiedAt: new Date() }).where(eq(ssoConnections.id, saved.value.id));
  const connection = (await getConnection(db, account.id, saved.value.id))!;
  // Replay records left by earlier sign-ins, all expired (what a busy instance accumulates between prunes).
  const seeded = Number(process.env.BENCH_SEEN_IDS ?? 300_000);
  await db.execute(sql`INSERT INTO saml_seen_ids (id, expires_at) SELECT 'bench-' || g, now() - interval '1 hour' FROM generate_series(1, ${seeded}) g`);
  // Optionally also ids still inside their hour (a busy instance always has these): what a
  // per-ACS `DELETE … WHERE expires_at < now()` without an index has to scan on every sign-in.
  const live = Number(process.env.BENCH_SEEN_IDS_LIVE ?? 0);
  if (live > 0)
    await db.execute(sql`INSERT INTO saml_seen_ids (id, expires_at) SELECT 'bench-live-' || g, now() + interval '1 hour' FROM generate_series(1, ${live}) g`);
  await db.execute(sql`ANALYZE saml_seen_ids`);
  console.log(`seeded ${seeded} expired and ${live} unexpired saml_seen_ids rows`);
  const samples: number[] = [];
  const n = Number(process.env.BENCH_N ?? 60);
  const startRss = process.memoryUsage().rss;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const started = await startSsoFlow(ctx, { connection, purpose: "sign_in" });
    if (!started.ok || !("redirectUrl" in started.value)) throw new Error("start failed");
    const url = new URL(started.value.redirectUrl);
    const id = /\sID="([^"]+)"/.exec(inflateRawSync(Buffer.from(url.searchParams.get("SAMLRequest")!, "base64")).toString())![1]!;
    const response = sandbox.buildSamlResponse(app.id, { email: admin.email, inResponseTo: id });
    const acs = await handleSamlAcs(ctx, { samlResponse: response, relayState: url.searchParams.get("RelayState") });
    if (acs.kind !== "redirect") throw new Error(`acs ${acs.kind}`);
    const outcome = await completeSamlCallback(ctx, {
      url: new URL(acs.url),
      request: { ip: null, userAgent: null },
      browserSecret: started.value.browserSecret,
    });
    if (outcome.kind !== "signed_in") throw new Error(`outcome ${JSON.stringify(outcome)}`);
    samples.push(performance.now() - t0);
  }
  const warm = samples.slice(5);
  console.log(
    `SAML sign-in round trip (server side, excl. IdP)  n=${warm.length}  p50 ${percentile(warm, 50).toFixed(1)} ms  p95 ${percentile(warm, 95).toFixed(1)} ms`,
  );
  // The periodic sweep that replaced the per-ACS DELETE, timed on its own (it is off the sign-in path).
  const t0 = performance.now();
  const pruned = await pruneSamlSeenIds(db, new Date());
  console.log(`prune sweep: ${pruned} expired ids in ${(performance.now() - t0).toFixed(0)} ms (off the sign-in path)`);
  console.log(
    `rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB (grew ${((process.memoryUsage().rss - startRss) / 1048576).toFixed(0)} MB over ${n} sign-ins)`,
  );
} finally {
  await sandbox.stop();
  await db.$client.end();
  await fresh.drop();
  await dropDatabase(server.adminUrl, ssoName);
  await server.stop();
  process.exit(0);
}
