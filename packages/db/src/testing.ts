import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";
import { migrateDatabase } from "./migrate";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const TEMPLATE = "gatehouse_test_template";

/**
 * Starts the PostgreSQL server tests use: the one in TEST_DATABASE_SERVER_URL (an admin URL on
 * a throwaway server) or an embedded one under .data/test-postgres. Creates a migrated template
 * database, from which each test run clones its own in ~50 ms.
 */
export async function startTestServer(basePort = Number(process.env.TEST_PG_PORT ?? 54329)): Promise<{
  adminUrl: string;
  stop: () => Promise<void>;
}> {
  // Several checkouts on one machine (git worktrees) each set their own offset so their servers never share a port.
  const port = basePort + Number(process.env.TEST_PORT_OFFSET ?? 0);
  let server: EmbeddedServer | undefined;
  let adminUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({
      dataDir: path.join(repoRoot, ".data", `test-postgres-${port}`),
      port,
      database: "postgres",
    });
    adminUrl = server.url;
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${TEMPLATE} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(withDatabase(adminUrl, TEMPLATE));
  return { adminUrl, stop: async () => server?.stop() };
}

/** Clones the migrated template into a fresh database; `drop` removes it. */
export async function createFreshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gatehouse_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Drops a database if it exists (e.g. Jackson's `<name>_sso` beside a test database). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
  } finally {
    await sql.end();
  }
}
