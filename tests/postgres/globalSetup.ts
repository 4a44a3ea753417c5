// Vitest global setup of the postgres project: one throwaway PostgreSQL server for the whole
// run (started once, ~2 s), its URL provided to every test file, stopped and deleted after.
// TEST_DATABASE_URL points the tests at an existing server instead (it must allow CREATE DATABASE).
import type { TestProject } from "vitest/node";
import { TemporaryCluster } from "../../tools/cluster/TemporaryCluster.js";

let cluster: TemporaryCluster | undefined;

/** Starts the server (or takes TEST_DATABASE_URL) and provides its URL as `postgresUrl`. */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide("postgresUrl", external);
    return;
  }
  // No PostgreSQL installed is an error here, never a skip: vitest.config.ts only adds this
  // project when the binaries exist or CI demands them, so CI fails loudly without them.
  cluster = await TemporaryCluster.start();
  project.provide("postgresUrl", cluster.url);
}

/** Stops the server and deletes its directory. */
export async function teardown(): Promise<void> {
  await cluster?.stop();
}
