export {
  createMailer,
  EMAIL_DELIVERY_JOB,
  type DeliveryAttempt,
  type EmailDeliveryJob,
  type EmailQueue,
  type Mailer,
  type MailerOptions,
  type OutgoingEmail,
  type SendResult,
} from "./mailer";
export { listOutbox, getOutboxEmail, purgeOutbox } from "./outbox";
export type { OutboxEmail } from "@gatehouse/db";
export type { RenderedEmail } from "./types";
export * from "./templates";
