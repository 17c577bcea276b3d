/**
 * The CLI's configuration, read from the environment in this one place (the same variables the
 * app reads in apps/web/src/env.ts). A function, not constants: each command reads it when it runs.
 */
export function cliEnv() {
  const env = process.env;
  return {
    /** Unset: the project's embedded PostgreSQL on `embeddedPgPort`. */
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPgPort: Number(env.EMBEDDED_PG_PORT ?? 54320),
    /** Unset: mail goes to the dev mailbox in the database, as the app's does. */
    smtpUrl: env.SMTP_URL || undefined,
    emailFrom: env.EMAIL_FROM ?? "Gatehouse <no-reply@gatehouse.local>",
    appUrl: (env.APP_URL ?? "http://localhost:3000").replace(/\/$/, ""),
  };
}
