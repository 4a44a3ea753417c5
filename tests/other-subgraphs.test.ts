// Another team's subgraph beside this one, the way a platform team adds it: a third subgraph
// (comments on articles, written here with @apollo/subgraph) runs on its own port, is listed in a
// supergraph.yaml of rover's format with its schema fetched from it (subgraph_url), is composed by
// `npm run supergraph -- --config …` and served by `npm run gateway -- --config …`, both spawned
// as a user runs them. The gateway serves the offline GraphiQL. Mistakes on those command lines,
// and a taken port for them and for `npm start`, are one line on stderr, never a stack trace.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { supergraphCommand } from "../scripts/supergraph.js";
import { SUPERGRAPH_FILE } from "../tools/gateway/subgraphs.js";
import { loadSubgraphDefinitions, readSupergraphConfig, SupergraphConfigError } from "../tools/gateway/supergraphConfig.js";
import { onCleanup } from "./cleanup.js";
import { type NodeRun, runNode } from "./processes.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ARTICLE = "kyodo-20251028-takaichi-trump-summit";

/** The comments team's data: what its subgraph adds to the news subgraph's articles. */
const COMMENTS: Record<string, { author: string; text: string }[]> = {
  [ARTICLE]: [
    { author: "reader-17", text: "The tariff cut timeline is clearer now." },
    { author: "reader-42", text: "Useful summary of the summit." },
  ],
};

type Run = NodeRun;

let scratch: string;
let commentsUrl: string;
let configFile: string;
let composed: Promise<Run>;
let gatewayUrl: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "other-subgraphs-"));
  onCleanup(() => rm(scratch, { recursive: true, force: true }));
  commentsUrl = await startCommentsSubgraph();
  configFile = join(scratch, "supergraph.yaml");
  await writeFile(
    configFile,
    `federation_version: =2.14.4
subgraphs:
  news:
    routing_url: http://localhost:4001/graphql
    schema:
      file: ${join(ROOT, "schema/schema.graphql")}
  reader:
    routing_url: http://localhost:4002/graphql
    schema:
      file: ${join(ROOT, "examples/reader/schema.graphql")}
  comments:
    routing_url: ${commentsUrl}
    schema:
      subgraph_url: ${commentsUrl}
`,
  );
  // The two commands at once: each reads the config on its own.
  composed = run(["scripts/supergraph.ts", "--config", configFile, "--output", join(scratch, "supergraph.graphql")]);
  gatewayUrl = await startGatewayScript(["--config", configFile, "--port", "0", "--news-port", "0", "--reader-port", "0"]);
  await composed;
});

describe("npm run supergraph -- --config with a third team's subgraph", () => {
  it("composes the three subgraphs, fetching the comments schema from the running subgraph", async () => {
    const { code, stdout, stderr } = await composed;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(`wrote ${join(scratch, "supergraph.graphql")} (news, reader, comments)`);
    const supergraph = await readFile(join(scratch, "supergraph.graphql"), "utf8");
    expect(supergraph).toContain(`@join__graph(name: "comments", url: "${commentsUrl}")`);
    expect(supergraph).toMatch(/comments: \[Comment!\]! @join__field\(graph: COMMENTS\)/);
  });

  it("leaves the committed supergraph.yaml composing exactly the committed supergraph.graphql", async () => {
    const lines: string[] = [];
    const subgraphs = await loadSubgraphDefinitions(await readSupergraphConfig());
    const code = await supergraphCommand(subgraphs, SUPERGRAPH_FILE, { check: true }, { out: () => {}, err: (line) => lines.push(line) });
    expect(lines).toEqual([]);
    expect(code).toBe(0);
  });
});

