import type { Database } from "@gatehouse/db";
import { BODY_NOT_KEPT, markFailed, markSent, purgeOutbox, recordEmail } from "./outbox";
import { createSmtpSender, describeSmtpError } from "./smtp";
import type { RenderedEmail } from "./types";

export type MailerOptions = {
  db: Database;
  /** `smtp://user:password@host:port` or `smtps://…`. Without it, mail only goes to the dev mailbox. */
  smtpUrl?: string;
  /** A bare address gets `productName` as its display name. */
  from: string;
  productName?: string;
  /**
   * Keep each email's whole body in the outbox so the dev mailbox can show it. Honoured only
   * without SMTP: a delivered email's single-use links must not also sit in the database.
   */
  devMailbox?: boolean;
  /** Outbox rows older than this many days are deleted as new mail is sent (default 30). */
  retentionDays?: number;
  /** Where delivery failures are reported; defaults to the console. */
  logger?: { warn(message: string): void };
};

export type OutgoingEmail = RenderedEmail & {
  /** One address. */
  to: string;
  /** Template name recorded in the outbox, e.g. "invite". */
  template: string;
};

export type SendResult = { id: string; status: "sent" | "failed"; error?: string };

export type Mailer = {
  readonly transport: "smtp" | "dev-mailbox";
  /** Records the email in the outbox, then delivers it. Delivery failures are returned, not thrown. */
  send(message: OutgoingEmail): Promise<SendResult>;
  /** Closes the SMTP transport. */
  close(): void;
};

// One recipient only: a comma or angle bracket would let a crafted address add recipients.
const SINGLE_ADDRESS = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+$/;

export function createMailer(options: MailerOptions): Mailer {
  const { db, smtpUrl } = options;
  const productName = options.productName ?? "Gatehouse";
  const from = options.from.includes("<") ? options.from : { name: productName, address: options.from };
  const logger = options.logger ?? console;
  const smtp = smtpUrl ? { url: smtpUrl, sender: createSmtpSender(smtpUrl) } : undefined;
  const keepsBodies = !smtp && options.devMailbox === true;
  const retentionDays = options.retentionDays ?? 30;

  async function purgeOld(): Promise<void> {
    // Housekeeping must never fail a send.
    await purgeOutbox(db, { olderThanDays: retentionDays }).catch((cause: unknown) => logger.warn(`[email] could not purge old outbox rows: ${String(cause)}`));
  }

  return {
    transport: smtp ? "smtp" : "dev-mailbox",

    async send({ to, subject, html, text, template }) {
      if (!SINGLE_ADDRESS.test(to)) throw new TypeError(`Cannot send the ${template} email: the recipient is not a single email address`);
      // The record keeps who, what and when; the body (with its live links) only for the dev mailbox.
      const email = keepsBodies ? { to, subject, html, text, template } : { to, subject, ...BODY_NOT_KEPT, template };
      await purgeOld();
      // Without SMTP the outbox row is the delivered email (the dev mailbox).
      if (!smtp) return { id: await recordEmail(db, { ...email, transport: "dev-mailbox", status: "sent" }), status: "sent" };

      const id = await recordEmail(db, { ...email, transport: "smtp" });
      try {
        await smtp.sender.send({ from, to, subject, html, text });
      } catch (cause) {
        const error = describeSmtpError(cause, smtp.url);
        await markFailed(db, id, error);
        // Ids and reasons only: bodies carry single-use links.
        logger.warn(`[email] ${template} email ${id} was not delivered: ${error}`);
        return { id, status: "failed", error };
      }
      await markSent(db, id);
      return { id, status: "sent" };
    },

    close: () => smtp?.sender.close(),
  };
}
