// `npm start`: reads the configuration, loads and validates the corpus, and serves it.
// A bad corpus or configuration stops start-up with one clear message, never a stack trace alone.
import { pino } from "pino";
import { ConfigError, readConfig } from "./config.js";
import { CorpusError } from "./corpus/CorpusError.js";
import { loadCorpusFile } from "./corpus/load.js";
import { startServer } from "./server.js";
import { MemoryStore } from "./store/MemoryStore.js";

async function main() {
  const config = readConfig();
  const logger = pino({ level: config.logLevel });
  const started = performance.now();
  const corpus = await loadCorpusFile(config.corpusPath);
  const store = new MemoryStore(corpus);
  logger.info(
    { corpus: config.corpusPath, articles: corpus.articles.length, ms: Math.round(performance.now() - started) },
    "corpus loaded",
  );
  const server = await startServer({ store, config, logger });
  logger.info({ url: server.url }, `news-entity subgraph ready at ${server.url}`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, "draining and shutting down");
    server.stop().then(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof CorpusError || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Start-up failed:", error);
  }
  process.exit(1);
});
