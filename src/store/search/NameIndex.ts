// Entity look-up by name and alias for the search box: the query is compared with every name
// of every person, country, agreement and tariff, and each entity placed in a band by how
// well its best name matches: the very name, then every word exact, then words being typed
// or synonyms, then typos and partial matches. Within a band, fuller and better-known names win.
import type { EntityType } from "../../corpus/format.js";
import { printedPrefixLength, tokenize, type Token } from "../../text/analyze.js";
import type { HighlightRecord } from "../Store.js";
import { highlightsOf, type Span } from "./Highlights.js";
import { conceptKey, type PhraseDictionary, type QueryPlan } from "./QueryPlan.js";
import { MATCH_WEIGHTS, MatchKind, Vocabulary, type Alternative } from "./Vocabulary.js";

/** An entity as the name index sees it. */
export interface NamedEntity {
  type: EntityType;
  id: string;
  /** Its names, the main one first: the field each is in (`name`, `aliases[0]`…) and the text. */
  names: { field: string; text: string }[];
  /** Keys of other entities whose names may stand in for words of its names (a tariff's countries, an agreement's parties). */
  related: string[];
  /** How many articles mention it: among equal matches, the better-known entity comes first. */
  articleCount: number;
}

/**
 * How well an entity's best name matches a query, best first. The band is the integer part of
 * a hit's score; see {@link NameIndex.match}.
 */
export enum NameBand {
  /** Some words match only with a typo, or some words do not match at all. */
  PARTIAL = 1,
  /** Every word matches, some only as the start of a word or as a synonym. */
  PREFIX = 2,
  /** Every word is a word of the name (or names an entity the name contains). */
  WORDS = 3,
  /** The query is the name or alias, ignoring case, accents, punctuation and plurals. */
  EXACT = 4,
}

/** One entity a query matched: its key, score (band + fraction) and the highlights in its names. */
export interface EntityMatch {
  type: EntityType;
  id: string;
  band: NameBand;
  score: number;
  highlights: HighlightRecord[];
}

/** One name of one entity, analysed. */
interface NameEntry {
  entity: number;
  field: string;
  text: string;
  tokens: Token[];
  /** The tokens' terms joined by spaces, to test "the query is this name". */
  phrase: string;
  /** For each concept that may stand in for words of this name, the tokens it covers. */
  conceptTokens: Map<string, number[]>;
}

/** Names of entities, indexed for search. Built once per corpus. */
export class NameIndex {
  private readonly entities: readonly NamedEntity[];
  private readonly names: NameEntry[] = [];
  private readonly vocabulary = new Vocabulary();
  /** By term number: the names holding that term. */
  private readonly namesByTerm: number[][] = [];
  /** By concept key: the entities it stands for or appears in. */
  private readonly entitiesByConcept = new Map<string, number[]>();
  /** By entity: its names' indexes. */
  private readonly namesOf: number[][] = [];
  private readonly fameScale: number;

  /** Given the entities, analyses and indexes their names. */
  constructor(entities: readonly NamedEntity[]) {
    this.entities = entities;
    const phrasesOf = new Map<string, string[][]>();
    entities.forEach((e) => {
      const key = conceptKey(e.type, e.id);
      phrasesOf.set(
        key,
        e.names.map((n) => tokenize(n.text).map((t) => t.term)).filter((terms) => terms.length > 0),
      );
    });
    entities.forEach((entity, e) => {
      const own = conceptKey(entity.type, entity.id);
      for (const key of [own, ...entity.related]) push(this.entitiesByConcept, key, e);
      this.namesOf.push([]);
      for (const { field, text } of entity.names) {
        const tokens = tokenize(text);
        if (tokens.length === 0) continue;
        const terms = tokens.map((t) => t.term);
        const conceptTokens = new Map<string, number[]>([[own, tokens.map((_, j) => j)]]);
        for (const key of entity.related) {
          const covered = new Set<number>();
          for (const phrase of phrasesOf.get(key) ?? [])
            for (const j of occurrences(terms, phrase)) for (let k = 0; k < phrase.length; k++) covered.add(j + k);
          if (covered.size > 0) conceptTokens.set(key, [...covered]);
        }
        const no = this.names.length;
        this.names.push({ entity: e, field, text, tokens, phrase: terms.join(" "), conceptTokens });
        this.namesOf[e]!.push(no);
        for (const term of new Set(terms)) (this.namesByTerm[this.vocabulary.add(term)] ??= []).push(no);
      }
    });
    this.fameScale = Math.log1p(Math.max(0, ...entities.map((e) => e.articleCount))) || 1;
  }

  /** Records every name as a phrase standing for its entity, so queries can name entities. */
  addPhrasesTo(dictionary: PhraseDictionary): void {
    for (const name of this.names) {
      const entity = this.entities[name.entity]!;
      dictionary.add(name.phrase.split(" "), conceptKey(entity.type, entity.id));
    }
  }

