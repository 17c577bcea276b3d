import { startTestServer } from "@gatehouse/db/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

// A port of its own: a second run on the default port would stop the server another package's
// tests are using (startTestServer stops whatever owns its data directory).
const PORT = Number(process.env.TEST_PG_PORT ?? 54347);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer(PORT);
  project.provide("pgAdminUrl", server.adminUrl);
  return () => server.stop();
}
