import type { CoreContext, Actor } from "@gatehouse/core";
import type { Database } from "@gatehouse/db";
import { createMailer } from "@gatehouse/email";
import { cliEnv } from "../env";

/** The operator, as audit events name them: the CLI has no signed-in user. */
export const OPERATOR: Actor = { userId: null, label: "Operator (gatehouse CLI)", ip: null };

/**
 * Core's context for commands that send email: SMTP_URL when set (sent at once, no queue),
 * otherwise the dev mailbox; links point at APP_URL, as the app's do.
 */
export function cliCoreContext(db: Database): CoreContext {
  const { smtpUrl, emailFrom, appUrl } = cliEnv();
  const mailer = createMailer({ db, smtpUrl, from: emailFrom, devMailbox: !smtpUrl });
  return { db, mailer, appUrl };
}
