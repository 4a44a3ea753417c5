// Full-text index of the articles: BM25F over headline (boosted) and body, plus the entities
// each article mentions, so a query that names an entity finds the articles mentioning it
// however they spell it. All postings live in a few flat typed arrays (term → range of
// article numbers and precomputed scores), and a query reads at most the best-scoring
// CHAMPIONS postings of each term, so its cost stays flat however large the corpus grows.
//
// Why not MiniSearch's own index: on a generated corpus of 10,000 articles it took 21 s to
// build and 200 ms to answer "tariffs on automobiles" (a Map per posting, every posting read);
// this index keeps MiniSearch's radix tree for prefix and typo look-ups (Vocabulary.ts) only.
import type { ArticleRecord } from "../../corpus/format.js";
import { termOf, visitWords } from "../../text/analyze.js";
import type { HighlightRecord } from "../Store.js";
import { articleHighlights } from "./Highlights.js";
import { conceptKey, type QueryPlan } from "./QueryPlan.js";
import { MatchKind, Vocabulary, type Alternative } from "./Vocabulary.js";

/** BM25 saturation: how fast repeated occurrences stop adding to the score. */
const K1 = 1.2;
/** Length normalisation of the body (standard BM25) and of the headline (headlines are all short). */
const B_BODY = 0.75;
const B_HEADLINE = 0.5;
/** A term in the headline counts as much as three in the body. */
const HEADLINE_WEIGHT = 3;
/**
 * A search reads at most this many postings per term, the best-scoring ones ("champion lists"):
 * an article outside a common term's best thousand gets no score for that term, and for a term
 * in fewer articles nothing changes. Filters (`articles(filter: { text })`) read every posting.
 */
export const CHAMPIONS = 1000;
/** Spellings whose term the build remembers; past this (a huge, varied corpus) it asks the analyzer again. */
const MAX_SPELLINGS = 1_000_000;
/** Articles tokenised between two pauses of the build, so requests keep flowing meanwhile. */
const BUILD_SLICE = 500;

/** One article a search found, with its BM25F score and that score squashed into [0, 1). */
export interface ArticleMatch {
  id: string;
  bm25: number;
  /**
   * `bm25 / (bm25 + half)`, `half` being half the score's upper bound for this query (every word
   * matched exactly, infinitely often): a typo-only or partial match stays low however few
   * articles compete.
   */
  relevance: number;
}

/** A posting list: article numbers (ascending) and each one's score for the term. */
interface Postings {
  docs: Int32Array;
  impacts: Float32Array;
  /** The best CHAMPIONS postings, best first; the list itself when it is no longer. */
  champions: { docs: Int32Array; impacts: Float32Array };
  /** The term's inverse document frequency: its score approaches (K1 + 1) × idf, never reaches it. */
  idf: number;
}

/** A query plan resolved against one index: each word's alternatives, each phrase's entity postings. */
export interface ArticleQuery {
  groups: { terms: Alternative[][]; concepts: Postings[]; conceptKeys: string[] }[];
  /** The upper bound of the query's score, for {@link ArticleMatch.relevance}. */
  ideal: number;
}

/** A BM25F index over one corpus's articles, built once and never changed. */
export class ArticleIndex {
  private readonly ids: string[];
  private readonly position: Map<string, number>;
  /** Rank of each article in the newest-first order: ties in score go to the newer article. */
  private readonly recency: Int32Array;
  private readonly vocabulary: Vocabulary;
  private readonly postings: Postings[];
  private readonly conceptPostings: Map<string, Postings>;
  // Scratch, one slot per article, reused by every query (queries run one at a time).
  private readonly totals: Float64Array;
  private readonly groupScores: Float64Array;
  private readonly termScores: Float64Array;
  private readonly conceptScores: Float64Array;
  private readonly hits: Uint16Array;

