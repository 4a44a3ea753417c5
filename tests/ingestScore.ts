// Scoring for the ingest tests and the dev-set evaluation: entities and mentions reduced to
// their identity (a person by name, a country by code, an agreement by kind and parties, a
// tariff by imposer, target and product) and their facts, so extraction is measured against
// the gold annotation regardless of id naming.
import worldCountries from "world-countries";
import type { CorpusRecord } from "../src/corpus/format.js";
import { foldText } from "../src/text/fold.js";

/** One article's annotation as sets of keys, one set per scored category. */
export interface Annotation {
  /** People by folded full name. */
  people: Set<string>;
  /** "name nationality XX" and "name role Title/XX/current|former". */
  roles: Set<string>;
  /** Codes of the countries (and the EU) the article mentions. */
  countries: Set<string>;
  /** "start-end XX": a capital or seat standing for its state ("Washington", "Brussels"), span-exact. */
  metonyms: Set<string>;
  /** "start-end TYPE identity": span-exact, with the entity it refers to. */
  mentions: Set<string>;
  /**
   * Tariff identities, "key rate R from P", "key under AGREEMENT", and with the `statuses` option
   * "key status S" (the status of the article's last statement of a rate) and "key effective D".
   */
  tariffs: Set<string>;
  /** Agreement identities and "key concluded DATE". */
  agreements: Set<string>;
  /** "key PARTY AMOUNT CURRENCY" for every commitment that names an amount of money. */
  commitments: Set<string>;
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
  /** The dateline as written ("WASHINGTON/HANOI"); null when the article has none. */
  dateline: string | null;
  /** Dev set only: the source the article names, its headline and its input style ("ap", "reuters", "html", "ninjs2", …). */
  source?: string | null;
  headline?: string | null;
  format?: string;
  people: { name: string; nationality: string | null; roles: { title: string; country: string | null; current: boolean }[] }[];
  countries: string[];
  agreements: {
    kind: string;
    parties: string[];
    concluded: string | null;
    /** `currency` (ISO 4217) goes with `amount`; fixtures older than the dev set leave it out for amount-less commitments. */
    commitments: { party: string; amount: number | null; currency?: string | null; sectors: string[] }[];
  }[];
  /**
   * `status` (IN_EFFECT, ANNOUNCED, THREATENED, PAUSED, WITHDRAWN) of the article's last statement
   * of the tariff's rate (null when it states none); `effective` (YYYY-MM-DD, YYYY-MM, null) the
   * date that statement gives, where the gold records it. The dev set scores both.
   */
  tariffs: {
    imposedBy: string;
    appliesTo: string;
    product: string;
    ratePercent: number | null;
    previousRatePercent: number | null;
    agreement: string | null;
    status?: string | null;
    effective?: string | null;
  }[];
  /** In text order; `occurrence` (1-based, default 1) counts whole-word occurrences of `text` in the body. */
  mentions: { type: string; entity: string; text: string; occurrence?: number }[];
}

