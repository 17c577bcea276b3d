import type { Command } from "commander";
import { disableSso } from "@gatehouse/core";
import { CliError } from "../output";
import { withDatabase } from "./context";
import { accountBySlugOrFail, supportContext } from "./support-context";

export function registerSsoCommands(program: Command): void {
  const sso = program.command("sso").description("An account's single sign-on");
  sso
    .command("disable")
    .description("Switch SSO off for an account: connections off, requirement back to any, SSO sessions ended (break-glass)")
    .requiredOption("--account <slug>", "the account's slug")
    .requiredOption("--reason <text>", "why (shown to the customer in their audit log)")
    .action(
      withDatabase(async ({ database, out }, options: { account: string; reason: string }) => {
        const account = await accountBySlugOrFail(database, options.account);
        const { ctx, actor, close } = supportContext(database);
        try {
          const result = await disableSso(ctx, { accountId: account.id, actor, reason: options.reason, bySupport: true, byOperator: true });
          if (!result.ok) throw new CliError(result.error);
          const c = result.value;
          out.info(
            `SSO is off for ${account.name}: ${c.connectionsDisabled} connection(s) switched off, ${c.domainsUnenforced} domain(s) no longer enforce SSO, ${c.sessionsEnded} SSO session(s) ended.`,
          );
          out.info(
            `Members sign in with a password now. Send them reset links with: pnpm gatehouse password-resets send --account ${account.slug} --reason "…"`,
          );
          out.result({ account: account.slug, ...c }, account.slug);
        } finally {
          close();
        }
      }),
    );
}
