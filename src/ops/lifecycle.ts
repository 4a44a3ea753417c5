// The running process's life: corpus reloads (SIGHUP, and a file watch behind CORPUS_WATCH) that
// swap in a fully validated new store or keep the old one, and the SIGTERM drain that ends with exit 0.
import { watch } from "node:fs";
import { basename, dirname } from "node:path";
import type { Logger } from "pino";
import { CorpusError } from "../corpus/CorpusError.js";
import { loadCorpusFile } from "../corpus/load.js";
import type { ServiceMetrics } from "./metrics.js";
import type { RunningServer } from "../server.js";
import { MemoryStore } from "../store/MemoryStore.js";

/** How a reload ended: the new corpus serves, or it was rejected and the old one still serves. */
export type ReloadOutcome = "applied" | "rejected";

/** Reloads the corpus file into a running server. */
export interface CorpusReloader {
  /**
   * Loads and validates the corpus file beside the one serving and swaps it in only when valid;
   * requests already running finish on the store they started with. A reload asked for while
   * one runs is folded into one more run after it, so the last change is always picked up.
   */
  reload(reason: string): Promise<ReloadOutcome>;
}

/** What {@link createCorpusReloader} needs. */
export interface CorpusReloaderOptions {
  server: Pick<RunningServer, "setStore">;
  corpusPath: string;
  logger: Logger;
  metrics?: Pick<ServiceMetrics, "countReload">;
}

/** How long a file must stay quiet before the watch reloads it: editors and `cp` write in steps. */
export const WATCH_SETTLE_MS = 150;

/** Returns a reloader for the server's corpus file. */
export function createCorpusReloader(options: CorpusReloaderOptions): CorpusReloader {
  const { corpusPath: file, logger } = options;
  let running: Promise<ReloadOutcome> | undefined;
  let queued: Promise<ReloadOutcome> | undefined;

  async function reloadOnce(reason: string): Promise<ReloadOutcome> {
    const started = performance.now();
    try {
      // Built whole beside the serving store; nothing is visible until setStore swaps the reference.
      const corpus = await loadCorpusFile(file);
      const store = new MemoryStore(corpus);
      // The new corpus's search index too, so searches never wait for it after the swap.
      await store.prepareSearch();
      options.server.setStore(store);
      logger.info(
        { corpus: file, reason, version: store.version, articles: corpus.articles.length, ms: Math.round(performance.now() - started) },
        "corpus reloaded",
      );
      options.metrics?.countReload("applied");
      return "applied";
    } catch (error) {
      if (error instanceof CorpusError) {
        logger.error({ corpus: file, reason, problems: error.problems }, `${error.message}\nThe previous corpus keeps serving.`);
      } else {
        logger.error({ corpus: file, reason, err: error }, "corpus reload failed; the previous corpus keeps serving");
      }
      options.metrics?.countReload("rejected");
      return "rejected";
    }
  }

  const reloader: CorpusReloader = {
    reload(reason) {
      if (!running) {
        running = reloadOnce(reason).finally(() => {
          running = undefined;
        });
        return running;
      }
      // The running reload may have read the file before this change: run once more after it.
      queued ??= running.then(() => {
        queued = undefined;
        return reloader.reload(reason);
      });
      return queued;
    },
  };
  return reloader;
}

/**
 * Watches the corpus file and calls `onChange` once it has been quiet for {@link WATCH_SETTLE_MS}.
 * The directory is watched, not the file: editors and deploy tools replace a file by renaming a
 * new one over it, which ends a watch on the old file. Returns a function that stops watching.
 */
export function watchCorpusFile(file: string, onChange: () => void, logger: Logger): () => void {
  const name = basename(file);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dirname(file), (_event, changed) => {
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, WATCH_SETTLE_MS);
  });
  watcher.on("error", (err) => logger.error({ err, corpus: file }, "corpus watch failed; SIGHUP still reloads"));
  logger.info({ corpus: file }, "watching the corpus file for changes");
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/** What {@link handleSignals} needs. */
export interface SignalOptions {
  server: Pick<RunningServer, "stop">;
  reloader: CorpusReloader;
  logger: Logger;
  /** Runs when draining begins (e.g. stop the file watch). */
  onDrain?: () => void;
  /** Ends the process. @default process.exit */
  exit?: (code: number) => void;
  /** The most a shutdown may take, from the signal to the exit. @default 10000 */
  shutdownTimeoutMs?: number;
  /** Waits, at most the given milliseconds, for log lines still queued (logDestination.ts). @default nothing to wait for */
  flushLogs?: (timeoutMs: number) => Promise<void>;
}

/** The part of the shutdown timeout kept back from the drain, for stopping Apollo and writing the last log lines. */
export function exitReserveMs(shutdownTimeoutMs: number): number {
  return Math.min(1000, Math.floor(shutdownTimeoutMs / 5));
}

/**
 * Installs the process's signal handlers: SIGHUP reloads the corpus; SIGTERM and SIGINT drain
 * (`/ready` 503, idle connections closed, in-flight requests finish with `Connection: close`, then
 * the listener closes) and exit 0. The process exits within the shutdown timeout whatever happens:
 * connections still open are closed before it, and at it the process exits 1 without waiting for
 * anything, its log output included. A second SIGTERM or SIGINT while draining exits 1 at once.
 */
export function handleSignals(options: SignalOptions): void {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  let draining = false;
  process.on("SIGHUP", () => {
    logger.info({ signal: "SIGHUP" }, "reloading the corpus");
    void options.reloader.reload("SIGHUP");
  });
  const drain = (signal: NodeJS.Signals) => {
    if (draining) {
      logger.warn({ signal }, "second signal while draining: exiting now");
      exit(1);
      return;
    }
    draining = true;
    const deadline = Date.now() + shutdownTimeoutMs;
    // The guarantee: nothing below (a hung connection, a log reader gone away) outlives this.
    setTimeout(() => exit(1), shutdownTimeoutMs);
    logger.info({ signal, shutdownTimeoutMs }, "draining: /ready answers 503, finishing in-flight requests");
    options.onDrain?.();
    const finish = async (code: number) => {
      await options.flushLogs?.(Math.max(0, deadline - Date.now()));
      exit(code);
    };
    options.server.stop(shutdownTimeoutMs - exitReserveMs(shutdownTimeoutMs)).then(
      () => {
        logger.info({ signal }, "drained; exiting");
        void finish(0);
      },
      (err: unknown) => {
        logger.error({ err, signal }, "shutdown failed");
        void finish(1);
      },
    );
  };
  process.on("SIGTERM", drain);
  process.on("SIGINT", drain);
}
