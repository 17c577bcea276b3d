import { createFreshDatabase } from "@gatehouse/db/testing";
import { afterAll, beforeAll, inject } from "vitest";

/** A migrated database of the calling test file's own, dropped after it. */
export function useTestDatabaseUrl(): () => string {
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const fresh = await createFreshDatabase(inject("pgAdminUrl"));
    url = fresh.url;
    drop = fresh.drop;
  });
  afterAll(async () => {
    await drop?.();
  });
  return () => {
    if (!url) throw new Error("useTestDatabaseUrl(): the database is only available inside tests");
    return url;
  };
}
