import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, type Database } from "@gatehouse/db";
import { createFreshDatabase } from "@gatehouse/db/testing";
import { createMailer } from "@gatehouse/email";
import { startSmtpCapture, type SmtpCapture } from "@gatehouse/testing/smtp";
import type { CoreContext } from "../src/context";

/** A fresh database and a real SMTP server for one test file. */
export function useCoreContext(): { get ctx(): CoreContext; get smtp(): SmtpCapture; get db(): Database } {
  let ctx: CoreContext;
  let smtp: SmtpCapture;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await createFreshDatabase(inject("pgAdminUrl"));
    drop = fresh.drop;
    smtp = await startSmtpCapture();
    const db = createDatabase(fresh.url, { max: 4 });
    ctx = {
      db,
      mailer: createMailer({ db, smtpUrl: smtp.smtpUrl, from: "Gatehouse <no-reply@gatehouse.test>", logger: { warn() {} } }),
      appUrl: "http://app.test",
    };
  });
  afterAll(async () => {
    ctx.mailer.close();
    await ctx.db.$client.end();
    await smtp.stop();
    await drop();
  });
  return {
    get ctx() {
      return ctx;
    },
    get smtp() {
      return smtp;
    },
    get db() {
      return ctx.db;
    },
  };
}
