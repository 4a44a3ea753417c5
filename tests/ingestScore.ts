// Scoring for the ingest tests: entities and mentions reduced to their identity (a person by
// name, a country by code, an agreement by kind and parties, a tariff by imposer, target and
// product), so extraction is measured against the gold annotation regardless of id naming.
import type { CorpusRecord } from "../src/corpus/format.js";
import { foldText } from "../src/text/fold.js";

/** One article's annotation as sets of identity keys. */
export interface Annotation {
  people: Set<string>;
  countries: Set<string>;
  agreements: Set<string>;
  tariffs: Set<string>;
  /** "start-end TYPE identity": span-exact, with the entity it refers to. */
  mentions: Set<string>;
  /** Roles, nationalities, agreement dates and commitments, tariff rates and links. */
  facts: Set<string>;
}

/** Precision and recall of one category, with what was missing and extra for the failure message. */
export interface Score {
  precision: number;
  recall: number;
  missing: string[];
  extra: string[];
}

/** An expected-entities file for a fixture article (tests/fixtures/ingest/*.expected.json). */
export interface ExpectedArticle {
  published: string;
  dateline: string;
  people: { name: string; nationality: string | null; roles: { title: string; country: string | null; current: boolean }[] }[];
  countries: string[];
  agreements: { kind: string; parties: string[]; concluded: string | null; commitments: { party: string; amount: number | null; sectors: string[] }[] }[];
  tariffs: { imposedBy: string; appliesTo: string; product: string; ratePercent: number | null; previousRatePercent: number | null; agreement: string | null }[];
  /** In text order; `occurrence` (1-based, default 1) counts whole-word occurrences of `text` in the body. */
  mentions: { type: string; entity: string; text: string; occurrence?: number }[];
}

export const CATEGORIES = ["people", "countries", "mentions", "agreements", "tariffs", "facts"] as const;

/** Identity of an agreement: "TRADE:JP,US". */
export function agreementKey(a: { kind: string; parties: string[] }): string {
  return `${a.kind}:${[...a.parties].sort().join(",")}`;
}

/** Identity of a tariff: "US>JP:automobiles". */
export function tariffKey(t: { imposedBy: string; appliesTo: string; product: string }): string {
  return `${t.imposedBy}>${t.appliesTo}:${t.product.toLowerCase()}`;
}

/** Given a corpus and one of its articles, returns the article's annotation as identity keys. */
export function annotationOfCorpus(corpus: CorpusRecord, articleId: string): Annotation {
  const article = corpus.articles.find((a) => a.id === articleId);
  if (article === undefined) throw new Error(`article ${articleId} is not in the corpus`);
  const personKey = new Map(corpus.people.map((p) => [p.id, foldText(p.name)]));
  const agreementKeys = new Map(corpus.agreements.map((a) => [a.id, agreementKey(a)]));
  const tariffKeys = new Map(corpus.tariffs.map((t) => [t.id, tariffKey(t)]));
  const identity = (type: string, id: string) =>
    type === "PERSON" ? personKey.get(id) : type === "AGREEMENT" ? agreementKeys.get(id) : type === "TARIFF" ? tariffKeys.get(id) : id;
  const mentioned = (type: string) => new Set(article.mentions.filter((m) => m.entityType === type).map((m) => m.entityId));

  const people = corpus.people.filter((p) => mentioned("PERSON").has(p.id));
  const agreements = corpus.agreements.filter((a) => mentioned("AGREEMENT").has(a.id));
  const tariffs = corpus.tariffs.filter((t) => mentioned("TARIFF").has(t.id));
  const facts = new Set<string>();
  for (const p of people) {
    const name = foldText(p.name);
    if (p.nationality != null) facts.add(`${name} nationality ${p.nationality}`);
    for (const r of p.roles) facts.add(`${name} role ${r.title}/${r.country ?? "-"}/${r.current ? "current" : "former"}`);
  }
  for (const a of agreements) {
    const key = agreementKey(a);
    facts.add(`${key} concluded ${a.concluded ?? "-"}`);
    for (const c of a.commitments) facts.add(`${key} commitment ${c.party} ${c.amount?.amount ?? "-"} [${[...c.sectors].sort().join("; ")}]`);
  }
  for (const t of tariffs) {
    const key = tariffKey(t);
    facts.add(`${key} rate ${t.ratePercent ?? "-"} from ${t.previousRatePercent ?? "-"}`);
    facts.add(`${key} under ${t.agreementId == null ? "-" : agreementKeys.get(t.agreementId)}`);
  }
  return {
    people: new Set(people.map((p) => foldText(p.name))),
    countries: mentioned("COUNTRY"),
    agreements: new Set(agreements.map(agreementKey)),
    tariffs: new Set(tariffs.map(tariffKey)),
    mentions: new Set(article.mentions.map((m) => `${m.start}-${m.end} ${m.entityType} ${identity(m.entityType, m.entityId)}`)),
    facts,
  };
}

