import type { Command } from "commander";
import { findUserByEmail, normaliseEmail, sendPasswordResets } from "@gatehouse/core";
import { CliError } from "../output";
import { withDatabase } from "./context";
import { accountBySlugOrFail, supportContext } from "./support-context";

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerPasswordResetCommands(program: Command): void {
  const resets = program.command("password-resets").description("Password-reset emails to an account's members");
  resets
    .command("send")
    .description("Email reset links to every member of an account, or to the members named with --email")
    .requiredOption("--account <slug>", "the account's slug")
    .requiredOption("--reason <text>", "why (shown to the customer in their audit log)")
    .option("--email <email>", "a member to send to (repeat for several); all members when left out", collect, [] as string[])
    .action(
      withDatabase(async ({ database, out }, options: { account: string; reason: string; email: string[] }) => {
        const account = await accountBySlugOrFail(database, options.account);
        const userIds: string[] = [];
        for (const email of options.email) {
          const user = await findUserByEmail(database.db, email);
          if (!user) throw new CliError(`No user with the email ${normaliseEmail(email)}.`);
          userIds.push(user.id);
        }
        const { ctx, actor, close } = supportContext(database);
        try {
          const result = await sendPasswordResets(ctx, {
            accountId: account.id,
            actor,
            reason: options.reason,
            bySupport: true,
            byOperator: true,
            userIds: userIds.length > 0 ? userIds : "all",
          });
          if (!result.ok) throw new CliError(result.error);
          const { sent, rateLimited } = result.value;
          if (sent === 0 && rateLimited.length > 0)
            throw new CliError(`No link sent: ${rateLimited.join(", ")} had several links in the last few minutes already. Try again later.`);
          out.info(`Sent ${sent} reset link(s) to members of ${account.name}.`);
          if (rateLimited.length > 0) out.info(`Not sent (several links in the last few minutes already): ${rateLimited.join(", ")}`);
          out.result({ account: account.slug, sent, rateLimited }, String(sent));
        } finally {
          close();
        }
      }),
    );
}
