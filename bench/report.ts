// The benchmark's output: medians over rounds, ratios to the ceiling and to each peer, a Markdown
// table for the terminal and BENCHMARKS.md, and the machine a run was measured on.
import { execSync } from "node:child_process";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { cpus, totalmem } from "node:os";

/** One autocannon run of one workload against one target. */
export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  /** The target's CPU time per request, in microseconds (NaN when it could not be read). */
  cpuUs: number;
}

/** The medians of a target's samples on a workload. */
export interface Summary extends Sample {
  rounds: Sample[];
}

/** Load and latency figures of one corpus size. */
export interface ScaleRow {
  articles: number;
  fileMB: number;
  loadSeconds: number;
  indexSeconds: number;
  /** CPU seconds of load and index build together. */
  cpuSeconds: number;
  peakRssMB: number;
  /** p99 latency in ms by workload name, from the service without its response cache. */
  p99: Record<string, number>;
  /** Why a size could not be measured, when it could not. */
  failed?: string;
}

/** Where and how a run was made. */
export interface RunInfo {
  date: string;
  command: string;
  commit: string;
  machine: { cpu: string; cores: number; memoryGB: number; node: string; os: string };
}

/** Returns the machine, the command line, the commit and the date of this run. */
export function runInfo(): RunInfo {
  let commit = "unknown";
  try {
    commit = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
    commit,
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      os: `${process.platform} ${process.arch}`,
    },
  };
}

/** Given samples from several rounds, returns their medians (each figure on its own). */
export function summarize(rounds: Sample[]): Summary {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    cpuUs: median(rounds.map((r) => r.cpuUs)),
    rounds,
  };
}

/**
 * Given results by workload then target, returns the Markdown tables: requests/s with p50/p99
 * for every target, then the service's throughput as a ratio to the ceiling and to each peer.
 */
export function markdownTables(
  workloads: { name: string; title: string; bytes: number }[],
  targets: { key: string; title: string }[],
  results: Record<string, Record<string, Summary>>,
  services: string[],
): string {
  const lines: string[] = [];
  lines.push(`| workload (answer size) | ${targets.map((t) => t.title).join(" | ")} |`);
  lines.push(`| --- | ${targets.map(() => "---:").join(" | ")} |`);
  for (const w of workloads) {
    const cells = targets.map((t) => {
      const s = results[w.name]?.[t.key];
      return s ? `${fmt(s.rps)} req/s<br>${s.p50} / ${s.p99} ms<br>${fmt(s.cpuUs)} µs CPU` : "—";
    });
    lines.push(`| ${w.title} (${(w.bytes / 1024).toFixed(1)} KB) | ${cells.join(" | ")} |`);
  }
  lines.push("", "Each cell: median requests/s; median p50 / p99 latency; median CPU time the server spent per request.", "");
  const others = targets.filter((t) => !services.includes(t.key));
  const ratioTable = (title: string, ratio: (a: Summary, b: Summary) => number) => {
    lines.push(title, "");
    lines.push(`| workload | ${services.flatMap((s) => others.map((o) => `${titleOf(targets, s)} ÷ ${o.title}`)).join(" | ")} |`);
    lines.push(`| --- | ${services.flatMap(() => others.map(() => "---:")).join(" | ")} |`);
    for (const w of workloads) {
      const cells = services.flatMap((s) =>
        others.map((o) => {
          const a = results[w.name]?.[s];
          const b = results[w.name]?.[o.key];
          const r = a && b ? ratio(a, b) : NaN;
          return Number.isFinite(r) ? r.toFixed(2) : "—";
        }),
      );
      lines.push(`| ${w.title} | ${cells.join(" | ")} |`);
    }
    lines.push("");
  };
  ratioTable("Throughput ratios (requests/s of the service ÷ requests/s of the other):", (a, b) => a.rps / b.rps);
  ratioTable(
    "CPU ratios (CPU per request of the other ÷ CPU per request of the service; above 1, the service does the same work for less CPU — the figure that holds on a busy machine):",
    (a, b) => b.cpuUs / a.cpuUs,
  );
  return lines.join("\n");
}

/** Given the scale rows, returns their Markdown table. */
export function scaleTable(rows: ScaleRow[]): string {
  const lines = [
    "| articles | file | load | index build | CPU | peak RSS | article page p99 | _entities p99 |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of rows) {
    if (r.failed) {
      lines.push(`| ${fmt(r.articles)} | ${fmt(r.fileMB)} MB | failed: ${r.failed} | | | | | |`);
      continue;
    }
    lines.push(
      `| ${fmt(r.articles)} | ${fmt(r.fileMB)} MB | ${r.loadSeconds} s | ${r.indexSeconds} s | ${r.cpuSeconds} s | ${fmt(r.peakRssMB)} MB | ${r.p99["article-page"] ?? "—"} ms | ${r.p99.entities ?? "—"} ms |`,
    );
  }
  return lines.join("\n");
}

/**
 * Replaces the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in a Markdown file
 * (appending the block when it is not there), so the hand-written analysis around it stays.
 */
export function updateMarkdownBlock(file: string, name: string, content: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const block = `${start}\n${content}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** Given run info, returns the line saying where and how the figures were measured. */
export function describeRun(info: RunInfo, settings: string): string {
  const m = info.machine;
  return `Measured ${info.date.slice(0, 16).replace("T", " ")} UTC at commit ${info.commit} on ${m.cores} × ${m.cpu}, ${m.memoryGB} GB, Node ${m.node} (${m.os}) with \`${info.command}\`; ${settings}.`;
}

/** The median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Private: a whole number with thousands separators.
function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

// Private: a target's title by key.
function titleOf(targets: { key: string; title: string }[], key: string): string {
  return targets.find((t) => t.key === key)?.title ?? key;
}
