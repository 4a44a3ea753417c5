// The processes the benchmark drives: each server (the service, the ceiling, each peer) runs in a
// child process of its own, so none shares an event loop with the load generator, and says it is
// ready by printing one JSON line with its port. This module holds both halves of that handshake.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Context } from "../src/graphql/context.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import { createLoaders } from "../src/graphql/loaders.js";
import { MemoryStore } from "../src/store/MemoryStore.js";

/** A started target: where to send requests and how to stop it. */
export interface RunningTarget {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** How to start one target: a script under bench/, its arguments and extra environment. */
export interface TargetSpec {
  name: string;
  /** Path relative to bench/, e.g. `peers/mercurius.ts`. */
  script: string;
  args: string[];
  env?: Record<string, string>;
  /** Extra node flags, such as a larger heap for big corpora. */
  nodeFlags?: string[];
}

/** Child side: tells the harness the server is listening. */
export function announce(port: number): void {
  process.stdout.write(`${JSON.stringify({ ready: true, port })}\n`);
}

/** Child side: loads a corpus file into a MemoryStore, as the service does at start-up. */
export async function loadStore(file: string): Promise<MemoryStore> {
  return new MemoryStore(await loadCorpusFile(file));
}

/** Child side: the GraphQL context of one request over a store, as the service builds it. */
export function contextFor(store: MemoryStore, maxPageSize = 100): Context {
  return { store, loaders: createLoaders(store), maxPageSize } as Context;
}

/**
 * Parent side: starts a target and resolves once it has announced its port (or rejects with its
 * stderr when it exits first). `timeoutMs` bounds start-up, which includes loading the corpus.
 */
export function startTarget(spec: TargetSpec, timeoutMs = 600_000): Promise<RunningTarget> {
  const script = fileURLToPath(new URL(spec.script, import.meta.url));
  const child = spawn(process.execPath, [...(spec.nodeFlags ?? []), "--import", "tsx", script, ...spec.args], {
    env: { ...process.env, ...spec.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${spec.name} did not start within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (!line.startsWith("{")) return;
      let message: { ready?: boolean; port?: number };
      try {
        message = JSON.parse(line);
      } catch {
        return;
      }
      if (!message.ready || !message.port) return;
      clearTimeout(timer);
      resolve({
        name: spec.name,
        url: `http://127.0.0.1:${message.port}/graphql`,
        pid: child.pid!,
        stop: () => stopChild(child),
      });
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited (${code ?? signal}) before it was ready:\n${stderr}`));
    });
  });
}

// Private: ends a child process and waits for it to go.
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
