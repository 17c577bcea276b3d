import type { Command } from "commander";
import { createAccount, findAccountsForSupport } from "@gatehouse/core";
import { CliError } from "../output";
import { withDatabase } from "./context";
import { cliCoreContext, OPERATOR } from "./core-context";

const LIST_LIMIT = 1000;

/** `accounts list|create`: one group for every account command. */
export function registerAccountsCommands(program: Command): Command {
  const accounts = program.command("accounts").description("Customer accounts");
  accounts
    .command("list")
    .description("List accounts (newest first), or those matching a name, slug, domain or member email")
    .option("--search <text>", "only accounts whose name, slug, domain or a member's email contains this")
    .action(
      withDatabase(async ({ database, out }, options: { search?: string }) => {
        const hits = await findAccountsForSupport(database.db, options.search ?? "", LIST_LIMIT);
        if (hits.length === 0) out.info(options.search ? `No account matches ${options.search}.` : "No accounts yet.");
        out.result(
          hits.map((h) => ({ ...h, enforcementSuspendedUntil: h.enforcementSuspendedUntil?.toISOString() ?? null })),
          hits.map((h) => [h.slug, h.name, h.authRequired, `${h.memberCount} members`, h.domains.join(",") || "-"].join("\t")),
        );
      }),
    );

  accounts
    .command("create")
    .description("Create an account; prints its id alone on standard output")
    .requiredOption("--name <name>", "the account's name, as members see it")
    .requiredOption("--slug <slug>", "lower-case letters, digits and hyphens; used in sign-in links (/sso/<slug>)")
    .option("--admin <email>", "make this user its admin (an invite is emailed when they have no login yet)")
    .action(
      withDatabase(async ({ database, out }, options: { name: string; slug: string; admin?: string }) => {
        const ctx = cliCoreContext(database.db);
        try {
          const created = await createAccount(ctx, { name: options.name, slug: options.slug, adminEmail: options.admin, actor: OPERATOR });
          if (!created.ok) throw new CliError(created.error);
          const { account, admin } = created.value;
          out.info(`Created ${account.name} (${account.slug}).`);
          if (admin) out.info(admin.outcome === "added" ? `${admin.email} is its admin.` : `${admin.email} was sent an invite to be its admin.`);
          out.result({ id: account.id, name: account.name, slug: account.slug, admin }, account.id);
        } finally {
          ctx.mailer.close();
        }
      }),
    );
  return accounts;
}
