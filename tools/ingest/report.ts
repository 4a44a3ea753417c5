// The ingest run's report for a person: what each article added, every reference the extractor
// could not resolve with its place in the article, under --keep-going the inputs left out and
// why, and apart (for stderr) what was ingested but should be checked: unknown source, no date.
import { ENTITY_KINDS, KINDS } from "../../src/corpus/kinds.js";
import type { IngestResult } from "./ingest.js";
import { noMergeCounts, type MergeCounts } from "./merge.js";

/** Given a run's result, returns the report as lines of text (no trailing newline). */
export function formatIngestReport(result: IngestResult): string {
  const lines: string[] = [];
  const fresh = result.articles.filter((a) => !a.alreadyPresent);
  const total = noMergeCounts();
  for (const a of fresh) for (const section of Object.keys(total) as (keyof MergeCounts)[]) total[section] += a.added[section];
  const rate =
    result.seconds > 0 ? ` in ${result.seconds.toFixed(1)} s (${(result.articles.length / result.seconds).toFixed(1)} articles/s)` : "";
  lines.push(`Wrote ${result.written}: ${plural(fresh.length, "article")} ingested${rate}; added ${counts(total)}.`);
  for (const a of result.articles) {
    if (a.alreadyPresent) {
      lines.push(`  ${a.file}: already in the corpus as ${a.articleId}; left as it was`);
      continue;
    }
    lines.push(`  ${a.file} → ${a.articleId}: ${plural(a.mentions, "mention")}; new ${counts(a.added)}; known ${counts(a.matched)}`);
  }
  const unresolved = result.articles.flatMap((a) => a.unresolved.map((u) => ({ file: a.file, ...u })));
  if (unresolved.length > 0) {
    lines.push(`Unresolved (${unresolved.length}), not in the corpus:`);
    for (const u of unresolved) lines.push(`  ${u.file} [${u.start}, ${u.end}) ${u.entityType} ${JSON.stringify(u.text)}: ${u.reason}`);
  }
  if (result.failed.length > 0) {
    lines.push(`Not ingested (${result.failed.length}):`);
    for (const f of result.failed) lines.push(`  ${f.file}: ${f.reason}`);
  }
  return lines.join("\n");
}

// Private: "1 person, 2 countries, 0 agreements, …", every kind in the kinds table's order.
function counts(c: MergeCounts): string {
  return ENTITY_KINDS.map((kind) => {
    const { typeName, section } = KINDS[kind];
    return plural(c[section], typeName.toLowerCase(), section);
  }).join(", ");
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Given a run's result, returns one "warning: FILE: what" line per warning, for stderr ("" when none). */
export function formatWarnings(result: IngestResult): string {
  return result.articles.flatMap((a) => a.warnings.map((w) => `warning: ${a.file}: ${w}\n`)).join("");
}
