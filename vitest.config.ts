// Test runner configuration. graphql is aliased to its CommonJS build because
// @apollo/subgraph requires that build; two copies would fail with "another module or realm".
import { createRequire } from "node:module";
import { configDefaults, defineConfig } from "vitest/config";
import { findPostgresBinaries } from "./tools/cluster/TemporaryCluster.js";

const require = createRequire(import.meta.url);

// Test files that run twice: on the memory store and on a real PostgreSQL server (the
// "postgres" project), through tests/harness.ts. Add any test of resolver behaviour here.
const BOTH_STORES = [
  "tests/contract.test.ts",
  "tests/batching.test.ts",
  "tests/schema.test.ts",
  "tests/gateway-replicas.test.ts",
  "tests/search.test.ts",
  "tests/discovery.test.ts",
  "tests/organization.test.ts",
  "tests/history.test.ts",
  "tests/default-corpus.test.ts",
];

// The postgres project needs Debian's PostgreSQL. CI (REQUIRE_POSTGRES=1, set by .ci/run, or
// CI) always runs it, so a missing server fails there; a machine without it skips it, loudly.
const withPostgres = Boolean(findPostgresBinaries() || process.env.TEST_DATABASE_URL || process.env.REQUIRE_POSTGRES || process.env.CI);
if (!withPostgres) console.warn("PostgreSQL is not installed: skipping the postgres test project (apt-get install -y postgresql)");

export default defineConfig({
  resolve: {
    alias: { graphql: require.resolve("graphql/index.js") },
  },
  test: {
    // No `include` here: projects inherit this block and vitest concatenates arrays, so each
    // project names its own files.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Four test files at a time, on a 2-core machine: most files wait on processes they spawn
    // (servers, gateways, PostgreSQL, Chromium) and on timers, so two workers leave the CPU idle.
    // Measured on a fresh clone, machine otherwise idle: 278 s with the default (2); 218 s and 267 s
    // with 4 (two runs). The slowest single test (a gateway start and stop) then takes ~21 s of its 60.
    maxWorkers: 4,
    projects: [
      {
        extends: true,
        test: { name: "memory", include: ["tests/**/*.test.ts"], exclude: [...configDefaults.exclude, "tests/postgres/**"] },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: [...BOTH_STORES, "tests/postgres/**/*.test.ts"],
                globalSetup: ["tests/postgres/globalSetup.ts"],
                provide: { testStore: "postgres" as const },
              },
            },
          ]
        : []),
    ],
  },
});
