import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, migrateDatabase, type Database } from "@gatehouse/db";
import { startEmbeddedPostgres } from "@gatehouse/db/embedded";
import { cliEnv } from "./env";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export type OpenDatabase = { db: Database; url: string; close: () => Promise<void> };

/**
 * The database the app uses: DATABASE_URL when set; otherwise the project's embedded PostgreSQL
 * (.data/postgres), reached while `pnpm dev` runs it, or started for this one command.
 */
export async function openDatabase(log: (line: string) => void): Promise<OpenDatabase> {
  const { databaseUrl, embeddedPgPort } = cliEnv();
  let url = databaseUrl;
  let stopServer = async () => {};
  if (!url) {
    const port = embeddedPgPort;
    if (!(await isListening(port))) {
      log(`Starting the embedded PostgreSQL (.data/postgres) on port ${port} for this command…`);
      const server = await startEmbeddedPostgres({ dataDir: path.join(repoRoot, ".data", "postgres"), port, database: "gatehouse" });
      stopServer = server.stop;
    }
    url = `postgres://postgres:gatehouse@127.0.0.1:${port}/gatehouse`;
  }
  await migrateDatabase(url);
  const db = createDatabase(url, { max: 2 });
  return {
    db,
    url,
    close: async () => {
      await db.$client.end();
      await stopServer();
    },
  };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
