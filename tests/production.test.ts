// The production process, run as a process manager runs it: `npm run build` once, then
// `node dist/main.js` spawned directly, so the signals it is sent reach the server itself.
// SIGHUP reloads the corpus, SIGTERM lets a request in flight finish and exits 0, and stdout
// carries JSON lines only.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CORPUS_PATH } from "../src/ops/config.js";
import { DIST_DIR, buildDist } from "../tools/build/buildDist.js";
import { onCleanup } from "./cleanup.js";
import { killIfRunning } from "./processes.js";

/** A spawned `node dist/main.js` and everything it printed so far. */
interface ProdProcess {
  child: ChildProcess;
  url: string;
  lines: string[];
  stderr: string[];
  /** Resolves with the first stdout line whose `msg` matches. */
  waitForLog(msg: RegExp): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let dir: string;
let corpusPath: string;

beforeAll(async () => {
  // Once for the file: the same build `npm run build` makes.
  await buildDist();
  dir = await mkdtemp(join(tmpdir(), "news-prod-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  corpusPath = join(dir, "corpus.json");
  await copyFile(DEFAULT_CORPUS_PATH, corpusPath);
}, 180_000);

/** Spawns `node dist/main.js` on a free port over the test's corpus copy; resolves once it is ready. */
async function startProd(env: NodeJS.ProcessEnv = {}): Promise<ProdProcess> {
  const child = spawn(process.execPath, [join(DIST_DIR, "main.js")], {
    env: { PATH: process.env.PATH, PORT: "0", HOST: "127.0.0.1", CORPUS_PATH: corpusPath, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onCleanup(() => killIfRunning([child.pid!]));
  const lines: string[] = [];
  const stderr: string[] = [];
  const waiters: { msg: RegExp; resolve: (entry: Record<string, unknown>) => void }[] = [];
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    for (let nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      lines.push(line);
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue; // kept in `lines`, where the JSON-only assertion finds it
      }
      for (const waiter of waiters.filter((w) => w.msg.test(String(entry.msg)))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => void stderr.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const waitForLog = (msg: RegExp) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const seen = lines
        .map((l) => {
          try {
            return JSON.parse(l) as Record<string, unknown>;
          } catch {
            return undefined;
          }
        })
        .find((e) => e && msg.test(String(e.msg)));
      if (seen) return resolve(seen);
      waiters.push({ msg, resolve });
      void exited.then(() => reject(new Error(`node dist/main.js exited before logging ${msg}:\n${lines.join("\n")}\n${stderr.join("")}`)));
    });
  const ready = await waitForLog(/ready at/);
  return { child, url: `http://127.0.0.1:${ready.port}/graphql`, lines, stderr, waitForLog, exited };
}

/** POSTs one query to the process. */
async function query(url: string, text: string) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: text }) });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

describe("node dist/main.js", () => {
  it("serves the schema type-graphql's decorators describe, and logs JSON lines only", async () => {
    const prod = await startProd();
    expect(
      await query(prod.url, `{ country(code: "JP") { name } people(first: 1) { totalCount } __type(name: "Person") { fields { name } } }`),
    ).toMatchObject({
      data: {
        country: { name: "Japan" },
        people: { totalCount: expect.any(Number) },
        __type: { fields: expect.arrayContaining([{ name: "nationality" }]) },
      },
    });
    prod.child.kill("SIGTERM");
    expect(await prod.exited).toEqual({ code: 0, signal: null });
    expect(prod.lines.length).toBeGreaterThan(3);
    for (const line of prod.lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(prod.stderr.join("")).toBe("");
  });

  it("reloads the corpus on SIGHUP", async () => {
    const prod = await startProd();
    const aliases = `{ country(code: "JP") { aliases } }`;
    expect((await query(prod.url, aliases)).data.country.aliases).not.toContain("Nihon");
    const corpus = JSON.parse(await readFile(corpusPath, "utf8"));
    corpus.countries.find((c: { code: string }) => c.code === "JP").aliases.push("Nihon");
    await writeFile(corpusPath, JSON.stringify(corpus));
    prod.child.kill("SIGHUP");
    await prod.waitForLog(/corpus reloaded/);
    expect((await query(prod.url, aliases)).data.country.aliases).toContain("Nihon");
    prod.child.kill("SIGTERM");
    expect(await prod.exited).toEqual({ code: 0, signal: null });
  });

  it("drains on SIGTERM: a request in flight is answered, then the process exits 0", async () => {
    const prod = await startProd();
    const { port } = new URL(prod.url);
    // A request whose body is still arriving when the signal comes. `Expect: 100-continue` makes
    // the server say when it has read the headers and handed the request on: only then is it in flight.
    const body = JSON.stringify({ query: `{ country(code: "JP") { name } }` });
    const socket = connect(Number(port), "127.0.0.1");
    let text = "";
    const continued = new Promise<void>((resolve) =>
      socket.on("data", (chunk) => ((text += chunk.toString()), text.includes("100 Continue") && resolve())),
    );
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nexpect: 100-continue\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    await continued;
    prod.child.kill("SIGTERM");
    await prod.waitForLog(/draining/);
    socket.end(body);
    await closed;
    expect(text).toMatch(/HTTP\/1\.1 200 OK/);
    expect(text).toContain('{"data":{"country":{"name":"Japan"}}}');
    expect(await prod.exited).toEqual({ code: 0, signal: null });
    await prod.waitForLog(/drained/);
  });
});
