// `npm start`: reads the configuration, loads and validates the corpus, and serves it until
// SIGTERM (SIGHUP reloads the corpus). A bad corpus or configuration stops start-up with one
// clear message, never a stack trace alone.
import { ConfigError, readConfig } from "./ops/config.js";
import { CorpusError } from "./corpus/CorpusError.js";
import { loadCorpusFile } from "./corpus/load.js";
import { createCorpusReloader, handleSignals, watchCorpusFile } from "./ops/lifecycle.js";
import { LogDestination } from "./ops/logDestination.js";
import { createLogger } from "./ops/logging.js";
import { startServer } from "./server.js";
import { MemoryStore } from "./store/MemoryStore.js";
import { SchemaVersionError } from "./store/postgres/migrate.js";
import { PostgresStore } from "./store/postgres/PostgresStore.js";
import { createVersionReloader } from "./ops/versionReloader.js";

async function main() {
  const config = readConfig();
  // Our own stdout writer: a closed or stalled log reader never keeps the process from exiting.
  const logOutput = new LogDestination(1);
  const logger = createLogger(config.logLevel, logOutput);
  const shutdown = { shutdownTimeoutMs: config.shutdownTimeoutMs, flushLogs: (ms: number) => logOutput.flush(ms) };
  const started = performance.now();
  if (config.store === "postgres") {
    // The database was filled by `npm run db:import`; nothing is loaded here, only checked.
    const store = await PostgresStore.open({
      primary: config.databaseUrl!,
      replicas: config.databaseReplicaUrls,
      poolSize: config.databasePoolSize,
      connectTimeoutMs: config.databaseConnectTimeoutMs,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
    });
    logger.info(
      {
        store: "postgres",
        replicas: config.databaseReplicaUrls.length,
        version: store.version,
        ms: Math.round(performance.now() - started),
      },
      "database opened",
    );
    const server = await startServer({ store, config, logger });
    logger.info({ url: server.url, port: server.port }, `news-entity subgraph ready at ${server.url}`);
    handleSignals({ server, reloader: createVersionReloader(server, logger), logger, ...shutdown });
    return;
  }
  const corpus = await loadCorpusFile(config.corpusPath);
  const store = new MemoryStore(corpus);
  logger.info(
    { corpus: config.corpusPath, articles: corpus.articles.length, ms: Math.round(performance.now() - started) },
    "corpus loaded",
  );
  const server = await startServer({ store, config, logger });
  // `port` is the bound one: with PORT=0 this line is how a supervisor (or a test) finds it.
  logger.info({ url: server.url, port: server.port }, `news-entity subgraph ready at ${server.url}`);
  // The search index builds in the background (in slices, so requests keep flowing); a search
  // that comes first waits for it.
  const indexing = performance.now();
  store.prepareSearch().then(
    () => logger.info({ ms: Math.round(performance.now() - indexing) }, "search index ready"),
    (err: unknown) => logger.error({ err }, "search index failed to build; search and the article text filter will fail"),
  );
  const reloader = createCorpusReloader({ server, corpusPath: config.corpusPath, logger, metrics: server.metrics });
  const stopWatching = config.corpusWatch
    ? watchCorpusFile(config.corpusPath, () => void reloader.reload("file changed"), logger)
    : undefined;
  handleSignals({ server, reloader, logger, onDrain: stopWatching, ...shutdown });
}

main().catch((error: unknown) => {
  const listen = error as { code?: string; port?: number; address?: string };
  if (error instanceof CorpusError || error instanceof ConfigError || error instanceof SchemaVersionError) {
    console.error(error.message);
  } else if (listen.code === "EADDRINUSE" || listen.code === "EACCES") {
    // Node's listen errors carry the port and address; say which setting moves it, not a stack.
    const why = listen.code === "EADDRINUSE" ? "is already in use" : "needs privileges this process lacks";
    console.error(
      `Port ${listen.port} on ${listen.address} ${why} (${listen.code}): set PORT to another port (PORT=${(listen.port ?? 4000) + 100} npm start), or stop what holds it.`,
    );
  } else {
    console.error("Start-up failed:", error);
  }
  process.exit(1);
});
