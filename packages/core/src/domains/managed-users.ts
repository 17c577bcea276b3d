import { accounts, and, count, eq, ilike, inArray, memberships, sql, users, type Database } from "@gatehouse/db";
import { addedToAccountEmail } from "@gatehouse/email";
import { recordAuditEvent } from "../audit";
import type { Actor, CoreContext } from "../context";
import { type Result, fail, ok } from "../result";
import { isAccountAdmin } from "../team";
import { actorDisplayName } from "../users";

export const MANAGED_USERS_PAGE_SIZE = 20;
/** One import at most: more is a directory sync (SCIM), not a button. */
export const MANAGED_USERS_IMPORT_LIMIT = 500;

/**
 * Users of the deployment the account manages through its verified domains but who are not
 * members: their proven email falls under one of the account's verified domains, and that domain
 * is the most specific verified one for the email (a subdomain verified by another account
 * belongs to that account). Unverified emails are left out: the address is the only proof.
 */
function managedBy(accountId: string) {
  const domainOf = sql`split_part(lower(${users.email}), '@', 2)`;
  return sql`${users.emailVerifiedAt} is not null
    and not exists (select 1 from ${memberships} m where m.account_id = ${accountId} and m.user_id = ${users.id})
    and (select v.account_id from account_domains v
          where v.status = 'verified'
            and (v.domain = ${domainOf} or (v.include_subdomains and right(${domainOf}, length(v.domain) + 1) = '.' || v.domain))
          order by length(v.domain) desc limit 1) = ${accountId}`;
}

export type ManagedUser = { userId: string; email: string; name: string };

/** One page of the account's managed users who are not members, searched by email. */
export async function listManagedUsers(
  db: Database,
  input: { accountId: string; search?: string; page?: number; pageSize?: number },
): Promise<{ users: ManagedUser[]; total: number; page: number; pageCount: number }> {
  const pageSize = input.pageSize ?? MANAGED_USERS_PAGE_SIZE;
  const search = input.search?.trim();
  const where = and(managedBy(input.accountId), search ? ilike(users.email, `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined);
  const [totalRow] = await db.select({ n: count() }).from(users).where(where);
  const total = totalRow?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, input.page ?? 1), pageCount);
  const rows = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(users)
    .where(where)
    .orderBy(sql`lower(${users.email})`)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { users: rows, total, page, pageCount };
}

/**
 * Adds managed users as Members: the chosen ones, or all of them. Each is checked again here (a
 * user id from a form proves nothing), gets an audit event and an email.
 */
export async function importManagedUsers(
  ctx: CoreContext,
  input: { accountId: string; userIds: string[] | "all"; actor: Actor },
): Promise<Result<{ imported: number }>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can import users.");
  if (input.userIds !== "all" && input.userIds.length === 0) return fail("Choose at least one person to import.");
  if (input.userIds !== "all" && input.userIds.length > MANAGED_USERS_IMPORT_LIMIT)
    return fail(`Import at most ${MANAGED_USERS_IMPORT_LIMIT} people at a time.`);
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  if (!account) return fail("This account no longer exists.");
  const imported = await ctx.db.transaction(async (tx) => {
    const eligible = await tx
      .select({ userId: users.id, email: users.email })
      .from(users)
      .where(and(managedBy(input.accountId), input.userIds === "all" ? undefined : inArray(users.id, input.userIds)))
      .orderBy(sql`lower(${users.email})`)
      .limit(MANAGED_USERS_IMPORT_LIMIT);
    if (eligible.length === 0) return [];
    const added = await tx
      .insert(memberships)
      .values(eligible.map((u) => ({ accountId: input.accountId, userId: u.userId, role: "member" as const, source: "domain" as const })))
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    const addedIds = new Set(added.map((a) => a.userId));
    const people = eligible.filter((u) => addedIds.has(u.userId));
    for (const person of people) {
      await recordAuditEvent(tx, {
        accountId: input.accountId,
        actor: input.actor,
        action: "member.imported",
        target: { type: "user", id: person.userId, label: person.email },
        metadata: { role: "member" },
      });
    }
    return people;
  });
  if (imported.length === 0) return fail("Nobody left to import: they are members already, or their email is no longer on a verified domain.");
  const rendered = addedToAccountEmail({ accountName: account.name, adminName: await actorDisplayName(ctx.db, input.actor), signInUrl: `${ctx.appUrl}/login` });
  for (const person of imported) await ctx.mailer.send({ ...rendered, to: person.email, template: "added_to_account" });
  return ok({ imported: imported.length });
}
