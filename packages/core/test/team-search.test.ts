import { describe, expect, it } from "vitest";
import { sql } from "@gatehouse/db";
import { ensureAccount, listMembers, MEMBERS_COUNT_CAP, MEMBERS_PAGE_SIZE } from "../src";
import { containsPattern } from "../src/like-pattern";
import { useCoreContext } from "./harness";

const env = useCoreContext();

// An account of 6,000: 3,600 members sorting first ("Aaron …") and 2,400 sorting last ("Zoë …",
// some upper-case), so a term can match more members than the count cap while all of them sort
// past the first 2,000 users (the walk step finds none and the sorted trigram matches answer); a
// few names whose lower case is not ASCII's; a small account of 64 of the same users (read member
// by member); and another account whose member must never show.
async function seed() {
  const account = await ensureAccount(env.db, { name: "Search", slug: "search" });
  const small = await ensureAccount(env.db, { name: "Small", slug: "small" });
  const other = await ensureAccount(env.db, { name: "Elsewhere", slug: "elsewhere" });
  await env.db.execute(sql`
    insert into users (email, name)
    select 'person-' || i || '@example' || (i % 7) || '.test',
           case when i <= 3600 then 'Aaron ' || (array['Hopper','Knuth','Liskov'])[1 + i % 3] || ' ' || i
                when i % 2 = 0 then 'ZOË Ünal ' || i else 'Zoë Ünal ' || i end
    from generate_series(1, 6000) i`);
  await env.db.execute(sql`
    insert into users (email, name) values
      ('elodie@unicode.test', 'Élodie Ørsted'), ('asa@unicode.test', 'ÅSA STRÖM'), ('ilker@unicode.test', 'İlker Işık'),
      ('percent@unicode.test', '100% Sure_Thing'), ('outsider-aaron@example1.test', 'Aaron Outsider')`);
  await env.db.execute(sql`
    insert into memberships (account_id, user_id, role)
    select case when email like 'outsider-%' then ${other.id}::uuid else ${account.id}::uuid end, id, 'member' from users
    where email like 'person-%' or email like '%@unicode.test' or email like 'outsider-%'`);
  await env.db.execute(sql`
    insert into memberships (account_id, user_id, role)
    select ${small.id}::uuid, id, 'member' from users where email like '%@unicode.test' or email ~ '^person-[0-9]*00@'`);
  await env.db.execute(sql`analyze users`);
  return { big: account.id, small: small.id };
}

/** Every matching member in team order, by the query team search used before it was split in steps (ILIKE on name or email). */
async function expectedOrder(accountId: string, search: string): Promise<string[]> {
  const pattern = containsPattern(search.trim());
  const rows = await env.db.execute<{ id: string }>(sql`
    select users.id from memberships inner join users on users.id = memberships.user_id
    where memberships.account_id = ${accountId} and (users.email ilike ${pattern} or users.name ilike ${pattern})
    order by lower(users.name), users.email`);
  return rows.map((row) => row.id);
}

describe("team search", () => {
  it("returns the same members, order, pages and count as an ILIKE over the whole list, for every kind of term", async () => {
    const accounts = await seed();
    const terms = [
      "zoë", // 2,400 matches, all sorting after the first 2,000 users
      "ZOË ünal 39", // a few, upper-case term against mixed-case names
      "aaron", // 3,600 matches at the start of the order (the walk answers)
      "example3", // a seventh of everyone, spread evenly
      "knuth 1", // a few hundred
      "person-1234@", // one
      "ar", // too short for trigrams
      "élodie",
      "ørsted",
      "åsa ström",
      "i̇lker", // lower('İ') is i + combining dot
      "işık",
      "100%",
      "sure_thing",
      "nobody-here",
    ];
    for (const accountId of [accounts.big, accounts.small]) {
      for (const term of terms) {
        const expected = await expectedOrder(accountId, term);
        const label = `${accountId === accounts.big ? "big" : "small"} account, "${term}"`;
        const first = await listMembers(env.db, { accountId, search: term });
        expect(
          first.members.map((m) => m.userId),
          label,
        ).toEqual(expected.slice(0, MEMBERS_PAGE_SIZE));
        expect({ total: first.total, totalIsCapped: first.totalIsCapped }, label).toEqual({
          total: Math.min(expected.length, MEMBERS_COUNT_CAP),
          totalIsCapped: expected.length > MEMBERS_COUNT_CAP,
        });
        expect(first.prevCursor, label).toBeNull();
        if (expected.length <= MEMBERS_PAGE_SIZE) {
          expect(first.nextCursor, label).toBeNull();
          continue;
        }
        const second = await listMembers(env.db, { accountId, search: term, after: first.nextCursor! });
        expect(
          second.members.map((m) => m.userId),
          label,
        ).toEqual(expected.slice(MEMBERS_PAGE_SIZE, 2 * MEMBERS_PAGE_SIZE));
        const back = await listMembers(env.db, { accountId, search: term, before: second.prevCursor! });
        expect(
          back.members.map((m) => m.userId),
          label,
        ).toEqual(first.members.map((m) => m.userId));
        expect(back.prevCursor, label).toBeNull();
      }
    }
  });

  it("pages through every match of a term whose matches all sort late, each member once and in order", async () => {
    const accountId = (await listAccountId()) ?? (await seed()).big;
    const expected = await expectedOrder(accountId, "zoë");
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listMembers(env.db, { accountId, search: "zoë", after });
      seen.push(...page.members.map((m) => m.userId));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(seen).toEqual(expected);
  });

  it("shows a member's row as the unsearched list does", async () => {
    const accountId = (await listAccountId()) ?? (await seed()).big;
    const plain = await listMembers(env.db, { accountId });
    const first = plain.members[0]!;
    const searched = await listMembers(env.db, { accountId, search: first.email });
    expect(searched.members).toEqual([first]);
  });
});

async function listAccountId(): Promise<string | undefined> {
  const rows = await env.db.execute<{ id: string }>(sql`select id from accounts where slug = 'search'`);
  return rows[0]?.id;
}
