import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, type Database } from "@gatehouse/db";
import { createFreshDatabase } from "@gatehouse/db/testing";

/** A fresh database for one test file (seeded by `seed`), dropped afterwards; read `url` and `db` inside tests. */
export function useFreshDatabase(seed: (db: Database) => Promise<unknown> = async () => {}) {
  const fresh = {} as { url: string; db: Database; drop: () => Promise<void> };
  beforeAll(async () => {
    ({ url: fresh.url, drop: fresh.drop } = await createFreshDatabase(inject("pgAdminUrl")));
    fresh.db = createDatabase(fresh.url, { max: 1 });
    await seed(fresh.db);
  });
  afterAll(async () => {
    await fresh.db.$client.end();
    await fresh.drop();
  });
  return fresh;
}
