import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

/** Opens a Drizzle client on postgres.js. One per process: postgres.js pools connections itself. */
export function createDatabase(url: string, options: { max?: number } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Sessions are checked on every request: fail fast rather than queue forever when PG is gone.
    connect_timeout: 10,
  });
  return drizzle(sql, { schema }) as Database;
}
