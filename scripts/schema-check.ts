// `npm run schema:check`: the check a platform team runs before deploying this subgraph. Compares
// the SDL the code generates with schema/baseline.graphql (the contract as last released) and
// fails on breaking changes. `--accept` acknowledges them: it writes the current SDL as the new
// baseline, to be committed, so the acknowledgement is a reviewed diff of the released contract.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildNewsSchema, printNewsSchema } from "../src/graphql/federation.js";
import { checkSchema, type SchemaChange } from "../tools/schema/schemaCheck.js";
import { SCHEMA_FILE, generatedSchemaText } from "./print-schema.js";

/** The released contract breaking changes are measured against. */
export const BASELINE_FILE = fileURLToPath(new URL("../schema/baseline.graphql", import.meta.url));

/** The comment that opens the baseline file. */
export const BASELINE_BANNER =
  "# The news subgraph's contract as last released: `npm run schema:check` fails on breaking changes against it.\n" +
  "# Written by `npm run schema:check -- --accept` (at a release, or to acknowledge a breaking change). Do not edit.\n\n";

/** Where the command writes its messages. */
export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Checks `currentSdl` against the baseline in `baselineFile` and returns the exit code: 1 when a
 * change is breaking, else 0. With `accept`, writes `currentSdl` as the new baseline and returns 0.
 */
export async function schemaCheckCommand(
  baselineFile: string,
  currentSdl: string,
  options: { accept?: boolean },
  output: CommandOutput,
): Promise<number> {
  const baseline = await readFile(baselineFile, "utf8").catch(() => null);
  if (baseline === null && !options.accept) {
    output.err(`${baselineFile} is missing: write the first baseline with \`npm run schema:check -- --accept\` and commit it.`);
    return 1;
  }
  const changes = baseline === null ? [] : await checkSchema(baseline, currentSdl);
  for (const change of changes) (change.level === "BREAKING" ? output.err : output.out)(formatChange(change));
  const breaking = changes.filter((c) => c.level === "BREAKING").length;
  if (options.accept) {
    await writeFile(baselineFile, `${BASELINE_BANNER + currentSdl.trimEnd()}\n`);
    output.out(
      `Wrote ${baselineFile}${breaking ? `, acknowledging ${breaking} breaking change${breaking === 1 ? "" : "s"}` : ""}; commit it.`,
    );
    return 0;
  }
  if (breaking > 0) {
    output.err(
      `${breaking} breaking change${breaking === 1 ? "" : "s"} against ${baselineFile}.\n` +
        "Deprecate instead of removing where you can. If the break is intended and the supergraph's clients are ready,\n" +
        "acknowledge it: `npm run schema:check -- --accept`, and commit schema/baseline.graphql with the change.",
    );
    return 1;
  }
  output.out(
    changes.length === 0
      ? "No changes against the baseline."
      : `${changes.length} change${changes.length === 1 ? "" : "s"} against the baseline, none breaking.`,
  );
  return 0;
}

/** Given a change, returns it as one report line (plus its reason, indented). */
export function formatChange(change: SchemaChange): string {
  return `${change.level.padEnd(12)} ${change.path.padEnd(28)} ${change.message}${change.reason ? `\n${" ".repeat(14)}${change.reason}` : ""}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const output: CommandOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };
  // The committed SDL should be what the code generates; say so first, as the drift test would.
  const committed = await readFile(SCHEMA_FILE, "utf8").catch(() => "");
  if (committed !== (await generatedSchemaText())) output.err(`${SCHEMA_FILE} is stale: run \`npm run schema\` and commit it.`);
  const code = await schemaCheckCommand(
    BASELINE_FILE,
    printNewsSchema(await buildNewsSchema()),
    { accept: process.argv.includes("--accept") },
    output,
  );
  process.exit(code);
}