  private constructor(parts: {
    ids: string[];
    recency: Int32Array;
    vocabulary: Vocabulary;
    postings: Postings[];
    conceptPostings: Map<string, Postings>;
  }) {
    this.ids = parts.ids;
    this.position = new Map(parts.ids.map((id, i) => [id, i]));
    this.recency = parts.recency;
    this.vocabulary = parts.vocabulary;
    this.postings = parts.postings;
    this.conceptPostings = parts.conceptPostings;
    const n = parts.ids.length;
    this.totals = new Float64Array(n);
    this.groupScores = new Float64Array(n);
    this.termScores = new Float64Array(n);
    this.conceptScores = new Float64Array(n);
    this.hits = new Uint16Array(n);
  }

  /**
   * Given the articles, their ids newest first and a pause (awaited between slices of work so a
   * server keeps answering), tokenises every headline and body and builds the postings.
   */
  static async build(
    articles: readonly ArticleRecord[],
    newestFirst: readonly string[],
    pause: () => Promise<void>,
  ): Promise<ArticleIndex> {
    const n = articles.length;
    const ids = articles.map((a) => a.id);
    const position = new Map(ids.map((id, i) => [id, i]));
    const recency = new Int32Array(n);
    newestFirst.forEach((id, rank) => (recency[position.get(id)!] = rank));
    const vocabulary = new Vocabulary();

    // Pass 1, a forward index: each article's distinct terms with their frequencies, headline
    // and body in one number (h × 2^16 + b), in flat growable arrays.
    const forward = new GrowableIndex();
    const docStart = new Int32Array(n + 1);
    const headLength = new Float64Array(n);
    const bodyLength = new Float64Array(n);
    let stamp = new Int32Array(1024).fill(-1);
    let freq = new Int32Array(1024);
    const seen: number[] = [];
    // Spelling as printed → term number (-1: a stop word): one hash look-up per word of the corpus.
    const numberOf = new Map<string, number>();
    const conceptDocs = new Map<string, { docs: number[]; freqs: number[] }>();
    let doc = 0;
    let words = 0;
    let weight = 0;
    const count = (word: string) => {
      let no = numberOf.get(word);
      if (no === undefined) {
        const term = termOf(word);
        no = term === null ? -1 : vocabulary.add(term);
        if (numberOf.size < MAX_SPELLINGS) numberOf.set(word, no);
      }
      if (no < 0) return;
      words++;
      if (no >= stamp.length) {
        stamp = grow(stamp, no, -1);
        freq = grow(freq, no, 0);
      }
      if (stamp[no] !== doc) {
        stamp[no] = doc;
        freq[no] = 0;
        seen.push(no);
      }
      freq[no]! += weight;
    };
    for (let d = 0; d < n; d++) {
      if (d % BUILD_SLICE === 0 && d > 0) await pause();
      const article = articles[d]!;
      seen.length = 0;
      doc = d;
      words = 0;
      weight = 0x10000;
      if (article.headline) visitWords(article.headline, count);
      headLength[d] = words;
      words = 0;
      weight = 1;
      visitWords(article.body, count);
      bodyLength[d] = words;
      for (const no of seen) forward.push(no, freq[no]!);
      docStart[d + 1] = forward.length;

      const mentions = new Map<string, number>();
      for (const m of article.mentions) {
        const key = conceptKey(m.entityType, m.entityId);
        mentions.set(key, (mentions.get(key) ?? 0) + 1);
      }
      for (const [key, times] of mentions) {
        let list = conceptDocs.get(key);
        if (!list) conceptDocs.set(key, (list = { docs: [], freqs: [] }));
        list.docs.push(d);
        list.freqs.push(times);
      }
    }

    // Pass 2: invert into one array of article numbers and one of scores, each term's postings
    // contiguous (a counting sort by term, which keeps articles ascending within a term).
    const terms = vocabulary.size;
    const termStart = new Int32Array(terms + 1);
    for (let p = 0; p < forward.length; p++) termStart[forward.terms[p]! + 1]!++;
    for (let t = 0; t < terms; t++) termStart[t + 1]! += termStart[t]!;
    const avgHead = Math.max(mean(headLength), 1);
    const avgBody = Math.max(mean(bodyLength), 1);
    const idf = Float64Array.from({ length: terms }, (_, t) => inverseDocumentFrequency(n, termStart[t + 1]! - termStart[t]!));
    const allDocs = new Int32Array(forward.length);
    const allImpacts = new Float32Array(forward.length);
    const cursor = termStart.slice(0, terms);
    for (let d = 0; d < n; d++) {
      if (d % (BUILD_SLICE * 20) === 0 && d > 0) await pause();
      const headNorm = 1 - B_HEADLINE + (B_HEADLINE * headLength[d]!) / avgHead;
      const bodyNorm = 1 - B_BODY + (B_BODY * bodyLength[d]!) / avgBody;
      for (let p = docStart[d]!; p < docStart[d + 1]!; p++) {
        const t = forward.terms[p]!;
        const packed = forward.freqs[p]!;
        const tf = (HEADLINE_WEIGHT * (packed >>> 16)) / headNorm + (packed & 0xffff) / bodyNorm;
        const slot = cursor[t]!++;
        allDocs[slot] = d;
        allImpacts[slot] = saturate(idf[t]!, tf);
      }
    }
    const postings: Postings[] = [];
    for (let t = 0; t < terms; t++) {
      const docs = allDocs.subarray(termStart[t]!, termStart[t + 1]!);
      const impacts = allImpacts.subarray(termStart[t]!, termStart[t + 1]!);
      postings.push({ docs, impacts, champions: championsOf(docs, impacts, recency), idf: idf[t]! });
    }

    // An entity mention counts like a body occurrence of a word naming it.
    const conceptPostings = new Map<string, Postings>();
    for (const [key, list] of conceptDocs) {
      const conceptIdf = inverseDocumentFrequency(n, list.docs.length);
      const docs = Int32Array.from(list.docs);
      const impacts = Float32Array.from(list.docs, (d, p) =>
        saturate(conceptIdf, list.freqs[p]! / (1 - B_BODY + (B_BODY * bodyLength[d]!) / avgBody)),
      );
      conceptPostings.set(key, { docs, impacts, champions: championsOf(docs, impacts, recency), idf: conceptIdf });
    }
    return new ArticleIndex({ ids, recency, vocabulary, postings, conceptPostings });
  }

