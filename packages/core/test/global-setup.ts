import type { TestProject } from "vitest/node";
import { startTestServer } from "@gatehouse/db/testing";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/** One real PostgreSQL for the whole run; each test file clones its own database from it. */
export default async function setup(project: TestProject) {
  const server = await startTestServer(54331);
  project.provide("pgAdminUrl", server.adminUrl);
  return () => server.stop();
}
