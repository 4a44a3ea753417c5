// Test runner configuration. graphql is aliased to its CommonJS build because
// @apollo/subgraph requires that build; two copies would fail with "another module or realm".
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: { graphql: require.resolve("graphql/index.js") },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