  /**
   * Given a query plan, returns it resolved against this index: each word's alternatives (with
   * prefixes, and typos of words no article holds, when `loose`) and each phrase's entity
   * postings. Resolve once per query.
   */
  resolve(plan: QueryPlan, loose: boolean): ArticleQuery {
    let ideal = 0;
    const groups = plan.groups.map((group) => {
      // Typos are looked for only for words no article holds: a real word is taken as meant,
      // or "wine" would also rank articles about "nine" and "fine".
      const terms = group.terms.map((i) => {
        const term = plan.terms[i]!;
        return this.vocabulary.expand(term, { prefix: loose, fuzzy: loose && this.vocabulary.numberOf(term.term) === undefined });
      });
      const conceptKeys = group.concepts.filter((key) => this.conceptPostings.has(key));
      const concepts = conceptKeys.map((key) => this.conceptPostings.get(key)!);
      // The bound of a group's score: each word matched exactly (or its rarest alternative) at
      // full saturation, or the entity mentioned without end.
      const textBest = terms.reduce((sum, alts) => {
        const exact = alts.find((a) => a.kind === MatchKind.EXACT);
        return sum + (K1 + 1) * (exact ? this.postings[exact.termNo]!.idf : Math.max(0, ...alts.map((a) => this.postings[a.termNo]!.idf)));
      }, 0);
      const conceptBest = (K1 + 1) * Math.max(0, ...concepts.map((c) => c.idf));
      ideal += Math.max(textBest, conceptBest);
      return { terms, concepts, conceptKeys };
    });
    return { groups, ideal };
  }

