// The real process (`src/main.ts`) under signals: SIGHUP reloads the corpus (a bad file is
// refused and logged while the old corpus serves on), SIGTERM under load drains (requests
// already at the server complete, new connections are refused) and exits 0; logs are JSON lines
// and every request's lines carry its id.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CorpusRecord } from "../src/corpus/format.js";
import { seedCorpus } from "./harness.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ARTICLE = "kyodo-20251028-takaichi-trump-summit";
const COUNTRIES = `query Countries { countries { name } }`;

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  [key: string]: unknown;
}

let dir: string;
let corpusFile: string;
let seed: CorpusRecord;
let child: ChildProcess;
let url: string;
let port: number;
const lines: LogLine[] = [];
const stray: string[] = [];
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

async function publish(corpus: unknown) {
  await writeFile(`${corpusFile}.next`, typeof corpus === "string" ? corpus : JSON.stringify(corpus));
  await rename(`${corpusFile}.next`, corpusFile);
}

/** Polls until `predicate` holds; the test's timeout bounds the wait. */
async function until<T>(probe: () => T | Promise<T>, predicate: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await probe();
    if (predicate(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function countryNames(headers: Record<string, string> = {}): Promise<{ names: string[]; response: Response }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify({ query: COUNTRIES }),
  });
  const body = (await response.json()) as { data: { countries: { name: string }[] } };
  return { names: body.data.countries.map((c) => c.name), response };
}

beforeAll(async () => {
  seed = await seedCorpus();
  dir = await mkdtemp(join(tmpdir(), "news-process-"));
  corpusFile = join(dir, "corpus.json");
  await publish(seed);
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", CORPUS_PATH: corpusFile, LOG_LEVEL: "info", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      stray.push(line);
    }
  });
  createInterface({ input: child.stderr! }).on("line", (line) => stray.push(line));
  const ready = await Promise.race([
    until(() => lines.find((l) => typeof l.port === "number"), Boolean),
    exited.then((e) => {
      throw new Error(`main.ts exited before serving (${JSON.stringify(e)}): ${stray.join("\n")}`);
    }),
  ]);
  port = ready!.port as number;
  url = ready!.url as string;
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

describe("the running process", () => {
  it("logs JSON lines, and echoes and logs the client's request id", async () => {
    const { response } = await countryNames({ "x-request-id": "process-test-1" });
    expect(response.headers.get("x-request-id")).toBe("process-test-1");
    const line = await until(() => lines.find((l) => l.reqId === "process-test-1"), Boolean);
    expect(line).toMatchObject({ msg: "request completed", method: "POST", path: "/graphql", status: 200, operation: "Countries" });
    expect(stray).toEqual([]);
  });

  it("reloads the corpus on SIGHUP, and keeps serving it when the next file is invalid", async () => {
    const variant = structuredClone(seed);
    for (const country of variant.countries) country.name = `${country.name} [variant]`;
    await publish(variant);
    child.kill("SIGHUP");
    const { names } = await until(
      () => countryNames(),
      ({ names }) => names.every((n) => n.endsWith("[variant]")),
    );
    expect(names).toHaveLength(seed.countries.length);

    const bad = { ...variant, people: [{ ...variant.people[0]!, nationality: "XX" }, ...variant.people.slice(1)] };
    await publish(bad);
    child.kill("SIGHUP");
    const error = await until(() => lines.find((l) => l.level === 50 && l.msg.startsWith("Invalid corpus")), Boolean);
    expect(error!.msg).toContain("$.people[0].nationality");
    expect((await countryNames()).names).toEqual(names);
  });

  it("drains on SIGTERM under load: requests already at the server complete, new connections are refused, exit 0", async () => {
    // Requests the server has provably accepted: it answered `100 Continue` to their headers,
    // and is waiting for their bodies when SIGTERM arrives.
    const held = await Promise.all(Array.from({ length: 3 }, () => heldRequest(`{ article(id: "${ARTICLE}") { id } }`)));

    // Background load: clients that keep querying across the signal.
    let signalled = false;
    let loading = true;
    // `signalled` is read when each request ends: a connection error is only acceptable once
    // SIGTERM is on its way. (A request still travelling on an idle keep-alive connection when
    // the server closes it fails that way: HTTP/1.1 gives a server no way to know it is coming.
    // The held requests above are the ones the server has provably received.)
    const outcomes: { endedAfterSignal: boolean; status?: number; ok?: boolean; error?: string }[] = [];
    const load = Array.from({ length: 4 }, async () => {
      while (loading) {
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: COUNTRIES }),
          });
          const body = (await res.json()) as { data?: { countries: unknown[] } };
          outcomes.push({ endedAfterSignal: signalled, status: res.status, ok: Array.isArray(body.data?.countries) });
        } catch (error) {
          outcomes.push({ endedAfterSignal: signalled, error: String((error as Error).cause ?? error) });
          await new Promise((r) => setTimeout(r, 10));
        }
      }
    });
    await until(
      () => outcomes.length,
      (n) => n >= 20,
    );

    child.kill("SIGTERM");
    signalled = true;
    // New connections are refused once the listener closes, while the held requests still run.
    await until(() => connectionRefused(port), Boolean);
    expect(child.exitCode).toBeNull();

    const answers = await Promise.allSettled(held.map((request) => request.finish()));
    const good = { status: "fulfilled", value: { status: 200, body: { data: { article: { id: ARTICLE } } } } };
    expect(answers).toEqual(held.map(() => good));
    const { code, signal } = await exited;
    loading = false;
    await Promise.all(load);

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // Until the signal every request succeeded; after it, a request either got a whole, good
    // answer or could not connect: never an error status or a cut-off answer.
    expect(outcomes.filter((o) => !o.endedAfterSignal && !(o.status === 200 && o.ok))).toEqual([]);
    expect(outcomes.filter((o) => o.status !== undefined && !(o.status === 200 && o.ok))).toEqual([]);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^draining/), "drained; exiting"]));
    for (const line of lines.filter((l) => l.msg === "request completed")) expect(line.reqId).toMatch(/\S/);
  });
});

/** A POST whose headers are sent and acknowledged (`100 Continue`); `finish` sends the body and reads the answer. */
function heldRequest(query: string): Promise<{ finish(): Promise<{ status: number; body: unknown }> }> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue" },
    });
    const answer = new Promise<{ status: number; body: unknown }>((done, fail) => {
      // Before `continue` this fails the setup; after it, the answer (a dropped request).
      req.on("error", (error) => {
        reject(error);
        fail(error);
      });
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => done({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        res.on("error", fail);
      });
    });
    req.on("continue", () =>
      resolve({
        finish: () => {
          req.end(body);
          return answer;
        },
      }),
    );
    req.flushHeaders();
  });
}

// Private: true when a new TCP connection to the port is refused.
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}
