import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 60_000,
    // The first run initialises the embedded PostgreSQL cluster, which takes longer than a start.
    hookTimeout: 120_000,
  },
});
