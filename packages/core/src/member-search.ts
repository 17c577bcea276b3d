import { and, memberships, sql, users, type Database, type SQL } from "@gatehouse/db";
import type { MemberRow } from "./team";

/**
 * "Email or name contains the term", for a pattern from `containsPattern`. The same rows as
 * `email ILIKE p OR name ILIKE p`: in a multibyte encoding ILIKE is LIKE on lower() of both sides,
 * and the lowered columns are stored, so no row is lowered while a search reads it.
 */
function memberMatches(pattern: string, columns: Pick<Columns, "emailLower" | "nameLower">): SQL {
  return sql`(${columns.emailLower} like lower(${pattern}) or ${columns.nameLower} like lower(${pattern}))`;
}

type Columns = { emailLower: SQL; nameLower: SQL; email: SQL };
const usersColumns: Columns = { emailLower: sql`${users.emailLower}`, nameLower: sql`${users.nameLower}`, email: sql`${users.email}` };
/** The same columns of a CTE (whose name is ours, never input). */
const columnsOf = (cte: string): Columns => ({
  emailLower: sql.raw(`${cte}.email_lower`),
  nameLower: sql.raw(`${cte}.name_lower`),
  email: sql.raw(`${cte}.email`),
});

/** Rows past a cursor in the team list's order, (lower(name), email); email is unique, so the order is total. */
export function memberSortKeyPast(edge: { name: string; email: string }, backwards: boolean, columns: Columns = usersColumns): SQL {
  return sql`(${columns.nameLower}, ${columns.email}) ${backwards ? sql`<` : sql`>`} (${edge.name}, ${edge.email})`;
}

/** A member row with its sort key, which the page's cursors are made of. */
export type MemberSearchRow = MemberRow & { sortName: string };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Input = { accountId: string; pattern: string; edge: { name: string; email: string } | null; backwards: boolean; limit: number; countCap: number };

/**
 * Past this many users in sort order, a page not yet filled is looked for among the trigram
 * matches instead: walking costs about a microsecond a row, so the first try stays a few ms.
 */
const WALK_ROWS = 2000;

/**
 * Up to this many members, step 1 reads all of the account's members and checks each (a few ms
 * at most) rather than the matching users: in an install of many accounts a common term can match
 * far more users than a small account has members (a 20-member account searching "example" among
 * 55,000 users took 190 ms the other way, 2 ms this way).
 */
const SMALL_ACCOUNT_MEMBERS = 5000;

/**
 * How many of an account's members match `pattern` (exact up to `countCap`, else more than it),
 * and up to `limit` of them in team order past `edge` (read backwards when `backwards` is set).
 *
 * A single join cannot be planned well for every term. Given a LIMIT, the planner walks an index
 * and filters whenever it expects matches to be common, assuming they are spread evenly: a common
 * first name sorting late walked 33,000 rows of the name order for one page (60–95 ms), and a
 * count that overestimated a 2% term walked all 55,000 users (70 ms). So each step below has a
 * cost bounded by what it reads, and the next runs only when the last could not answer:
 * 1. the matching users as a MATERIALIZED CTE, which the planner prices as a whole (trigram
 *    matches when they are few, one sequential pass otherwise), each looked up in the account,
 *    up to countCap + 1: that is the count, and when it is all of them the page is sorted from
 *    them. A CTE is read only as far as its reader asks, so a pass stops at countCap + 1. In a
 *    small account, its members are read and checked instead, all of them, and that answers;
 * 2. otherwise matches are many: walk the first WALK_ROWS users in sort order past `edge`,
 *    keeping matching members, which fills the page whenever matches are common near its start;
 * 3. otherwise the matching users in sort order, again a CTE priced as a whole: the trigram
 *    matches then a sort when they are a few thousand, the name-order walk when nearly everyone
 *    matches or the term is too short for trigrams; read in order until the page is full.
 */
export function searchMembers(db: Database, input: Input): Promise<{ matched: number; rows: MemberSearchRow[] }> {
  return db.transaction(async (tx) => {
    // Should these statements ever be prepared (a named drizzle query, or a driver set to prepare
    // them), PostgreSQL may switch after five runs to one generic plan for every term, which cannot
    // tell a term matching three members from one matching everyone: each search is planned for its
    // own term. Settings made with set_config(..., true) last until this transaction ends.
    const [settings] = await tx.execute<{ members: number }>(sql`
      select set_config('plan_cache_mode', 'force_custom_plan', true),
             (select count(*)::int from (select 1 from ${memberships} where ${memberships.accountId} = ${input.accountId} limit ${SMALL_ACCOUNT_MEMBERS + 1}) capped) as members`);
    const isSmall = (settings?.members ?? 0) <= SMALL_ACCOUNT_MEMBERS;
    const few = await readFromAllMatches(tx, input, isSmall ? "members" : "users");
    if (isSmall || few.matched <= input.countCap) return few;
    // The planner prices LIKE as nearly free per row, so for a page in sort order it would rather
    // scan and sort everything than walk the name-order index, which stops as soon as it is full.
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    const walked = await readMembersAmong(tx, input, "walk");
    return { matched: few.matched, rows: walked.length === input.limit ? walked : await readMembersAmong(tx, input, "matches") };
  });
}

