// The install a user runs: every package the lock file pins must accept every Node version
// package.json's `engines` promises, so `npm ci` on Node 20 prints no EBADENGINE warning. npm reads
// the same `engines` fields from the same lock file; .ci/run also greps a real `npm ci` for the warning.
import { readFile } from "node:fs/promises";
import semver from "semver";
import { describe, expect, it } from "vitest";

interface LockFile {
  packages: Record<string, { version?: string; engines?: Record<string, string> | string[] }>;
}

const project = JSON.parse(await readFile("package.json", "utf8")) as { engines: { node: string } };
const lock = JSON.parse(await readFile("package-lock.json", "utf8")) as LockFile;

describe("the locked dependency tree", () => {
  // The oldest Node the project promises, and the one running the tests.
  const versions = [semver.minVersion(project.engines.node)!.version, process.versions.node];

  it.each(versions)("installs on Node %s without an engine warning", (node) => {
    expect(semver.satisfies(node, project.engines.node)).toBe(true);
    const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const wanted = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      return wanted && !semver.satisfies(node, wanted)
        ? [`${path.replace(/^.*node_modules\//, "")}@${entry.version} wants node ${wanted}`]
        : [];
    });
    expect(refusing).toEqual([]);
  });

  it("promises Node 20", () => {
    expect(semver.satisfies("20.19.0", project.engines.node)).toBe(true);
  });
});
