// Measures what loading one corpus file costs: wall time to a validated corpus, time to build the
// store's indexes, and the process's peak RSS. Run once per corpus in a fresh process, so the
// peak belongs to that corpus alone:  tsx bench/load.ts FILE [auto|whole|stream]
import { loadCorpusFile, type LoadCorpusOptions } from "../src/corpus/load.js";
import { MemoryStore } from "../src/store/MemoryStore.js";

/** What one load measured; printed as one JSON line. */
export interface LoadMeasurement {
  file: string;
  articles: number;
  /** Seconds from start to a validated corpus. */
  loadSeconds: number;
  /** Seconds to build the MemoryStore's indexes. */
  indexSeconds: number;
  /** CPU seconds (user + system) of the whole load, the figure to trust on a busy machine. */
  cpuSeconds: number;
  /** Peak resident set size of the process, in MB. */
  peakRssMB: number;
  /** V8 heap in use after loading, in MB. */
  heapUsedMB: number;
}

const [file, mode] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx bench/load.ts FILE [auto|whole|stream]");
  process.exit(2);
}
const started = performance.now();
const corpus = await loadCorpusFile(file, { mode: (mode ?? "auto") as LoadCorpusOptions["mode"] });
const loaded = performance.now();
const store = new MemoryStore(corpus);
const indexed = performance.now();
const measurement: LoadMeasurement = {
  file,
  articles: store.corpus.articles.length,
  loadSeconds: round((loaded - started) / 1000),
  indexSeconds: round((indexed - loaded) / 1000),
  cpuSeconds: round((process.cpuUsage().user + process.cpuUsage().system) / 1e6),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  heapUsedMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
};
console.log(JSON.stringify(measurement));

function round(x: number) {
  return Math.round(x * 100) / 100;
}
