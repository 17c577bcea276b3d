import { createDatabase, type Database } from "@gatehouse/db";
import { createFreshDatabase } from "@gatehouse/db/testing";
import { afterAll, beforeAll, inject } from "vitest";

/** A migrated database of the calling test file's own, dropped after it. */
export function useTestDatabase(): () => Database {
  let db: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const fresh = await createFreshDatabase(inject("pgAdminUrl"));
    drop = fresh.drop;
    db = createDatabase(fresh.url, { max: 2 });
  });
  afterAll(async () => {
    await db?.$client.end();
    await drop?.();
  });
  return () => {
    if (!db) throw new Error("useTestDatabase(): the database is only available inside tests");
    return db;
  };
}