type RawRow = Omit<MemberSearchRow, "joinedAt" | "ssoExemptUntil"> & { joinedAt: string; ssoExemptUntil: string | null };

// db.execute hands timestamps over as PostgreSQL's ISO text, which is what a query-builder select
// turns into a Date too.
const toRow = (row: RawRow): MemberSearchRow => ({
  ...row,
  joinedAt: new Date(row.joinedAt),
  ssoExemptUntil: row.ssoExemptUntil === null ? null : new Date(row.ssoExemptUntil),
});

async function readFromAllMatches(tx: Tx, input: Input, from: "members" | "users"): Promise<{ matched: number; rows: MemberSearchRow[] }> {
  const direction = input.backwards ? sql`desc` : sql`asc`;
  const found = columnsOf("found");
  const past = input.edge ? sql`where ${memberSortKeyPast(input.edge, input.backwards, found)}` : sql``;
  const userColumns = sql`${users.id} as id, ${users.email} as email, ${users.name} as name, ${users.nameLower} as name_lower,
    ${users.passwordHash} is not null as has_password`;
  const membershipColumns = sql`${memberships.role} as role, ${memberships.createdAt} as joined_at, ${memberships.source} as source,
    ${memberships.ssoExempt} as sso_exempt, ${memberships.ssoExemptUntil} as sso_exempt_until`;
  // The lookup on the other side is a lateral subquery with a limit (one row at most either way)
  // so that it stays a lookup per row, stopping with the reader: as a plain join the planner may
  // hash all 50,000 of an account's memberships first.
  const collect =
    from === "users"
      ? sql`
    matching_users as materialized (select ${userColumns} from ${users} where ${memberMatches(input.pattern, usersColumns)}),
    found as materialized (
      select matching_users.*, membership.*
      from matching_users
      cross join lateral (
        select ${membershipColumns} from ${memberships}
        where ${memberships.userId} = matching_users.id and ${memberships.accountId} = ${input.accountId}
        limit 1
      ) membership
      limit ${input.countCap + 1}
    )`
      : sql`
    found as materialized (
      select matching_user.*, ${membershipColumns}
      from ${memberships}
      cross join lateral (
        select ${userColumns} from ${users}
        where ${users.id} = ${memberships.userId} and ${memberMatches(input.pattern, usersColumns)}
        limit 1
      ) matching_user
      where ${memberships.accountId} = ${input.accountId}
    )`;
  const result = await tx.execute<{ matched: number } & ({ userId: null } | RawRow)>(sql`
    with ${collect}
    select counted.matched, page.*
    from (select count(*)::int as matched from found) counted
    left join lateral (
      select found.id as "userId", found.email, found.name, found.role, found.joined_at as "joinedAt", found.source,
             found.sso_exempt as "ssoExempt", found.sso_exempt_until as "ssoExemptUntil", found.has_password as "hasPassword",
             found.name_lower as "sortName"
      from found ${past}
      order by found.name_lower ${direction}, found.email ${direction}
      limit ${input.limit}
    ) page on true`);
  const matched = result[0]?.matched ?? 0;
  // With no row on the page, the lateral join still returns the count, beside nulls.
  const rows = result.flatMap(({ matched: _matched, ...row }) => (row.userId === null ? [] : [toRow(row as RawRow)]));
  return { matched, rows };
}

async function readMembersAmong(tx: Tx, input: Input, candidates: "walk" | "matches"): Promise<MemberSearchRow[]> {
  const direction = input.backwards ? sql`desc` : sql`asc`;
  const where = and(
    candidates === "matches" ? memberMatches(input.pattern, usersColumns) : undefined,
    input.edge ? memberSortKeyPast(input.edge, input.backwards, usersColumns) : undefined,
  );
  const rows = await tx.execute<RawRow>(sql`
    with candidates as materialized (
      select ${users.id} as id, ${users.email} as email, ${users.name} as name, ${users.nameLower} as name_lower,
             ${users.emailLower} as email_lower, ${users.passwordHash} is not null as has_password
      from ${users}
      ${where ? sql`where ${where}` : sql``}
      order by ${users.nameLower} ${direction}, ${users.email} ${direction}
      ${candidates === "walk" ? sql`limit ${WALK_ROWS}` : sql``}
    )
    select candidates.id as "userId", candidates.email, candidates.name, ${memberships.role} as role,
           ${memberships.createdAt} as "joinedAt", ${memberships.source} as source, ${memberships.ssoExempt} as "ssoExempt",
           ${memberships.ssoExemptUntil} as "ssoExemptUntil", candidates.has_password as "hasPassword", candidates.name_lower as "sortName"
    from candidates
    inner join ${memberships} on ${memberships.userId} = candidates.id and ${memberships.accountId} = ${input.accountId}
    -- Among the walked users this is the search; among the matches it repeats what the CTE checked.
    where ${memberMatches(input.pattern, columnsOf("candidates"))}
    order by candidates.name_lower ${direction}, candidates.email ${direction}
    limit ${input.limit}`);
  return rows.map(toRow);
}