export const CATEGORIES = ["people", "roles", "countries", "metonyms", "mentions", "tariffs", "agreements", "commitments"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Capitals and seats that can stand for their state, folded ("washington", "brasilia", "brussels"). */
const CAPITALS = new Set(
  worldCountries
    .flatMap((c) => c.capital)
    .flatMap((c) => [c, c.replace(/\s+D\.C\.$/, "")])
    .map(foldText),
);

/** Identity of an agreement: "TRADE:JP,US". */
export function agreementKey(a: { kind: string; parties: string[] }): string {
  return `${a.kind}:${[...a.parties].sort().join(",")}`;
}

/** Identity of a tariff: "US>JP:automobiles". */
export function tariffKey(t: { imposedBy: string; appliesTo: string; product: string }): string {
  return `${t.imposedBy}>${t.appliesTo}:${t.product.toLowerCase()}`;
}

/** What an annotation scores beyond identities and rates. */
export interface AnnotationOptions {
  /** Score each tariff's status and effective date (the dev set does; the older fixtures record neither). */
  statuses?: boolean;
  /**
   * Score only mentions of these entity types; all when omitted (a corpus against a corpus, as
   * the seed test compares). Expected-entities files annotate {@link EXPECTED_MENTION_TYPES}.
   */
  mentionTypes?: readonly string[];
}

/**
 * The mention types the expected-entities files (fixtures, dev set) annotate. Organizations are
 * not annotated there yet, so ingestion's organization mentions are not counted against them;
 * the hand-made seed corpus annotates them and scores them.
 */
export const EXPECTED_MENTION_TYPES: readonly string[] = ["PERSON", "COUNTRY", "AGREEMENT", "TARIFF"];

/** Given a corpus and one of its articles, returns the article's annotation as identity keys. */
export function annotationOfCorpus(corpus: CorpusRecord, articleId: string, options: AnnotationOptions = {}): Annotation {
  const article = corpus.articles.find((a) => a.id === articleId);
  if (article === undefined) throw new Error(`article ${articleId} is not in the corpus`);
  const personKey = new Map(corpus.people.map((p) => [p.id, foldText(p.name)]));
  const agreementKeys = new Map(corpus.agreements.map((a) => [a.id, agreementKey(a)]));
  const tariffKeys = new Map(corpus.tariffs.map((t) => [t.id, tariffKey(t)]));
  const organizationKeys = new Map((corpus.organizations ?? []).map((o) => [o.id, foldText(o.name)]));
  const identity = (type: string, id: string) =>
    type === "PERSON"
      ? personKey.get(id)
      : type === "AGREEMENT"
        ? agreementKeys.get(id)
        : type === "TARIFF"
          ? tariffKeys.get(id)
          : type === "ORGANIZATION"
            ? organizationKeys.get(id)
            : id;
  const scored =
    options.mentionTypes === undefined ? article.mentions : article.mentions.filter((m) => options.mentionTypes!.includes(m.entityType));
  const mentioned = (type: string) => new Set(article.mentions.filter((m) => m.entityType === type).map((m) => m.entityId));

  const people = corpus.people.filter((p) => mentioned("PERSON").has(p.id));
  const agreements = corpus.agreements.filter((a) => mentioned("AGREEMENT").has(a.id));
  const tariffs = corpus.tariffs.filter((t) => mentioned("TARIFF").has(t.id));
  return {
    people: new Set(people.map((p) => foldText(p.name))),
    roles: roleKeys(people),
    countries: mentioned("COUNTRY"),
    metonyms: metonymKeys(
      article.mentions.map((m) => ({ type: m.entityType, entity: m.entityId, text: m.text, start: m.start, end: m.end })),
    ),
    mentions: new Set(scored.map((m) => `${m.start}-${m.end} ${m.entityType} ${identity(m.entityType, m.entityId)}`)),
    tariffs: tariffFacts(
      tariffs.map((t) => ({
        ...t,
        ...statedRates(t, article.id),
        agreement: t.agreementId == null ? null : (agreementKeys.get(t.agreementId) ?? null),
      })),
      options,
    ),
    agreements: agreementFacts(agreements),
    commitments: commitmentKeys(
      agreements.map((a) => ({
        ...a,
        commitments: a.commitments.map((c) => ({ party: c.party, amount: c.amount?.amount ?? null, currency: c.amount?.currency ?? null })),
      })),
    ),
  };
}

/**
 * Given a fixture's expected entities and the article body, returns the annotation as identity
 * keys, resolving each expected mention's text and occurrence to its exact span. Throws when an
 * expected mention's text does not occur that often, so a typo in a fixture cannot pass quietly.
 */
export function annotationOfExpected(
  expected: ExpectedArticle,
  body: string | null,
  options: { lenient?: boolean } & AnnotationOptions = {},
): Annotation {
  const mentions = new Set<string>();
  const located: { type: string; entity: string; text: string; start: number; end: number }[] = [];
  const unlocatedMetonyms: string[] = [];
  expected.mentions.forEach((m, i) => {
    const start = body === null ? -1 : nthWholeWord(body, m.text, m.occurrence ?? 1);
    const entity = m.type === "PERSON" ? foldText(m.entity) : m.entity;
    if (start < 0) {
      if (!options.lenient) throw new Error(`expected mention ${JSON.stringify(m.text)} #${m.occurrence ?? 1} does not occur in the body`);
      // The body the reader produced lacks the gold text: a key no prediction can match, so it counts as missed.
      mentions.add(`unlocated #${i} ${m.type} ${entity} ${JSON.stringify(m.text)}`);
      if (m.type === "COUNTRY" && CAPITALS.has(foldText(m.text)))
        unlocatedMetonyms.push(`unlocated #${i} ${entity} ${JSON.stringify(m.text)}`);
      return;
    }
    mentions.add(`${start}-${start + m.text.length} ${m.type} ${entity}`);
    located.push({ type: m.type, entity, text: m.text, start, end: start + m.text.length });
  });
  return {
    people: new Set(expected.people.map((p) => foldText(p.name))),
    roles: roleKeys(expected.people),
    countries: new Set(expected.countries),
    metonyms: new Set([...metonymKeys(located), ...unlocatedMetonyms]),
    mentions,
    tariffs: tariffFacts(expected.tariffs, options),
    agreements: agreementFacts(expected.agreements),
    commitments: commitmentKeys(expected.agreements),
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

// Private: the rate an article states for a tariff: its last observation from that article that
// gives a rate (announced and threatened rates included, as the text says them), with that
// statement's status and date; else the record's rate fields (a corpus without histories), in
// effect when a rate is set.
function statedRates(
  t: CorpusRecord["tariffs"][number],
  articleId: string,
): { ratePercent: number | null; previousRatePercent: number | null; status: string | null; effective: string | null } {
  const stated = (t.history ?? [])
    .filter((h) => h.evidence.articleId === articleId && h.ratePercent != null)
    .sort((a, b) => a.evidence.start - b.evidence.start);
  const last = stated.at(-1);
  if (last === undefined) {
    const rate = t.ratePercent ?? null;
    return {
      ratePercent: rate,
      previousRatePercent: t.previousRatePercent ?? null,
      status: rate === null ? null : "IN_EFFECT",
      effective: null,
    };
  }
  return {
    ratePercent: last.ratePercent ?? null,
    previousRatePercent: last.previousRatePercent ?? null,
    status: last.status,
    effective: last.effective ?? null,
  };
}

// Private: nationality and role facts of people.
function roleKeys(
  people: { name: string; nationality?: string | null; roles: { title: string; country?: string | null; current: boolean }[] }[],
): Set<string> {
  const keys = new Set<string>();
  for (const p of people) {
    const name = foldText(p.name);
    if (p.nationality != null) keys.add(`${name} nationality ${p.nationality}`);
    for (const r of p.roles) keys.add(`${name} role ${r.title}/${r.country ?? "-"}/${r.current ? "current" : "former"}`);
  }
  return keys;
}

// Private: country mentions whose text is a capital or seat ("Washington", "Beijing", "Brussels").
function metonymKeys(mentions: { type: string; entity: string; text: string; start: number; end: number }[]): Set<string> {
  return new Set(
    mentions.filter((m) => m.type === "COUNTRY" && CAPITALS.has(foldText(m.text))).map((m) => `${m.start}-${m.end} ${m.entity}`),
  );
}

// Private: tariff identities with their rates and agreement (by agreement key); with `statuses`,
// the status of the stated rate (when one is stated) and its date (when known: a gold entry
// without an \`effective\` field leaves the date unscored, see withoutUnscoredDates).
function tariffFacts(
  tariffs: {
    imposedBy: string;
    appliesTo: string;
    product: string;
    ratePercent?: number | null;
    previousRatePercent?: number | null;
    agreement: string | null;
    status?: string | null;
    effective?: string | null;
  }[],
  options: AnnotationOptions = {},
): Set<string> {
  const keys = new Set<string>();
  for (const t of tariffs) {
    const key = tariffKey(t);
    keys.add(key);
    keys.add(`${key} rate ${t.ratePercent ?? "-"} from ${t.previousRatePercent ?? "-"}`);
    keys.add(`${key} under ${t.agreement ?? "-"}`);
    if (options.statuses && t.ratePercent != null && t.status != null) keys.add(`${key} status ${t.status}`);
    if (options.statuses && t.ratePercent != null && t.effective !== undefined) keys.add(`${key} effective ${t.effective ?? "-"}`);
  }
  return keys;
}

/**
 * Given predicted and gold annotations, returns the predicted one without the effective dates of
 * tariffs whose gold records none (older gold files leave dates out; they are not scored there).
 */
export function withoutUnscoredDates(predicted: Annotation, gold: Annotation): Annotation {
  const dated = new Set([...gold.tariffs].filter((k) => / effective /.test(k)).map((k) => k.split(" effective ")[0]));
  const tariffs = new Set([...predicted.tariffs].filter((k) => !/ effective /.test(k) || dated.has(k.split(" effective ")[0])));
  return { ...predicted, tariffs };
}

// Private: agreement identities with the date they were concluded.
function agreementFacts(agreements: { kind: string; parties: string[]; concluded?: string | null }[]): Set<string> {
  const keys = new Set<string>();
  for (const a of agreements) {
    keys.add(agreementKey(a));
    keys.add(`${agreementKey(a)} concluded ${a.concluded ?? "-"}`);
  }
  return keys;
}

// Private: commitments of money: who pledged how much in which currency, under which agreement.
function commitmentKeys(
  agreements: { kind: string; parties: string[]; commitments: { party: string; amount: number | null; currency?: string | null }[] }[],
): Set<string> {
  const keys = new Set<string>();
  for (const a of agreements) {
    for (const c of a.commitments) if (c.amount != null) keys.add(`${agreementKey(a)} ${c.party} ${c.amount} ${c.currency ?? "-"}`);
  }
  return keys;
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
