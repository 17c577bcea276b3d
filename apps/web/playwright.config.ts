import { defineConfig } from "@playwright/test";

// Started by e2e/run.ts, which provides the database, the SMTP server and the environment.
const port = Number(process.env.PORT ?? 3311);

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  // Those need two app instances: e2e/run-two-instances.ts runs them.
  testIgnore: "two-instances/**",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  webServer: {
    command: `pnpm exec next start --port ${port}`,
    url: `http://localhost:${port}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
