import { createDatabase, sql } from "@gatehouse/db";
import { createFreshDatabase, startTestServer } from "@gatehouse/db/testing";
import { ensureAccount, listMembers } from "../src";

/** Team search and paging on an account with 50,000 members (seeded by SQL): p50/p95 per call. */
const MEMBERS = 50_000;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
async function time(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(i); // warm the plan cache and buffers
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  console.log(`${label.padEnd(40)} n=${String(n).padStart(4)}  p50 ${percentile(samples, 50).toFixed(2)} ms  p95 ${percentile(samples, 95).toFixed(2)} ms`);
}

const server = await startTestServer(54336);
const fresh = await createFreshDatabase(server.adminUrl);
const db = createDatabase(fresh.url, { max: 4 });
try {
  const account = await ensureAccount(db, { name: "Bench", slug: "bench" });
  const other = await ensureAccount(db, { name: "Other", slug: "other" });
  const first = ["Ada", "Grace", "Linus", "Ken", "Barbara", "Edsger", "Donald", "Frances", "Alan", "Margaret"];
  const last = ["Lovelace", "Hopper", "Torvalds", "Thompson", "Liskov", "Dijkstra", "Knuth", "Allen", "Turing", "Hamilton"];
  await db.execute(sql`
    insert into users (email, name)
    select 'member-' || i || '@example' || (abs(hashint4(i)) % 50) || '.test',
           (${sql.raw(`array['${first.join("','")}']`)})[1 + i % 10] || ' ' || (${sql.raw(`array['${last.join("','")}']`)})[1 + (i / 10) % 10] || ' ' || i
    from generate_series(1, ${MEMBERS + 5000}) i`);
  // 50,000 in the account under test and 5,000 in another, so the account filter matters.
  await db.execute(sql`
    insert into memberships (account_id, user_id, role)
    select case when row_number() over (order by id) <= ${MEMBERS} then ${account.id}::uuid else ${other.id}::uuid end, id, 'member'
    from users`);
  await db.execute(sql`analyze`);
  const accountId = account.id;
  const rare = (i: number) => `member-${1000 + i * 97}@`; // one match each
  const common = ["hopper", "knuth", "grace", "example7.test", "lovelace 12"];
  await time("first page, no search", 50, () => listMembers(db, { accountId }));
  await time("search, one match (email)", 50, (i) => listMembers(db, { accountId, search: rare(i) }));
  await time("search, many matches (name/email)", 50, (i) => listMembers(db, { accountId, search: common[i % common.length]! }));
  for (const term of common) await time(`  "${term}"`, 20, () => listMembers(db, { accountId, search: term }));
  // Two more shapes of "many matches": a first name sorting last (its 5,000 members are the last
  // tenth of the sort order, the longest walk to the first page) and a term matching a fifth of
  // the members spread evenly.
  for (const term of ["margaret", "example1"]) await time(`  "${term}"`, 20, () => listMembers(db, { accountId, search: term }));
  const graceFirst = await listMembers(db, { accountId, search: "grace" });
  const graceSecond = await listMembers(db, { accountId, search: "grace", after: graceFirst.nextCursor ?? undefined });
  await time('search, next page ("grace")', 20, () => listMembers(db, { accountId, search: "grace", after: graceFirst.nextCursor ?? undefined }));
  await time('search, previous page ("grace")', 20, () => listMembers(db, { accountId, search: "grace", before: graceSecond.prevCursor ?? undefined }));
  await time('search, matches everyone ("example")', 30, () => listMembers(db, { accountId, search: "example" }));
  await time('search, two letters ("ce")', 30, () => listMembers(db, { accountId, search: "ce" }));
  await time("search, no match", 50, (i) => listMembers(db, { accountId, search: `zz-nobody-${i}` }));
  const firstPage: Record<string, unknown> = await listMembers(db, { accountId });
  // Today's page numbers or the keyset cursor, whichever listMembers offers, so before/after compare.
  const next = ("nextCursor" in firstPage ? { accountId, after: firstPage.nextCursor } : { accountId, page: 2 }) as never;
  await time("second page, no search", 50, () => listMembers(db, next));
  console.log(`rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
} finally {
  await db.$client.end();
  await fresh.drop();
  await server.stop();
}
