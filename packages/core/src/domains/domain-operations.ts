import { accountDomains, and, eq, type AccountDomain, type AutoJoinPolicy } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor, type CoreContext } from "../context";
import { type Result, fail, ok } from "../result";
import { isAccountAdmin } from "../team";
import { applyDomainCheck } from "./apply-domain-check";
import { PENDING_RECHECK_MS } from "./decide-domain-check";
import type { DomainContext } from "./domain-context";
import { generateVerificationToken } from "./domain-challenge";
import { normaliseDomain } from "./normalise-domain";

type DomainInput = { accountId: string; domainId: string; actor: Actor };

/**
 * The account's domain, for an admin. A setup link's recipient (when its link covers domains) may
 * add and verify; removing and changing a domain stay with the admins.
 */
async function loadOwnDomain(ctx: Pick<CoreContext, "db">, input: DomainInput, verb: string, setupLinkMay = false): Promise<Result<AccountDomain>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor)) || (input.actor.viaSetupLinkId && !setupLinkMay))
    return fail(`Only account admins can ${verb}.`);
  const [row] = await ctx.db
    .select()
    .from(accountDomains)
    .where(and(eq(accountDomains.id, input.domainId), eq(accountDomains.accountId, input.accountId)))
    .limit(1);
  return row ? ok(row) : fail("That domain is not on this account (it may have been removed).");
}

/** Claims a domain for the account: a pending row with a fresh token to publish as TXT. */
export async function addDomain(ctx: CoreContext, input: { accountId: string; domain: string; actor: Actor }): Promise<Result<AccountDomain>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can add domains.");
  const normalised = normaliseDomain(input.domain);
  if (!normalised.ok) return normalised;
  const domain = normalised.value;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accountDomains)
      .values({
        accountId: input.accountId,
        domain,
        verificationToken: generateVerificationToken(),
        createdByUserId: input.actor.userId,
        createdAt: now,
        missingSince: now,
        nextCheckAt: new Date(now.getTime() + PENDING_RECHECK_MS),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return fail(`${domain} is already on this account.`);
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "domain.added",
      target: { type: "domain", id: row.id, label: domain },
    });
    return ok(row);
  });
}

/** "Verify now": checks DNS at once; restarts an expired or lost claim. */
export async function verifyDomainNow(ctx: DomainContext, input: DomainInput): Promise<Result<AccountDomain>> {
  const loaded = await loadOwnDomain(ctx, input, "verify domains", true);
  if (!loaded.ok) return loaded;
  const { row } = await applyDomainCheck(ctx, loaded.value, { trigger: "manual", actor: input.actor });
  return ok(row);
}

/** Removes a claim; a verified domain stops routing and trust at once. */
export async function removeDomain(ctx: Pick<CoreContext, "db">, input: DomainInput): Promise<Result<{ domain: string }>> {
  const loaded = await loadOwnDomain(ctx, input, "remove domains");
  if (!loaded.ok) return loaded;
  const row = loaded.value;
  await ctx.db.transaction(async (tx) => {
    await tx.delete(accountDomains).where(eq(accountDomains.id, row.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "domain.removed",
      target: { type: "domain", id: row.id, label: row.domain },
      metadata: { status: row.status },
    });
  });
  return ok({ domain: row.domain });
}

/** Whether the domain also covers its subdomains (the most specific verified domain wins). */
export async function setIncludeSubdomains(ctx: Pick<CoreContext, "db">, input: DomainInput & { includeSubdomains: boolean }): Promise<Result<AccountDomain>> {
  const loaded = await loadOwnDomain(ctx, input, "change domains");
  if (!loaded.ok) return loaded;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(accountDomains).set({ includeSubdomains: input.includeSubdomains }).where(eq(accountDomains.id, input.domainId)).returning();
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "domain.subdomains_changed",
      target: { type: "domain", id: input.domainId, label: loaded.value.domain },
      metadata: { includeSubdomains: input.includeSubdomains, from: loaded.value.includeSubdomains, to: input.includeSubdomains },
    });
    return ok(row!);
  });
}

/** The auto-join policy of a verified domain (what it does is domain capture's job). */
export async function setAutoJoin(ctx: Pick<CoreContext, "db">, input: DomainInput & { autoJoin: AutoJoinPolicy }): Promise<Result<AccountDomain>> {
  const loaded = await loadOwnDomain(ctx, input, "change domains");
  if (!loaded.ok) return loaded;
  if (loaded.value.status !== "verified" && input.autoJoin !== "off") return fail(`Verify ${loaded.value.domain} before choosing who may join through it.`);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(accountDomains).set({ autoJoin: input.autoJoin }).where(eq(accountDomains.id, input.domainId)).returning();
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "domain.auto_join_changed",
      target: { type: "domain", id: input.domainId, label: loaded.value.domain },
      metadata: { from: loaded.value.autoJoin, to: input.autoJoin },
    });
    return ok(row!);
  });
}