/**
 * Given a fixture's expected entities and the article body, returns the annotation as identity
 * keys, resolving each expected mention's text and occurrence to its exact span. Throws when an
 * expected mention's text does not occur that often, so a typo in a fixture cannot pass quietly.
 */
export function annotationOfExpected(expected: ExpectedArticle, body: string): Annotation {
  const mentions = new Set<string>();
  for (const m of expected.mentions) {
    const start = nthWholeWord(body, m.text, m.occurrence ?? 1);
    if (start < 0) throw new Error(`expected mention ${JSON.stringify(m.text)} #${m.occurrence ?? 1} does not occur in the body`);
    const entity = m.type === "PERSON" ? foldText(m.entity) : m.entity;
    mentions.add(`${start}-${start + m.text.length} ${m.type} ${entity}`);
  }
  const facts = new Set<string>();
  for (const p of expected.people) {
    const name = foldText(p.name);
    if (p.nationality != null) facts.add(`${name} nationality ${p.nationality}`);
    for (const r of p.roles) facts.add(`${name} role ${r.title}/${r.country ?? "-"}/${r.current ? "current" : "former"}`);
  }
  for (const a of expected.agreements) {
    const key = agreementKey(a);
    facts.add(`${key} concluded ${a.concluded ?? "-"}`);
    for (const c of a.commitments) facts.add(`${key} commitment ${c.party} ${c.amount ?? "-"} [${[...c.sectors].sort().join("; ")}]`);
  }
  for (const t of expected.tariffs) {
    const key = tariffKey(t);
    facts.add(`${key} rate ${t.ratePercent ?? "-"} from ${t.previousRatePercent ?? "-"}`);
    facts.add(`${key} under ${t.agreement ?? "-"}`);
  }
  return {
    people: new Set(expected.people.map((p) => foldText(p.name))),
    countries: new Set(expected.countries),
    agreements: new Set(expected.agreements.map(agreementKey)),
    tariffs: new Set(expected.tariffs.map(tariffKey)),
    mentions,
    facts,
  };
}

/** Given predicted and gold keys, returns precision and recall (1 when both sets are empty). */
export function score(predicted: Set<string>, gold: Set<string>): Score {
  const hits = [...predicted].filter((k) => gold.has(k)).length;
  return {
    precision: predicted.size === 0 ? (gold.size === 0 ? 1 : 0) : hits / predicted.size,
    recall: gold.size === 0 ? 1 : hits / gold.size,
    missing: [...gold].filter((k) => !predicted.has(k)),
    extra: [...predicted].filter((k) => !gold.has(k)),
  };
}

/** Given scores by category, returns a small table for the test log. */
export function formatScores(title: string, scores: Record<string, Score>, sizes: Record<string, number>): string {
  const rows = Object.entries(scores).map(
    ([name, s]) => `  ${name.padEnd(11)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (gold ${sizes[name]})`,
  );
  return [title, ...rows].join("\n");
}

// Private: offset of the nth whole-word occurrence of `text` in `body`, or -1.
function nthWholeWord(body: string, text: string, n: number): number {
  let from = 0;
  let seen = 0;
  for (;;) {
    const at = body.indexOf(text, from);
    if (at < 0) return -1;
    const before = at === 0 ? "" : body[at - 1];
    const after = body[at + text.length] ?? "";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after) && ++seen === n) return at;
    from = at + 1;
  }
}
