// docs/frontends.md's "Using it from Apollo Client" section, run as written: each TypeScript block
// of the section is a program a frontend developer pastes, run in its own `node` with the real
// @apollo/client (and @urql/core) in their development builds, where they print their warnings,
// against a service started on port 0. Any line on stderr, or through console.warn / error / info
// / debug, fails the test, and the lines each block prints must match the service's own answers.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { onCleanup } from "./cleanup.js";
import { startTestServer, type TestServer } from "./harness.js";
import { type NodeRun, runNode } from "./processes.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DOC = join(ROOT, "docs/frontends.md");
const SECTION = "Using it from Apollo Client";
const ARTICLE = "kyodo-20251028-takaichi-trump-summit";

// Preloaded into each run: the console's quieter channels go to stderr too, so a debug or info
// message from a client library counts as a diagnostic, not as the program's output.
const CONSOLE_TO_STDERR = `data:text/javascript,${encodeURIComponent(
  'import { format } from "node:util"; for (const level of ["info", "debug", "trace"]) console[level] = (...args) => process.stderr.write("console." + level + ": " + format(...args) + "\\n");',
)}`;

type Run = NodeRun;

let api: TestServer;
let blocks: string[];
let scratch: string;
// The three runs, started together in beforeAll (they only read from the server) and awaited by the tests.
let runs: { apollo: Promise<Run>; urql: Promise<Run>; withoutPossibleTypes: Promise<Run> };

beforeAll(async () => {
  api = await startTestServer();
  blocks = codeBlocks(await readFile(DOC, "utf8"), SECTION);
  // Inside the repository, so that `@apollo/client` resolves from its node_modules as it would in an app.
  await mkdir(join(ROOT, "tmp"), { recursive: true });
  scratch = await mkdtemp(join(ROOT, "tmp", "apollo-client-"));
  onCleanup(() => rm(scratch, { recursive: true, force: true }));
  const [apollo, urql] = blocks;
  const withoutPossibleTypes = apollo?.replace(/^\s*possibleTypes: .*\n/m, "");
  runs = {
    apollo: runBlock(apollo ?? "", "apollo.ts"),
    urql: runBlock(urql ?? "", "urql.ts"),
    withoutPossibleTypes: runBlock(withoutPossibleTypes ?? "", "apollo-no-possible-types.ts"),
  };
  // Settled here too, so that a run failing before its test awaits it is no unhandled rejection.
  await Promise.allSettled(Object.values(runs));
});

describe(`docs/frontends.md, "${SECTION}"`, () => {
  it("has an Apollo Client block and a urql block", () => {
    expect(blocks.map((block) => /from "(@apollo\/client|@urql\/core)"/.exec(block)?.[1])).toEqual(["@apollo/client", "@urql/core"]);
  });

  it("runs the Apollo Client block with no warning, and prints the article page and two merged pages of people", async () => {
    const [article, people] = await Promise.all([
      api.query(`query($id: ID!) { article(id: $id) { source people { name } } }`, { id: ARTICLE }),
      api.query(`{ people(first: 4) { edges { node { name } } } }`),
    ]);
    const run = await runs.apollo;

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split("\n")).toEqual([
      `${article.data.article.source}: ${article.data.article.people.map((p: { name: string }) => p.name).join(", ")}`,
      `people: ${people.data.people.edges.map((e: { node: { name: string } }) => e.node.name).join(", ")}`,
    ]);
  });

  it("runs the urql block with no warning, and prints the article page", async () => {
    const article = await api.query(`query($id: ID!) { article(id: $id) { source people { name } } }`, { id: ARTICLE });
    const run = await runs.urql;

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd()).toBe(
      `${article.data.article.source}: ${article.data.article.people.map((p: { name: string }) => p.name).join(", ")}`,
    );
  });

  it("would catch Apollo Client's warnings: without possibleTypes, the cache warns of unmatched fragments", async () => {
    expect(blocks[0]).toMatch(/^\s*possibleTypes: /m);
    const run = await runs.withoutPossibleTypes;

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Cannot match inline fragment on `\w+` against `\w+`\. This indicates a missing `possibleTypes` entry/);
  });
});

/** Given markdown, returns the ```ts blocks of the `####` section titled `title`, in order. */
function codeBlocks(markdown: string, title: string): string[] {
  const start = markdown.indexOf(`#### ${title}\n`);
  if (start < 0) throw new Error(`docs/frontends.md has no "#### ${title}" section`);
  const end = markdown.indexOf("\n#### ", start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

/**
 * Runs one block as the doc says (from the repository's root: its `./…` imports name files
 * there) in a development-mode node, pointed at the test server; resolves with its output.
 */
async function runBlock(code: string, name: string): Promise<Run> {
  const file = join(scratch, name);
  await writeFile(file, code.replace(/from "\.\//g, `from "${pathToFileURL(ROOT).href}`));
  return runNode(["--conditions=development", "--import", "tsx", "--import", CONSOLE_TO_STDERR, file], ROOT, {
    NEWS_GRAPHQL_URL: api.url,
    NODE_ENV: "development",
  });
}
