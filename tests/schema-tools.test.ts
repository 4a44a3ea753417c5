// schema/schema.graphql read by a tool that knows nothing of federation, the way a platform team
// runs it: graphql-inspector's own command line diffs the committed file against the running
// service's introspection, and against a copy with a field removed.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { SCHEMA_FILE } from "../scripts/print-schema.js";
import { onCleanup } from "./cleanup.js";
import { startTestServer, type TestServer } from "./harness.js";

const INSPECTOR = join("node_modules", ".bin", "graphql-inspector");

/** Runs `graphql-inspector diff old new`; returns its exit code and everything it printed. */
async function inspectorDiff(oldSchema: string, newSchema: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(INSPECTOR, ["diff", oldSchema, newSchema], {
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

describe("graphql-inspector diff on schema/schema.graphql", () => {
  it("reads the file as it is and finds no breaking change against the running service", { timeout: 60_000 }, async () => {
    const { code, output } = await inspectorDiff(SCHEMA_FILE, api.url);
    expect(output).not.toMatch(/Unknown directive/);
    expect(output).toContain("No breaking changes detected");
    expect(code).toBe(0);
  });

  it("reports a removed field as breaking", { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "schema-tools-"));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    const sdl = await readFile(SCHEMA_FILE, "utf8");
    const withoutDateline = sdl.replace(/^ {2}"""(?:(?!""")[\s\S])*"""\n {2}dateline: String.*\n/m, "");
    expect(withoutDateline).not.toBe(sdl);
    const changed = join(dir, "changed.graphql");
    await writeFile(changed, withoutDateline);
    const { code, output } = await inspectorDiff(SCHEMA_FILE, changed);
    expect(output).toContain("Field dateline was removed from object type Article");
    expect(code).toBe(1);
  });
});
