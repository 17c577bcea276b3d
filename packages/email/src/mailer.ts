import type { Database } from "@gatehouse/db";
import { BODY_NOT_KEPT, getOutboxEmail, markFailed, markSent, noteRetry, purgeOutbox, recordEmail } from "./outbox";
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
  /**
   * With a queue, `send` records the email and hands its outbox id to the queue instead of
   * talking to SMTP inside the request; the queue's worker calls `deliver`, and retries it.
   * Without one (scripts, tests), `send` delivers at once.
   */
  queue?: EmailQueue;
};

/** Where queued emails go: e.g. `(job) => runner.enqueue(EMAIL_DELIVERY_JOB, job)`. */
export type EmailQueue = { enqueue(job: EmailDeliveryJob): Promise<unknown> };

/** The job's whole payload: the body waits in the outbox row, not in the job queue. */
export type EmailDeliveryJob = { outboxId: string };

/** The queue name the web app's runner uses for email deliveries. */
export const EMAIL_DELIVERY_JOB = "email.deliver";

/** What the queue tells `deliver` about the attempt it is making. */
export type DeliveryAttempt = { attempt: number; isLastAttempt: boolean };

export type OutgoingEmail = RenderedEmail & {
  /** One address. */
  to: string;
  /** Template name recorded in the outbox, e.g. "invite". */
  template: string;
};

export type SendResult = { id: string; status: "queued" | "sent" | "failed"; error?: string };

export type Mailer = {
  readonly transport: "smtp" | "dev-mailbox";
  /** Records the email in the outbox, then delivers it. Delivery failures are returned, not thrown. */
  send(message: OutgoingEmail): Promise<SendResult>;
  /**
   * Delivers a queued email (the queue's worker calls this). Throws while attempts remain, so the
   * queue retries; the last failure is recorded in the outbox row and not thrown.
   */
  deliver(job: EmailDeliveryJob, attempt: DeliveryAttempt): Promise<SendResult>;
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

  /** Retried by the queue: throws while attempts remain, records the last failure. */
  async function deliver({ outboxId }: EmailDeliveryJob, { attempt, isLastAttempt }: DeliveryAttempt): Promise<SendResult> {
    const email = await getOutboxEmail(db, outboxId);
    if (!email) return { id: outboxId, status: "failed", error: "The email is no longer in the outbox" };
    // A retried job whose earlier attempt did get through (the worker stopped before recording it).
    if (email.status !== "queued") return { id: outboxId, status: email.status, ...(email.error ? { error: email.error } : {}) };
    if (!smtp) {
      await markFailed(db, outboxId, "SMTP_URL is not set: queued emails cannot be delivered", { dropBody: true });
      return { id: outboxId, status: "failed", error: "SMTP_URL is not set" };
    }
    try {
      await smtp.sender.send({ from, to: email.to, subject: email.subject, html: email.html, text: email.text });
    } catch (cause) {
      const error = describeSmtpError(cause, smtp.url);
      // Ids and reasons only: bodies carry single-use links.
      logger.warn(
        `[email] ${email.template} email ${outboxId} was not delivered (attempt ${attempt}${isLastAttempt ? ", the last" : ", will retry"}): ${error}`,
      );
      if (!isLastAttempt) {
        await noteRetry(db, outboxId, `Attempt ${attempt} failed, retrying: ${error}`);
        throw new Error(error);
      }
      await markFailed(db, outboxId, error, { dropBody: true });
      return { id: outboxId, status: "failed", error };
    }
    await markSent(db, outboxId, { dropBody: true });
    return { id: outboxId, status: "sent" };
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

      if (options.queue) {
        // The body waits in the outbox row until the worker delivers it, then is replaced.
        const id = await recordEmail(db, { to, subject, html, text, template, transport: "smtp" });
        try {
          await options.queue.enqueue({ outboxId: id });
          return { id, status: "queued" };
        } catch (cause) {
          // A queue that cannot take the job must not lose the email: deliver it now instead.
          logger.warn(`[email] ${template} email ${id} could not be queued, sending it now: ${cause instanceof Error ? cause.message : String(cause)}`);
          return deliver({ outboxId: id }, { attempt: 1, isLastAttempt: true });
        }
      }

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

    deliver,

    close: () => smtp?.sender.close(),
  };
}