describe("npm run gateway -- --config with a third team's subgraph", () => {
  it("answers one query from the news subgraph and the comments subgraph together", async () => {
    const answer = await gatewayQuery(`query($id: ID!) { article(id: $id) { source people { name } comments { author text } } }`, {
      id: ARTICLE,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.article.source).toBe("Kyodo News");
    expect(answer.data.article.people.length).toBeGreaterThan(0);
    expect(answer.data.article.comments).toEqual(COMMENTS[ARTICLE]);
  });

  it("still routes to the reader subgraph it started", async () => {
    const answer = await gatewayQuery(`{ readingList(id: "us-japan-trade") { title } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.readingList.title).toBeTypeOf("string");
  });

  it("serves the offline GraphiQL page to a browser, with tabs for the example operations the supergraph can run", async () => {
    const page = await fetch(gatewayUrl, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await page.text();
    // Everything the page loads comes from the gateway itself: no Apollo Sandbox, no CDN.
    const loads = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(loads.length).toBeGreaterThan(1);
    for (const target of loads) expect(target).toMatch(/^(\/explorer\/|data:)/);
    const config = JSON.parse(/<script id="explorer-config" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(config.endpoint).toBe("/");
    const names = config.tabs.map((tab: { query: string }) => /query (\w+)/.exec(tab.query)?.[1]);
    expect(names).toContain("ArticlePage");
    expect(names).not.toContain("ResolveEntities"); // `_entities` is the subgraph's, not the supergraph's
    const script = /<script type="module" src="([^"]+)">/.exec(html)![1]!;
    const asset = await fetch(new URL(script, gatewayUrl));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
  });
});

// Each spawns the command (a node process): up to a minute on a loaded machine, as in gateway-stop.test.ts.
describe("one-line mistakes on the command line", () => {
  it.each([
    ["npm run supergraph", ["scripts/supergraph.ts", "--subgraph", "comments=http://localhost:4003/graphql"], "'--subgraph'"],
    ["npm run gateway", ["scripts/gateway.ts", "--subgraph", "comments=http://localhost:4003/graphql"], "'--subgraph'"],
  ])(
    "%s with a wrong option %#: one line naming it, usage, exit 2",
    async (command, args, named) => {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(oneLine(stderr)).toMatch(new RegExp(`^${command}: .*${literally(named)}.*Usage: ${command} -- `));
    },
    60_000,
  );

  it("npm run gateway on a taken port: one line naming the port and --port, exit 1", async () => {
    const taken = await takenPort();
    const commentsOnly = join(scratch, "comments-only.yaml");
    await writeFile(
      commentsOnly,
      `federation_version: =2.14.4\nsubgraphs:\n  comments:\n    routing_url: ${commentsUrl}\n    schema:\n      subgraph_url: ${commentsUrl}\n`,
    );
    const { code, stderr } = await run(["scripts/gateway.ts", "--config", commentsOnly, "--port", String(taken)]);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(
      `npm run gateway: port ${taken} on 127.0.0.1 is already in use (EADDRINUSE): choose another with --port N (npm run gateway -- --port ${taken + 100}), or stop what holds it.`,
    );
  }, 60_000);

  it("npm start on a taken port: one line naming the port and PORT, exit 1", async () => {
    const taken = await takenPort();
    const { code, stderr } = await run(["src/main.ts"], { PORT: String(taken), HOST: "127.0.0.1", NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(
      `Port ${taken} on 127.0.0.1 is already in use (EADDRINUSE): set PORT to another port (PORT=${taken + 100} npm start), or stop what holds it.`,
    );
  }, 60_000);
});

describe("one-line mistakes in the config file", () => {
  it.each([
    ["subgraphs:\n  a:\n    routing_url: http://localhost:1/\n    schema:\n      file: a.graphql\n", /: federation_version: /],
    ["federation_version: 1\nsubgraphs: {}\n", /: federation_version: "1" is not Federation 2/],
    [
      "federation_version: 2\nsubgraphs:\n  a:\n    routing_url: nope\n    schema:\n      file: a.graphql\n",
      /: subgraphs\.a\.routing_url: /,
    ],
    [
      'federation_version: 2\nsubgraphs:\n  a:\n    routing_url: http://localhost:1/\n    schema:\n      file: a.graphql\n      sdl: "type Query { a: Int }"\n',
      /: subgraphs\.a\.schema: give exactly one of file, subgraph_url or sdl \(found file and sdl\)$/,
    ],
    [
      "federation_version: 2\nsubgraphs:\n  a:\n    routing_url: http://localhost:1/\n    schema:\n      fil: a.graphql\n",
      /: subgraphs\.a\.schema: /,
    ],
    ["federation_version: 2\nsubgraphs: [\n", /: not valid YAML: /],
  ])("a config that cannot be used is one line naming the file and the key (%#)", async (yaml, message) => {
    const file = join(scratch, "bad.yaml");
    await writeFile(file, yaml);
    const error = await readSupergraphConfig(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SupergraphConfigError);
    expect((error as Error).message.startsWith(`${file}: `)).toBe(true);
    expect(oneLine((error as Error).message)).toMatch(message);
  });

  it("a subgraph_url that cannot be reached names the subgraph and the URL", async () => {
    const taken = await freePort(); // nothing listens there: the fetch is refused
    const file = join(scratch, "unreachable.yaml");
    await writeFile(
      file,
      `federation_version: 2\nsubgraphs:\n  far:\n    routing_url: http://127.0.0.1:${taken}/graphql\n    schema:\n      subgraph_url: http://127.0.0.1:${taken}/graphql\n`,
    );
    await expect(loadSubgraphDefinitions(await readSupergraphConfig(file))).rejects.toThrow(
      new RegExp(`subgraphs\\.far\\.schema\\.subgraph_url: cannot fetch the schema from http://127\\.0\\.0\\.1:${taken}/graphql`),
    );
  });
});

/** Given a command's stderr, returns its one line; fails the test when there are more or none. */
function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).not.toBe("");
  return lines[0]!;
}

// Private: `text` as a literal inside a regular expression.
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Private: runs a TypeScript entry point of the repository to its end, as `npm run` would run it.
async function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runNode(["--import", "tsx", ...args], ROOT, env);
}

// Private: starts `scripts/gateway.ts` with `args`, resolves with its URL once it prints that it
// is ready, and stops it (SIGTERM, which stops its subgraphs too) after the file.
async function startGatewayScript(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/gateway.ts", ...args], {
    cwd: ROOT,
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Supergraph ready at (\S+)/.exec(output);
      if (ready) resolve(ready[1]!);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(() => reject(new Error(`gateway.ts exited before it was ready:\n${output}`)));
  });
}

// Private: the comments team's subgraph, on a free port; stopped after the file.
async function startCommentsSubgraph(): Promise<string> {
  const typeDefs = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Article @key(fields: "id") {
      id: ID!
      "Readers' comments, oldest first."
      comments: [Comment!]!
    }
    "A reader's comment."
    type Comment {
      author: String!
      text: String!
    }
    type Query {
      "How many comments there are in all."
      commentCount: Int!
    }
  `);
  const resolvers = {
    Query: { commentCount: () => Object.values(COMMENTS).flat().length },
    Article: {
      __resolveReference: (reference: { id: string }) => reference,
      comments: (article: { id: string }) => COMMENTS[article.id] ?? [],
    },
  };
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs, resolvers }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: "127.0.0.1" } });
  onCleanup(() => apollo.stop());
  return url;
}

// Private: POSTs one operation to the gateway.
async function gatewayQuery(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: unknown[] }> {
  const res = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

// Private: a port nothing listens on (one the system just handed out and took back).
async function freePort(): Promise<number> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Private: a port that a plain TCP server holds for the rest of the file.
async function takenPort(): Promise<number> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
  onCleanup(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as { port: number }).port;
}
