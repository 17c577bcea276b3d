import type { TestProject } from "vitest/node";
import { startTestServer } from "@gatehouse/db/testing";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** One real PostgreSQL per run (its own port); each test file clones its own database. */
export default async function setup(project: TestProject) {
  const server = await startTestServer(54333);
  project.provide("pgAdminUrl", server.adminUrl);
  return () => server.stop();
}
