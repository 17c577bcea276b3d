import type { EventEmitter } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { CapturedEmail } from "./captured-email";
import { MailStore, type WaitForEmailOptions } from "./mail-store";
import { parseEmail } from "./parse-email";
import { createCaptureHttpHandler } from "./smtp-capture-http";

export type { CapturedEmail, EmailFilter } from "./captured-email";
export type { WaitForEmailOptions } from "./mail-store";

export type SmtpCapture = {
  /** `smtp://127.0.0.1:PORT`: plain SMTP, any credentials or none. */
  smtpUrl: string;
  /** `http://127.0.0.1:PORT`, serving `GET /messages?to=` and `DELETE /messages`. */
  httpUrl: string;
  /** Newest first. */
  messages(): CapturedEmail[];
  waitForEmail(options: WaitForEmailOptions): Promise<CapturedEmail>;
  clear(): void;
  stop(): Promise<void>;
};

const HOST = "127.0.0.1";

/** A real SMTP server on loopback that keeps every message in memory, for tests. */
export async function startSmtpCapture({ smtpPort = 0, httpPort = 0 } = {}): Promise<SmtpCapture> {
  const store = new MailStore();
  const smtp = new SMTPServer({
    // Like a local relay: no TLS, and AUTH accepted with any credentials so a mailer configured
    // with a user and password is captured as well as one without.
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    disableReverseLookup: true,
    banner: "Gatehouse SMTP capture",
    closeTimeout: 1_000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "anonymous" }),
    onData: (stream, session, callback) => {
      parseEmail(stream, session.envelope).then(
        (email) => {
          store.add(email);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  const http = createServer(createCaptureHttpHandler(store));

  await listen(smtp, (done) => smtp.listen(smtpPort, HOST, done));
  try {
    await listen(http, (done) => http.listen(httpPort, HOST, done));
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  // A client dropping the connection mid-dialogue surfaces here; it must not crash the test run.
  smtp.on("error", () => {});

  return {
    smtpUrl: `smtp://${HOST}:${(smtp.server.address() as AddressInfo).port}`,
    httpUrl: `http://${HOST}:${(http.address() as AddressInfo).port}`,
    messages: () => store.list(),
    waitForEmail: (options) => store.waitFor(options),
    clear: () => store.clear(),
    stop: async () => {
      store.close();
      http.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise<void>((resolve) => http.close(() => resolve()))]);
    },
  };
}

/** Listen failures (port in use) arrive as 'error' events; SMTPServer re-emits its socket's. */
function listen(emitter: EventEmitter, start: (onListening: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    emitter.once("error", reject);
    start(() => {
      emitter.off("error", reject);
      resolve();
    });
  });
}
