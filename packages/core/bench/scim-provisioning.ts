import { createDatabase, memberships, scimDirectories, scimUsers, ssoConnections, users } from "@gatehouse/db";
import { createFreshDatabase, startTestServer } from "@gatehouse/db/testing";
import type { Mailer } from "@gatehouse/email";
import { ensureAccount, handleScimRequest, issueScimToken, type CoreContext } from "../src";

/**
 * Provisions 10,000 users through the SCIM handler at 8 concurrent requests and compares with the
 * floor: plain INSERTs of the same rows (user, membership, SCIM user; one transaction each, same
 * concurrency). The handler runs in-process on web-standard Request objects (the exact function
 * the Next.js route calls), so the figure is the SCIM path itself: token check, rate-limit
 * UPDATE, uniqueness checks, member sync, audit rows, request-log row. Next.js's own HTTP
 * overhead is not in it. Emails go to a no-op mailer (in the app they are queued after commit).
 */
const USERS = Number(process.env.SCIM_BENCH_USERS ?? 10_000);
const CONCURRENCY = 8;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function runConcurrently(n: number, fn: (i: number) => Promise<void>) {
  const samples: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < n; i = next++) {
        const s = performance.now();
        await fn(i);
        samples.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: n / seconds, p50: percentile(samples, 50), p99: percentile(samples, 99), seconds };
}

const server = await startTestServer(54336);
const fresh = await createFreshDatabase(server.adminUrl);
const db = createDatabase(fresh.url, { max: CONCURRENCY + 2 });
const mailer = { send: async () => ({ id: "bench", status: "sent" as const }), close() {} } as unknown as Mailer;
const ctx: CoreContext = { db, mailer, appUrl: "http://bench.test" };
try {
  const setup = async (slug: string) => {
    const account = await ensureAccount(db, { name: slug, slug });
    const [connection] = await db
      .insert(ssoConnections)
      .values({
        accountId: account.id,
        provider: "okta",
        name: "Okta",
        buttonText: "Okta",
        attributeMapping: {
          email: "email",
          firstName: "given_name",
          lastName: "family_name",
          displayName: "name",
          username: "preferred_username",
          picture: "picture",
        },
      })
      .returning();
    const [dir] = await db.insert(scimDirectories).values({ accountId: account.id, connectionId: connection!.id }).returning();
    return { accountId: account.id, directoryId: dir!.id };
  };
  const body = (i: number, tag: string) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: `user${i}@${tag}.bench.test`,
    name: { givenName: "Bench", familyName: `User ${i}` },
    emails: [{ primary: true, value: `user${i}@${tag}.bench.test`, type: "work" }],
    externalId: `ext-${i}`,
    active: true,
  });

  const floorDir = await setup("floor");
  const floor = await runConcurrently(USERS, async (i) => {
    const b = body(i, "floor");
    await db.transaction(async (tx) => {
      const [u] = await tx
        .insert(users)
        .values({ email: b.userName, name: `Bench User ${i}` })
        .returning({ id: users.id });
      await tx.insert(memberships).values({ accountId: floorDir.accountId, userId: u!.id, role: "member", source: "scim" });
      await tx.insert(scimUsers).values({ directoryId: floorDir.directoryId, userId: u!.id, userName: b.userName, externalId: b.externalId, resource: b });
    });
  });

  const scimDir = await setup("scim");
  const { token } = await issueScimToken(db, scimDir.directoryId);
  const url = `http://bench.test/scim/v2/${scimDir.directoryId}/Users`;
  const scim = await runConcurrently(USERS, async (i) => {
    const res = await handleScimRequest(
      ctx,
      new Request(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
        body: JSON.stringify(body(i, "scim")),
      }),
      {
        directoryId: scimDir.directoryId,
        path: ["Users"],
        baseUrl: `http://bench.test/scim/v2/${scimDir.directoryId}`,
        ip: null,
        rateLimitPerMinute: 1_000_000,
      },
    );
    if (res.status !== 201) throw new Error(`POST /Users answered ${res.status}: ${await res.text()}`);
  });

  const line = (label: string, r: typeof floor) =>
    console.log(
      `${label.padEnd(40)} ${r.perSecond.toFixed(0).padStart(6)} users/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (${r.seconds.toFixed(1)} s)`,
    );
  console.log(`SCIM provisioning: ${USERS} users, ${CONCURRENCY} concurrent`);
  line("plain INSERTs (floor)", floor);
  line("SCIM POST /Users (handler in-process)", scim);
  console.log(
    `ratio: SCIM runs at ${((scim.perSecond / floor.perSecond) * 100).toFixed(0)}% of the floor (${(floor.perSecond / scim.perSecond).toFixed(1)}× slower)`,
  );
} finally {
  await db.$client.end();
  await fresh.drop();
  await server.stop();
}
