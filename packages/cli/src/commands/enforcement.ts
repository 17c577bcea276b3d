import type { Command } from "commander";
import { suspendEnforcement } from "@gatehouse/core";
import { CliError } from "../output";
import { withDatabase } from "./context";
import { accountBySlugOrFail, supportContext } from "./support-context";

export function registerEnforcementCommands(program: Command): void {
  const enforcement = program.command("enforcement").description("An account's SSO enforcement");
  enforcement
    .command("suspend")
    .description("Pause SSO enforcement for 1 to 72 hours (break-glass); a job restores it, and the admins are emailed both times")
    .requiredOption("--account <slug>", "the account's slug")
    .requiredOption("--hours <n>", "how long, in whole hours from 1 to 72")
    .requiredOption("--reason <text>", "why (shown to the customer in their audit log)")
    .action(
      withDatabase(async ({ database, out }, options: { account: string; hours: string; reason: string }) => {
        const account = await accountBySlugOrFail(database, options.account);
        const { ctx, actor, close } = supportContext(database);
        try {
          const result = await suspendEnforcement(ctx, {
            accountId: account.id,
            hours: Number(options.hours),
            reason: options.reason,
            actor,
            byOperator: true,
          });
          if (!result.ok) throw new CliError(result.error);
          out.info(`SSO enforcement for ${account.name} is suspended until ${result.value.until.toISOString()}; the app restores it then.`);
          out.result({ account: account.slug, until: result.value.until.toISOString() }, result.value.until.toISOString());
        } finally {
          close();
        }
      }),
    );
}
