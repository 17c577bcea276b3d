import type { Command } from "commander";
import { findAccountsForSupport } from "@gatehouse/core";
import { withDatabase } from "./context";

const LIST_LIMIT = 1000;

/** `accounts …`: returns the group so other account commands can join it. */
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
  return accounts;
}
