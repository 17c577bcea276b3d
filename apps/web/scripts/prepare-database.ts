import { mkdirSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, migrateDatabase } from "@gatehouse/db";
import { startEmbeddedPostgres } from "@gatehouse/db/embedded";
import { seedDemoData } from "@gatehouse/core";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * DATABASE_URL set: use that server. Unset: start the project's own PostgreSQL with its data
 * under .data/postgres. Either way, apply migrations; seed the demo accounts when asked.
 */
export async function prepareDatabase(options: { seed: boolean }): Promise<{ url: string; stop: () => Promise<void> }> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
    const t0 = Date.now();
    const server = await startEmbeddedPostgres({ dataDir: path.join(repoRoot, ".data", "postgres"), port, database: "gatehouse" });
    console.log(`[gatehouse] PostgreSQL (embedded) on port ${port}, ready in ${Date.now() - t0} ms; data in .data/postgres`);
    url = server.url;
    stop = server.stop;
  }
  await migrateDatabase(url);
  if (options.seed) {
    const db = createDatabase(url, { max: 1 });
    try {
      const { created } = await seedDemoData(db);
      if (created) console.log("[gatehouse] Seeded demo accounts Acme and Globex (password: gatehouse-demo)");
    } finally {
      await db.$client.end();
    }
  }
  return { url, stop };
}

/**
 * Development secrets, generated once and kept in .data so sessions and encrypted values survive
 * restarts. Production must set them explicitly (the env module refuses to start without them).
 */
export function developmentSecrets(): { AUTH_SECRET: string; ENCRYPTION_KEY: string } {
  const file = path.join(repoRoot, ".data", "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  mkdirSync(path.dirname(file), { recursive: true });
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url"), ENCRYPTION_KEY: randomBytes(32).toString("base64url") };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