  /**
   * Given a resolved query and a limit, returns the best-scoring articles, best first (ties:
   * newer first). A group of the query scores the larger of its words' summed scores and its
   * named entities' mention score; each word scores its best alternative (exact, synonym, prefix,
   * typo, each at its weight). Reads each alternative's champion postings only.
   */
  search(query: ArticleQuery, limit: number): ArticleMatch[] {
    const { totals, groupScores, termScores, conceptScores } = this;
    const touched: number[] = [];
    for (const group of query.groups) {
      const groupTouched: number[] = [];
      for (const alternatives of group.terms) {
        const termTouched: number[] = [];
        for (const alt of alternatives) {
          const { docs, impacts } = this.postings[alt.termNo]!.champions;
          for (let p = 0; p < docs.length; p++) {
            const d = docs[p]!;
            const score = alt.weight * impacts[p]!;
            if (termScores[d] === 0) termTouched.push(d);
            if (score > termScores[d]!) termScores[d] = score;
          }
        }
        for (const d of termTouched) {
          if (groupScores[d] === 0) groupTouched.push(d);
          groupScores[d]! += termScores[d]!;
          termScores[d] = 0;
        }
      }
      for (const concept of group.concepts) {
        const { docs, impacts } = concept.champions;
        for (let p = 0; p < docs.length; p++) {
          const d = docs[p]!;
          if (groupScores[d] === 0 && conceptScores[d] === 0) groupTouched.push(d);
          if (impacts[p]! > conceptScores[d]!) conceptScores[d] = impacts[p]!;
        }
      }
      for (const d of groupTouched) {
        if (totals[d] === 0) touched.push(d);
        totals[d]! += Math.max(groupScores[d]!, conceptScores[d]!);
        groupScores[d] = 0;
        conceptScores[d] = 0;
      }
    }
    const best = topByScore(touched, totals, this.recency, limit);
    for (const d of touched) totals[d] = 0;
    const half = query.ideal / 2 || 1;
    return best.map(({ doc, score }) => ({ id: this.ids[doc]!, bm25: score, relevance: score / (score + half) }));
  }

  /**
   * Given a query resolved without prefixes or typos, returns a test for article ids: true when
   * the article satisfies every group of the query. A group that names entities ("US", "United
   * States", "Takaichi") is satisfied by a mention of one of them, however the article spells it
   * (and only so: "United" in one sentence and "States" in another is not the country); any
   * other word by the word itself or a synonym. Null when the query has no words, which
   * constrains nothing. Reads every posting: a filter must not miss an article.
   */
  matcher(query: ArticleQuery): ((id: string) => boolean) | null {
    if (query.groups.length === 0) return null;
    const { hits } = this;
    let satisfied: Set<number> | null = null;
    for (const group of query.groups) {
      const inGroup = new Set<number>();
      if (group.conceptKeys.length > 0) {
        for (const { docs } of group.concepts) for (const d of docs) inGroup.add(d);
      } else {
        // Articles holding every word of the group: word k counts only where words 0..k-1 did.
        const counted: number[] = [];
        group.terms.forEach((alternatives, k) => {
          for (const alt of alternatives) {
            for (const d of this.postings[alt.termNo]!.docs) {
              if (hits[d] !== k) continue;
              hits[d] = k + 1;
              if (k === 0) counted.push(d);
            }
          }
        });
        for (const d of counted) {
          if (hits[d] === group.terms.length) inGroup.add(d);
          hits[d] = 0;
        }
      }
      if (satisfied === null) satisfied = inGroup;
      else for (const d of satisfied) if (!inGroup.has(d)) satisfied.delete(d);
      if (satisfied.size === 0) break;
    }
    const mask = new Uint8Array(this.ids.length);
    for (const d of satisfied!) mask[d] = 1;
    return (id) => {
      const d = this.position.get(id);
      return d !== undefined && mask[d] === 1;
    };
  }

