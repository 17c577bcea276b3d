import os from "node:os";
import { findAccountBySlug, operatorActor, type Actor, type CoreContext } from "@gatehouse/core";
import { createMailer } from "@gatehouse/email";
import type { OpenDatabase } from "../database";
import { cliEnv } from "../env";
import { CliError } from "../output";

/**
 * What a support command needs besides the database: a mailer (SMTP_URL, or the dev mailbox in
 * the database when unset, as the app does), the app's URL for links, and the operator as actor.
 */
export function supportContext(database: OpenDatabase): { ctx: CoreContext; actor: Actor; close: () => void } {
  const { smtpUrl, emailFrom, appUrl } = cliEnv();
  const mailer = createMailer({
    db: database.db,
    smtpUrl,
    from: emailFrom,
    devMailbox: !smtpUrl,
    logger: { warn: (line) => process.stderr.write(`${line}\n`) },
  });
  return { ctx: { db: database.db, mailer, appUrl }, actor: operatorActor(os.userInfo().username), close: () => mailer.close() };
}

export async function accountBySlugOrFail(database: OpenDatabase, slug: string) {
  const account = await findAccountBySlug(database.db, slug);
  if (!account) throw new CliError(`No account with the slug ${slug}. List them with: pnpm gatehouse accounts list`);
  return account;
}
