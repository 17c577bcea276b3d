import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // Every sandbox start generates RSA keys; test files run in parallel on small CI machines.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
