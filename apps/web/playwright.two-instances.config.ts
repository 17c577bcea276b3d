import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// Started by e2e/run-two-instances.ts, which runs both instances; the specs address each by URL.
export default defineConfig({
  ...base,
  testDir: "./e2e/two-instances",
  testIgnore: [],
  workers: 1,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-two-instances.json" }]],
  use: { ...base.use, baseURL: process.env.E2E_INSTANCE_A_URL },
  webServer: undefined,
});