  /**
   * Given an article a search returned and the resolved query, returns its highlights: the
   * words of its headline and body the query matched (a prefix match shows only the typed
   * part) and its mentions of the entities the query named.
   */
  highlights(article: ArticleRecord, query: ArticleQuery): HighlightRecord[] {
    return articleHighlights(
      article,
      query.groups.flatMap((g) => g.terms.flat()),
      new Set(query.groups.flatMap((g) => g.conceptKeys)),
    );
  }
}

/** Private: pass 1's forward index, (term, frequencies) pairs in arrays that double when full. */
class GrowableIndex {
  terms = new Int32Array(1 << 16);
  freqs = new Uint32Array(1 << 16);
  length = 0;

  push(term: number, freqs: number): void {
    if (this.length === this.terms.length) {
      this.terms = grow(this.terms, this.length, 0);
      this.freqs = grow(this.freqs, this.length, 0);
    }
    this.terms[this.length] = term;
    this.freqs[this.length++] = freqs;
  }
}

// Private: a typed array at least twice as long, holding the old values, the rest filled.
function grow<A extends Int32Array | Uint32Array>(array: A, atLeast: number, fill: number): A {
  const bigger = new (array.constructor as new (n: number) => A)(Math.max(array.length * 2, atLeast + 1));
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}

// Private: a posting list's best CHAMPIONS postings, best first (ties: newer first). A histogram
// of the scores finds the threshold in one pass; only the postings at or above it are sorted.
function championsOf(docs: Int32Array, impacts: Float32Array, recency: Int32Array): Postings["champions"] {
  if (docs.length <= CHAMPIONS) return { docs, impacts };
  let max = 0;
  for (const v of impacts) if (v > max) max = v;
  const buckets = 1024;
  const bucketOf = (v: number) => Math.min(buckets - 1, Math.floor((v / (max || 1)) * buckets));
  const histogram = new Int32Array(buckets);
  for (const v of impacts) histogram[bucketOf(v)]!++;
  let threshold = buckets - 1;
  for (let need = CHAMPIONS; threshold > 0 && histogram[threshold]! < need; threshold--) need -= histogram[threshold]!;
  const candidates: number[] = [];
  for (let p = 0; p < impacts.length; p++) if (bucketOf(impacts[p]!) >= threshold) candidates.push(p);
  candidates.sort((x, y) => impacts[y]! - impacts[x]! || recency[docs[x]!]! - recency[docs[y]!]!);
  const best = candidates.slice(0, CHAMPIONS);
  return { docs: Int32Array.from(best, (p) => docs[p]!), impacts: Float32Array.from(best, (p) => impacts[p]!) };
}

// Private: BM25's inverse document frequency (the Lucene form, never negative).
function inverseDocumentFrequency(documents: number, holding: number): number {
  return Math.log(1 + (documents - holding + 0.5) / (holding + 0.5));
}

// Private: BM25's saturated score of a (length-normalised) term frequency.
function saturate(idf: number, tf: number): number {
  return (idf * tf * (K1 + 1)) / (K1 + tf);
}

// Private: the mean of a list of numbers; 0 for none.
function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}

// Private: the `limit` documents with the highest scores, best first, ties to the lower recency
// rank, by a bounded min-heap so choosing costs O(candidates × log limit).
function topByScore(
  candidates: readonly number[],
  scores: Float64Array,
  recency: Int32Array,
  limit: number,
): { doc: number; score: number }[] {
  const heap: number[] = [];
  // x ranks below y: lower score, or equal score and older.
  const below = (x: number, y: number) => scores[x]! < scores[y]! || (scores[x] === scores[y] && recency[x]! > recency[y]!);
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (const d of candidates) {
    if (heap.length < limit) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!below(heap[i]!, heap[parent]!)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (limit > 0 && below(heap[0]!, d)) {
      heap[0] = d;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && below(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && below(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort((x, y) => (below(x, y) ? 1 : below(y, x) ? -1 : 0)).map((doc) => ({ doc, score: scores[doc]! }));
}