  /**
   * Given a query plan, the entity types wanted and a limit, returns the best-matching entities,
   * best first. Each entity's score is its best name's band (1–4, see {@link NameBand}) plus a
   * fraction below 1: 0.6 × the share of the name's words the query matched + 0.4 × how well
   * known the entity is (log of its article count, relative to the best known); in the partial
   * band that fraction is further multiplied by the share of the query matched (typos at half weight).
   */
  match(plan: QueryPlan, types: ReadonlySet<EntityType>, limit: number): EntityMatch[] {
    const n = plan.terms.length;
    if (n === 0 || limit <= 0) return [];
    const kinds = new Map<number, Uint8Array>();
    const mark = (name: number, i: number, kind: MatchKind) => {
      if (!types.has(this.entities[this.names[name]!.entity]!.type)) return;
      let k = kinds.get(name);
      if (!k) kinds.set(name, (k = new Uint8Array(n)));
      if (kind > k[i]!) k[i] = kind;
    };
    const alternatives = plan.terms.map((term) => this.vocabulary.expand(term));
    alternatives.forEach((alts, i) => {
      for (const alt of alts) for (const name of this.namesByTerm[alt.termNo] ?? []) mark(name, i, alt.kind);
    });
    const concepts = new Set<string>();
    for (const group of plan.groups) {
      for (const key of group.concepts) {
        concepts.add(key);
        for (const e of this.entitiesByConcept.get(key) ?? []) {
          // Every name counts: "Australia treaty" finds the Treaty of Canberra through its parties.
          for (const name of this.namesOf[e]!) for (const i of group.terms) mark(name, i, MatchKind.EXACT);
        }
      }
    }

    const byTerm = new Map<string, Alternative>();
    for (const alts of alternatives)
      for (const alt of alts) if (!byTerm.has(alt.term) || byTerm.get(alt.term)!.kind < alt.kind) byTerm.set(alt.term, alt);
    const queryPhrase = plan.terms.map((t) => t.term).join(" ");
    const best = new Map<number, { score: number; band: NameBand; name: number }>();
    for (const [no, k] of kinds) {
      const name = this.names[no]!;
      const entity = this.entities[name.entity]!;
      let least = MatchKind.EXACT;
      let coverage = 0;
      for (const kind of k) {
        least = Math.min(least, kind);
        coverage += MATCH_WEIGHTS[kind as MatchKind] / n;
      }
      const band =
        name.phrase === queryPhrase
          ? NameBand.EXACT
          : least === MatchKind.EXACT
            ? NameBand.WORDS
            : least >= MatchKind.PREFIX
              ? NameBand.PREFIX
              : NameBand.PARTIAL;
      const fit = this.matchedSpans(name, byTerm, concepts, false).length / name.tokens.length;
      const fame = Math.log1p(entity.articleCount) / this.fameScale;
      const within = (band === NameBand.PARTIAL ? coverage : 1) * (0.6 * fit + 0.4 * fame);
      const score = band + 0.99 * within;
      const current = best.get(name.entity);
      if (!current || score > current.score) best.set(name.entity, { score, band, name: no });
    }

    return [...best.entries()]
      .sort(
        ([e1, x], [e2, y]) =>
          y.score - x.score ||
          this.entities[e2]!.articleCount - this.entities[e1]!.articleCount ||
          (this.entities[e1]!.id < this.entities[e2]!.id ? -1 : 1),
      )
      .slice(0, limit)
      .map(([e, hit]) => {
        const entity = this.entities[e]!;
        const name = this.names[hit.name]!;
        const highlights = highlightsOf(name.field, name.text, this.matchedSpans(name, byTerm, concepts, true));
        // A hit on an alias also shows where the main name matched, if it did.
        const main = this.names[this.namesOf[e]![0]!]!;
        if (main !== name) {
          const mainSpans = this.matchedSpans(main, byTerm, concepts, true);
          if (mainSpans.length > 0) highlights.unshift(...highlightsOf(main.field, main.text, mainSpans));
        }
        return { type: entity.type, id: entity.id, band: hit.band, score: hit.score, highlights };
      });
  }

  // Private: the spans of the name's tokens the query matched (by a word's alternative or a named
  // entity), one per token; a prefix match spans only the typed part when `exact` is asked for.
  private matchedSpans(name: NameEntry, byTerm: Map<string, Alternative>, concepts: ReadonlySet<string>, exact: boolean): Span[] {
    let byConcept: Set<number> | null = null;
    for (const key of concepts) {
      const tokens = name.conceptTokens.get(key);
      if (tokens) for (const j of tokens) (byConcept ??= new Set()).add(j);
    }
    const spans: Span[] = [];
    name.tokens.forEach((token, j) => {
      if (byConcept?.has(j)) {
        spans.push({ start: token.start, end: token.end });
        return;
      }
      const alt = byTerm.get(token.term);
      if (!alt) return;
      const end =
        exact && alt.kind === MatchKind.PREFIX
          ? token.start + printedPrefixLength(name.text.slice(token.start, token.end), alt.from)
          : token.end;
      spans.push({ start: token.start, end });
    });
    return spans;
  }
}

// Private: the start positions where `phrase` occurs in `terms`.
function occurrences(terms: readonly string[], phrase: readonly string[]): number[] {
  const found: number[] = [];
  for (let j = 0; j + phrase.length <= terms.length; j++) if (phrase.every((t, k) => terms[j + k] === t)) found.push(j);
  return found;
}

// Private: appends to a multimap.
function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
