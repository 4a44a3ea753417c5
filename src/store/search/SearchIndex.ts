// The search behind `search(query:)` and `articles(filter: { text })`: the entity name index and
// the article full-text index of one corpus, built once when the store loads it (a reload builds
// a new store, so a new index), and the one ranking that merges their hits.
import type { ArticleRecord, CorpusRecord } from "../../corpus/format.js";
import type { SearchHitRecord, SearchRequest } from "../Store.js";
import { ArticleIndex } from "./ArticleIndex.js";
import { buildEntityNames } from "./EntityNames.js";
import type { NameIndex } from "./NameIndex.js";
import { conceptKey, type PhraseDictionary, planQuery } from "./QueryPlan.js";
import { articleHit, mergeHits, wantedTargets } from "./SearchHits.js";

/** Both search indexes of one corpus. */
export class SearchIndex {
  private constructor(
    private readonly names: NameIndex,
    private readonly phrases: PhraseDictionary,
    private readonly articles: ArticleIndex,
    private readonly articleById: ReadonlyMap<string, ArticleRecord>,
  ) {}

  /**
   * Given a validated corpus and its article ids newest first, builds both indexes, pausing
   * between slices of the articles so a server keeps answering other requests meanwhile.
   */
  static async build(corpus: CorpusRecord, newestFirst: readonly string[]): Promise<SearchIndex> {
    const counts = new Map<string, number>();
    for (const article of corpus.articles) {
      for (const key of new Set(article.mentions.map((m) => conceptKey(m.entityType, m.entityId))))
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const { names, phrases } = buildEntityNames(corpus, (key) => counts.get(key) ?? 0);
    const articles = await ArticleIndex.build(corpus.articles, newestFirst, () => new Promise((resolve) => setImmediate(resolve)));
    return new SearchIndex(names, phrases, articles, new Map(corpus.articles.map((a) => [a.id, a])));
  }

  /**
   * Given a query, the kinds of result wanted (all when null or empty) and how many, returns the
   * best hits, best first. Entities score their name band plus a fraction (see NameIndex.match):
   * 4 the exact name, 3 every word, 2 prefixes and synonyms, 1 typos and partial matches.
   * Articles score 1 + 0.99 × their BM25 relevance in [0, 1), so an entity whose name holds
   * every word of the query comes before any article, and articles compete with partial matches.
   */
  search(request: SearchRequest): SearchHitRecord[] {
    const plan = planQuery(request.query, this.phrases);
    const wanted = wantedTargets(request.types);
    const entityHits: SearchHitRecord[] = this.names.match(plan, wanted.entityTypes, request.first);
    const query = wanted.articles ? this.articles.resolve(plan, true) : null;
    const articleHits = query ? this.articles.search(query, request.first).map((a) => articleHit(a.id, a.relevance)) : [];
    const hits = mergeHits(entityHits, articleHits, request.first);
    // Highlighting re-reads an article's text: only for the articles that made the cut.
    for (const hit of hits) if (hit.type === "ARTICLE") hit.highlights = this.articles.highlights(this.articleById.get(hit.id)!, query!);
    return hits;
  }

  /**
   * Given the text of an article filter, returns a test for article ids (see ArticleIndex.matcher),
   * or null when the text has no words and so constrains nothing.
   */
  articleMatcher(text: string): ((id: string) => boolean) | null {
    return this.articles.matcher(this.articles.resolve(planQuery(text, this.phrases), false));
  }
}
