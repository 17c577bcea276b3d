import nodemailer from "nodemailer";

export type SmtpMessage = { from: string | { name: string; address: string }; to: string; subject: string; html: string; text: string };

export type SmtpSender = { send(message: SmtpMessage): Promise<void>; close(): void };

/** One nodemailer transport, reused for every message of a mailer. */
export function createSmtpSender(smtpUrl: string): SmtpSender {
  const transport = nodemailer.createTransport({
    url: parseSmtpUrl(smtpUrl).href,
    // Sends happen inside user requests (invites, resets): fail in seconds, not nodemailer's minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
  return {
    async send(message) {
      await transport.sendMail({
        ...message,
        // Keeps vacation responders and mailing list software from replying to transactional mail.
        headers: { "Auto-Submitted": "auto-generated" },
      });
    },
    close: () => transport.close(),
  };
}

/** `new URL` errors carry the input, password included: report a fixed message instead. */
function parseSmtpUrl(smtpUrl: string): URL {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error("The SMTP URL is not a valid URL (expected smtp://user:password@host:port)");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error(`The SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  }
  return url;
}

// nodemailer's error codes, grouped by what an admin reading the outbox should check.
const PROBLEMS: Record<string, string> = {
  ECONNECTION: "Could not connect to the SMTP server",
  ESOCKET: "Could not connect to the SMTP server",
  ETIMEDOUT: "The SMTP server did not answer in time",
  EDNS: "Could not resolve the SMTP server's host name",
  ETLS: "Could not establish TLS with the SMTP server",
  EAUTH: "The SMTP server rejected the login",
  ENOAUTH: "The SMTP server requires a login",
  EENVELOPE: "The SMTP server rejected the sender or recipient",
  EMESSAGE: "The SMTP server rejected the message",
};

/**
 * A one-line reason for the outbox and logs. The SMTP URL's password is cut out wherever it
 * appears, in case an error message quotes the connection settings.
 */
export function describeSmtpError(error: unknown, smtpUrl: string): string {
  const details = error as { message?: unknown; code?: unknown } | null | undefined;
  const message = typeof details?.message === "string" && details.message ? details.message : String(error);
  const code = typeof details?.code === "string" ? details.code : undefined;
  const problem = code ? PROBLEMS[code] : undefined;
  let reason = problem ? `${problem}: ${message}` : code && !message.includes(code) ? `${message} (${code})` : message;
  for (const secret of secretsOf(smtpUrl)) reason = reason.replaceAll(secret, "[redacted]");
  return reason.replace(/\s+/g, " ").trim().slice(0, 500);
}

function secretsOf(smtpUrl: string): string[] {
  let password = "";
  try {
    password = new URL(smtpUrl).password;
  } catch {
    return [smtpUrl];
  }
  if (!password) return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // A malformed escape: the raw form is the only one that can appear.
  }
  // Longest first, so a password that contains its own encoded form is cut out whole.
  return [smtpUrl, password, decoded].filter(Boolean).sort((a, b) => b.length - a.length);
}
