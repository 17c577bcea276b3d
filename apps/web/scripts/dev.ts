import { developmentSecrets, prepareDatabase } from "./prepare-database";
import { runNext } from "./run-next";

// `pnpm dev`: the database (embedded unless DATABASE_URL is set), migrations, demo seed, then Next.
const port = process.env.PORT ?? "3000";
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const database = await prepareDatabase({ seed: true });
const secrets = developmentSecrets();

console.log(`[gatehouse] Open ${appUrl}/login  (admin@acme.test / gatehouse-demo)`);
runNext(["dev", "--port", port], {
  DATABASE_URL: database.url,
  APP_URL: appUrl,
  AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.AUTH_SECRET,
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? secrets.ENCRYPTION_KEY,
}, database.stop);
