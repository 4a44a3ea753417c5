// The PostgreSQL store: the Store contract as SQL, one statement per batch (`= ANY($1)` over
// the batch's keys), keyset pages on the same order and with the same cursors as the memory
// store, and reads spread over the read replicas. Written by `npm run db:import`.
import type {
  AgreementRecord,
  ArticleRecord,
  CountryRecord,
  EntityType,
  EvidenceRecord,
  MentionRecord,
  PersonRecord,
  TariffRecord,
  UnresolvedReferenceRecord,
} from "../../corpus/format.js";
import { foldText } from "../../text/fold.js";
import { observeAgreementStatusChange, type ObservedAgreementStatusChange } from "../../corpus/agreementHistory.js";
import { orderObservations } from "../../corpus/observations.js";
import { observeTariffChange, type ObservedTariffChange } from "../../corpus/tariffHistory.js";
import { decodeCursor } from "../cursor.js";
import { articleEntities, entityConstraints } from "../articleEntities.js";
import { ENTITY_KINDS, KINDS, type EntityKind, type EntityRecordOf, type KindSpec } from "../../corpus/kinds.js";
import type {
  ArticleEntities,
  ArticleFilterInput,
  EntityArticlesKey,
  NameListFilter,
  Page,
  PageRequest,
  RelatedKey,
  RelatedRecord,
  SearchHitRecord,
  SearchRequest,
  Store,
  TariffFilterInput,
  TimelineKey,
  TimelinePointRecord,
} from "../Store.js";
import { buildEntityNames, type EntityNames, type EntityRecords } from "../search/EntityNames.js";
import { articleHighlights } from "../search/Highlights.js";
import { planQuery } from "../search/QueryPlan.js";
import { articleHit, mergeHits, wantedTargets } from "../search/SearchHits.js";
import { ArticleSearch, filterQuery } from "./ArticleSearch.js";
import { DatabasePools, isUnreachable, type DatabaseUrls } from "./DatabasePools.js";
import { articleCursor, articleSeekKey, nameCursor, START, UNDATED } from "./keyset.js";
import { assertSchemaCurrent } from "./migrate.js";
import { timelinePoints } from "../MentionTimeline.js";

/** Milliseconds in a UTC day: timelines count by day of publication. */
const DAY_MS = 86_400_000;

/** SQL for an article's epoch milliseconds (null when undated) from its newest_first key. */
const PUBLISHED_MS = (column: string) => `CASE WHEN ${column} = ${UNDATED} THEN NULL ELSE (-${column})::float8 END`;

/** One row of a keyset page as the SQL below returns it: [id, sort value]. */
type PageRow = [id: string, sortValue: number | string | null];

/** A {@link Store} over a PostgreSQL database that `npm run db:import` filled. */
export class PostgresStore implements Store {
  /**
   * `pg:` and the id of the latest completed import when the store was opened; an import that
   * finishes later is served (the data is live) but does not change this value.
   */
  readonly version: string;
  private readonly db: DatabasePools;
  private readonly articleSearch: ArticleSearch;
  /**
   * The entities' names for search, read from the database on first use; a reopened store (a
   * new version) reads them afresh. Entities are few, so the name index lives in the process.
   */
  private names: Promise<SearchNames> | undefined;

  private constructor(db: DatabasePools, version: string) {
    this.db = db;
    this.version = version;
    this.articleSearch = new ArticleSearch(db);
  }

  /**
   * Connects to the primary and replicas, checks that the schema is the one this code reads
   * (throws SchemaVersionError naming the fix otherwise), and returns the store.
   */
  static async open(urls: DatabaseUrls): Promise<PostgresStore> {
    const db = new DatabasePools(urls);
    try {
      await assertSchemaCurrent(db.primary);
      // A replica that is down now must not stop the service: reads fail over until it is back.
      for (const pool of db.readers) if (pool !== db.primary) await assertSchemaCurrent(pool).catch(unlessUnreachable);
      return new PostgresStore(db, await latestVersion(db));
    } catch (error) {
      await db.end();
      throw error;
    }
  }

  /** Resolves whether the database answers now (cached for a second): `/ready` reports 503 while it does not. */
  reachable(): Promise<boolean> {
    return this.db.reachable();
  }

  /**
   * Returns a store over the same connections whose version names the latest completed import
   * (SIGHUP after `npm run db:import`, so caches keyed by version start afresh).
   */
  async reopen(): Promise<PostgresStore> {
    return new PostgresStore(this.db, await latestVersion(this.db));
  }

  /** Closes every connection; call once the server has drained. */
  close(): Promise<void> {
    return this.db.end();
  }

  async articlesById(ids: readonly string[]): Promise<(ArticleRecord | null)[]> {
    const { rows } = await this.db.read<ArticleRow>(
      `SELECT id, headline, lead, body, dateline, published_at, source, copyright, mentions, unresolved
         FROM articles WHERE id = ANY($1::text[])`,
      [ids],
    );
    return inKeyOrder(ids, rows, (r) => r.id, toArticle);
  }

  async recordsByKey<K extends EntityKind>(kind: K, keys: readonly string[]): Promise<(EntityRecordOf[K] | null)[]> {
    const { table, idField } = KINDS[kind];
    const { rows } = await this.db.read<{ key: string; record: EntityRecordOf[K] }>(
      `SELECT ${idField} AS key, record FROM ${table} WHERE ${idField} = ANY($1::text[])`,
      [keys],
    );
    return inKeyOrder(
      keys,
      rows,
      (r) => r.key,
      (r) => r.record,
    );
  }

  async peopleById(ids: readonly string[]): Promise<(PersonRecord | null)[]> {
    return this.recordsByKey("PERSON", ids);
  }

  async countriesByCode(codes: readonly string[]): Promise<(CountryRecord | null)[]> {
    return this.recordsByKey("COUNTRY", codes);
  }

  async agreementsById(ids: readonly string[]): Promise<(AgreementRecord | null)[]> {
    return this.recordsByKey("AGREEMENT", ids);
  }

  async tariffsById(ids: readonly string[]): Promise<(TariffRecord | null)[]> {
    return this.recordsByKey("TARIFF", ids);
  }

  async entitiesOfArticles(articleIds: readonly string[]): Promise<(ArticleEntities | null)[]> {
    const { rows } = await this.db.read<{ id: string; mentions: MentionRecord[] }>(
      "SELECT id, mentions FROM articles WHERE id = ANY($1::text[])",
      [articleIds],
    );
    return inKeyOrder(
      articleIds,
      rows,
      (r) => r.id,
      (r) => articleEntities(r.mentions),
    );
  }

  async leadersOfCountries(codes: readonly string[]): Promise<string[][]> {
    return this.grouped(
      "SELECT country_code AS key, person_id AS id FROM country_leaders WHERE country_code = ANY($1::text[]) ORDER BY person_ord, person_id",
      codes,
    );
  }

  async agreementsOfCountries(codes: readonly string[]): Promise<string[][]> {
    return this.grouped(
      "SELECT country_code AS key, agreement_id AS id FROM agreement_parties WHERE country_code = ANY($1::text[]) ORDER BY agreement_ord, agreement_id",
      codes,
    );
  }

  async tariffsImposedBy(codes: readonly string[]): Promise<string[][]> {
    return this.grouped("SELECT imposed_by AS key, id FROM tariffs WHERE imposed_by = ANY($1::text[]) ORDER BY ord, id", codes);
  }

  async tariffsFacedBy(codes: readonly string[]): Promise<string[][]> {
    return this.grouped("SELECT applies_to AS key, id FROM tariffs WHERE applies_to = ANY($1::text[]) ORDER BY ord, id", codes);
  }

  async tariffsOfAgreements(agreementIds: readonly string[]): Promise<string[][]> {
    return this.grouped("SELECT agreement_id AS key, id FROM tariffs WHERE agreement_id = ANY($1::text[]) ORDER BY ord, id", agreementIds);
  }

  async tariffHistories(tariffIds: readonly string[]): Promise<ObservedTariffChange[][]> {
    const { rows } = await this.db.read<HistoryRow & { rate_percent: number | null; previous_rate_percent: number | null }>(
      `SELECT c.tariff_id AS key, c.status, c.rate_percent, c.previous_rate_percent, c.effective,
              c.article_id, c.quote, c.start_offset, c.end_offset, a.published_at
         FROM tariff_changes c LEFT JOIN articles a ON a.id = c.article_id
        WHERE c.tariff_id = ANY($1::text[]) ORDER BY c.tariff_id, c.ord`,
      [tariffIds],
    );
    // Rows come in record order; the history order is the one function both stores share.
    return historiesOf(tariffIds, rows, (r) =>
      observeTariffChange(
        {
          status: r.status as ObservedTariffChange["status"],
          ratePercent: r.rate_percent,
          previousRatePercent: r.previous_rate_percent,
          effective: r.effective,
          evidence: evidenceOf(r),
        },
        r.published_at,
      ),
    );
  }

  async agreementHistories(agreementIds: readonly string[]): Promise<ObservedAgreementStatusChange[][]> {
    const { rows } = await this.db.read<HistoryRow>(
      `SELECT c.agreement_id AS key, c.status, c.effective, c.article_id, c.quote, c.start_offset, c.end_offset, a.published_at
         FROM agreement_status_changes c LEFT JOIN articles a ON a.id = c.article_id
        WHERE c.agreement_id = ANY($1::text[]) ORDER BY c.agreement_id, c.ord`,
      [agreementIds],
    );
    return historiesOf(agreementIds, rows, (r) =>
      observeAgreementStatusChange(
        { status: r.status as ObservedAgreementStatusChange["status"], effective: r.effective, evidence: evidenceOf(r) },
        r.published_at,
      ),
    );
  }

  async articlesOfEntities(keys: readonly EntityArticlesKey[]): Promise<Page[]> {
    // One statement for the whole batch: each key's page is a LATERAL index seek past its own
    // cursor, its total one row of entity_article_counts.
    const seeks = keys.map((k) => (k.after == null ? null : articleSeekKey(k.after)));
    const { rows } = await this.db.read<{ ord: string; total: number; page: PageRow[]; has_previous: boolean }>(
      `SELECT k.ord, coalesce(c.articles, 0)::float8 AS total, p.page,
              (k.after_id IS NOT NULL AND EXISTS (
                 SELECT 1 FROM article_entities e
                  WHERE e.entity_type = k.type AND e.entity_id = k.id
                    AND (e.newest_first, e.article_id) <= (k.after_key, k.after_id))) AS has_previous
         FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::text[])
                WITH ORDINALITY AS k(type, id, first, after_key, after_id, ord)
         LEFT JOIN entity_article_counts c ON c.entity_type = k.type AND c.entity_id = k.id
        CROSS JOIN LATERAL (
              SELECT coalesce(json_agg(json_build_array(s.article_id, ${PUBLISHED_MS("s.newest_first")})
                                       ORDER BY s.newest_first, s.article_id), '[]') AS page
                FROM (SELECT e.article_id, e.newest_first FROM article_entities e
                       WHERE e.entity_type = k.type AND e.entity_id = k.id
                         AND (e.newest_first, e.article_id) > (coalesce(k.after_key, $6::bigint), coalesce(k.after_id, $7::text))
                       ORDER BY e.newest_first, e.article_id
                       LIMIT k.first + 1) s) p`,
      [
        keys.map((k) => k.type),
        keys.map((k) => k.id),
        keys.map((k) => k.first),
        seeks.map((s) => s?.newestFirst ?? null),
        seeks.map((s) => s?.id ?? null),
        START.newestFirst,
        START.id,
      ],
    );
    const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
    return keys.map((k, i) => {
      const r = byOrd.get(i + 1)!;
      return articlePage(r.page, k.first, r.total, r.has_previous);
    });
  }

  async listArticles(filter: ArticleFilterInput, page: PageRequest): Promise<Page> {
    let text: string | null = null;
    if (filter.text != null) {
      const { phrases, mentioned } = await this.searchNames();
      text = filterQuery(planQuery(filter.text, phrases), mentioned);
    }
    const constraints = entityConstraints(filter);
    const dated = filter.publishedAfter != null || filter.publishedBefore != null;

    // Drive the seek from the entity with the fewest articles (as the memory store starts from
    // the shortest list) and check the others per row; an entity nobody mentions ends it here.
    if (constraints.length > 1) {
      const counts = await this.db.read<{ entity_type: string; entity_id: string; articles: number }>(
        `SELECT entity_type, entity_id, articles::float8 AS articles FROM entity_article_counts
          WHERE (entity_type, entity_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [constraints.map((c) => c[0]), constraints.map((c) => c[1])],
      );
      const count = (c: [EntityType, string]) => counts.rows.find((r) => r.entity_type === c[0] && r.entity_id === c[1])?.articles ?? 0;
      if (constraints.some((c) => count(c) === 0)) return emptyPage();
      constraints.sort((x, y) => count(x) - count(y));
    }

    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    let from: string;
    let id: string;
    if (constraints.length === 0) {
      from = "articles d";
      id = "d.id";
    } else {
      const [[type, entityId], ...others] = constraints;
      from = "article_entities d";
      id = "d.article_id";
      where.push(`d.entity_type = ${param(type)} AND d.entity_id = ${param(entityId)}`);
      for (const [t, e] of others) {
        where.push(
          `EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = d.article_id AND x.entity_type = ${param(t)} AND x.entity_id = ${param(e)})`,
        );
      }
    }
    if (dated) {
      // Newest first is descending time: "at or before" is a lower bound on newest_first,
      // "at or after" an upper one; undated articles (UNDATED) never match a date filter.
      const before = filter.publishedBefore != null ? Date.parse(filter.publishedBefore) : null;
      const after = filter.publishedAfter != null ? Date.parse(filter.publishedAfter) : null;
      if (before !== null) where.push(`d.newest_first >= ${param(-Math.floor(before))}::bigint`);
      where.push(`d.newest_first <= ${param(after !== null ? -Math.ceil(after) : (UNDATED - 1n).toString())}::bigint`);
    }
    if (text !== null) {
      where.push(
        constraints.length === 0
          ? `d.search_vector @@ ${param(text)}::tsquery`
          : `EXISTS (SELECT 1 FROM articles t WHERE t.id = d.article_id AND t.search_vector @@ ${param(text)}::tsquery)`,
      );
    }
    const filtered = where.length > 0 ? where.join(" AND ") : "true";
    const seek = page.after == null ? null : articleSeekKey(page.after);
    const seekKey = seek ?? START;

    const total =
      dated || text !== null || constraints.length > 1
        ? `(SELECT count(*) FROM ${from} WHERE ${filtered})`
        : constraints.length === 1
          ? `coalesce((SELECT articles FROM entity_article_counts WHERE entity_type = $1 AND entity_id = $2), 0)`
          : `(SELECT articles FROM article_count)`;
    const hasPrevious = seek
      ? `EXISTS (SELECT 1 FROM ${from} WHERE ${filtered} AND (d.newest_first, ${id}) <= (${param(seek.newestFirst)}::bigint, ${param(seek.id)}::text))`
      : "false";
    const { rows } = await this.db.read<{ page: PageRow[]; total: number; has_previous: boolean }>(
      `SELECT (SELECT coalesce(json_agg(json_build_array(s.id, ${PUBLISHED_MS("s.newest_first")}) ORDER BY s.newest_first, s.id), '[]')
                 FROM (SELECT ${id} AS id, d.newest_first FROM ${from}
                        WHERE ${filtered} AND (d.newest_first, ${id}) > (${param(seekKey.newestFirst)}::bigint, ${param(seekKey.id)}::text)
                        ORDER BY d.newest_first, ${id} LIMIT ${param(page.first + 1)}) s) AS page,
              ${total}::float8 AS total,
              ${hasPrevious} AS has_previous`,
      params,
    );
    const r = rows[0]!;
    return articlePage(r.page, page.first, r.total, r.has_previous);
  }

  async search(request: SearchRequest): Promise<SearchHitRecord[]> {
    const { names, phrases, mentioned } = await this.searchNames();
    const plan = planQuery(request.query, phrases);
    const wanted = wantedTargets(request.types);
    const entityHits: SearchHitRecord[] = names.match(plan, wanted.entityTypes, request.first);
    const query = wanted.articles ? await this.articleSearch.resolve(plan, mentioned) : null;
    const articleHits = query ? (await this.articleSearch.search(query, request.first)).map((a) => articleHit(a.id, a.relevance)) : [];
    const hits = mergeHits(entityHits, articleHits, request.first);
    // Highlighting re-reads an article's text: only for the articles that made the cut, in one batch.
    const shown = hits.filter((h) => h.type === "ARTICLE");
    if (shown.length > 0) {
      const articles = await this.articlesById(shown.map((h) => h.id));
      const alternatives = query!.groups.flatMap((g) => g.terms.flat());
      const concepts = new Set(query!.groups.flatMap((g) => g.concepts));
      shown.forEach((hit, i) => (hit.highlights = articles[i] ? articleHighlights(articles[i], alternatives, concepts) : []));
    }
    return hits;
  }

  async relatedEntities(keys: readonly RelatedKey[]): Promise<RelatedRecord[][]> {
    // Co-mention counts in one statement for the batch: every link of a wanted type sharing an
    // article with the key's entity, grouped, scored as coMentionScore does (both / sqrt(a * b),
    // the same IEEE operations, so the same doubles), ranked with its ties, `first` kept per key.
    const { rows } = await this.db.read<{ ord: string; type: EntityType; id: string; both: number; score: number }>(
      `SELECT ranked.ord, ranked.type, ranked.id, ranked.both, ranked.score FROM (
         SELECT g.ord, g.type, g.id, g.both, g.score,
                row_number() OVER (PARTITION BY g.ord ORDER BY g.score DESC, g.both DESC, g.type, g.id) AS rank, g.first
           FROM (SELECT k.ord, k.first, o.entity_type AS type, o.entity_id AS id, count(*)::float8 AS both,
                        count(*)::float8 / sqrt((own.articles * other.articles)::float8) AS score
                   FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) WITH ORDINALITY AS k(type, id, first, types, ord)
                   JOIN entity_article_counts own ON own.entity_type = k.type AND own.entity_id = k.id
                   JOIN article_entities s ON s.entity_type = k.type AND s.entity_id = k.id
                   JOIN article_entities o ON o.article_id = s.article_id AND (o.entity_type, o.entity_id) <> (k.type, k.id)
                   JOIN entity_article_counts other ON other.entity_type = o.entity_type AND other.entity_id = o.entity_id
                  WHERE k.types IS NULL OR o.entity_type = ANY(string_to_array(k.types, ','))
                  GROUP BY k.ord, k.first, o.entity_type, o.entity_id, own.articles, other.articles) g
       ) ranked
       WHERE ranked.rank <= ranked.first
       ORDER BY ranked.ord, ranked.rank`,
      [
        keys.map((k) => k.type),
        keys.map((k) => k.id),
        keys.map((k) => k.first),
        keys.map((k) => (k.types && k.types.length > 0 ? k.types.join(",") : null)),
      ],
    );
    const byKey = new Map<number, RelatedRecord[]>();
    for (const r of rows) {
      const list = byKey.get(Number(r.ord)) ?? [];
      list.push({ type: r.type, id: r.id, articleCount: r.both, score: r.score });
      byKey.set(Number(r.ord), list);
    }
    return keys.map((_, i) => byKey.get(i + 1) ?? []);
  }

  async timelines(keys: readonly TimelineKey[]): Promise<TimelinePointRecord[][]> {
    // Each entity's mentions and articles per UTC day of publication, one statement for the
    // batch; the points are then cut from that series by the same code as the memory store's.
    const { rows } = await this.db.read<{ ord: string; day: number; mentions: number; articles: number }>(
      `SELECT k.ord, floor((-e.newest_first)::numeric / ${DAY_MS})::int AS day, sum(e.mentions)::int AS mentions, count(*)::int AS articles
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(type, id, ord)
         JOIN article_entities e ON e.entity_type = k.type AND e.entity_id = k.id AND e.newest_first <> ${UNDATED}
        GROUP BY k.ord, day ORDER BY k.ord, day`,
      [keys.map((k) => k.type), keys.map((k) => k.id)],
    );
    const series = new Map<number, { days: number[]; mentions: number[]; articles: number[] }>();
    for (const r of rows) {
      const s = series.get(Number(r.ord)) ?? { days: [], mentions: [], articles: [] };
      s.days.push(r.day);
      s.mentions.push(r.mentions);
      s.articles.push(r.articles);
      series.set(Number(r.ord), s);
    }
    return keys.map((k, i) => {
      const s = series.get(i + 1) ?? { days: [], mentions: [], articles: [] };
      return timelinePoints(
        { days: Int32Array.from(s.days), mentions: Int32Array.from(s.mentions), articles: Int32Array.from(s.articles) },
        k,
      );
    });
  }

  async listByName(kind: EntityKind, filter: NameListFilter, page: PageRequest): Promise<Page> {
    const { nameList: list, table, idField, typeName }: KindSpec<unknown> = KINDS[kind];
    if (!list) throw new Error(`${typeName} records are not listed by name`);
    const needle = filter.name ? foldText(filter.name) : "";
    const cursor = page.after == null ? null : decodeCursor(list.cursorTag, page.after);
    // The category is a field of the stored record: no column per kind's own filter.
    const category = list.category === undefined ? "NULL::text" : `record->>'${list.category}'`;
    // Sorted by (folded_name, key) in "C" order: code point order, which is the memory store's
    // UTF-16 order for every name without characters beyond U+FFFF next to ones above U+E000.
    const { rows } = await this.db.read<{ page: PageRow[]; total: number; has_previous: boolean }>(
      `WITH m AS (
         SELECT ${idField} AS id, folded_name FROM ${table}
          WHERE ($1::text IS NULL OR EXISTS (SELECT 1 FROM unnest(folded_names) n WHERE strpos(n, $1) > 0))
            AND ($5::text IS NULL OR ${category} = $5))
       SELECT (SELECT count(*) FROM m)::float8 AS total,
              (SELECT coalesce(json_agg(json_build_array(s.id, s.folded_name) ORDER BY s.folded_name, s.id), '[]')
                 FROM (SELECT id, folded_name FROM m
                        WHERE $2::text IS NULL OR (folded_name, id) > ($2::text, $3::text)
                        ORDER BY folded_name, id LIMIT $4) s) AS page,
              ($2::text IS NOT NULL AND EXISTS (SELECT 1 FROM m WHERE (folded_name, id) <= ($2::text, $3::text))) AS has_previous`,
      [needle || null, cursor?.[0] ?? null, cursor?.[1] ?? null, page.first + 1, filter.category ?? null],
    );
    const r = rows[0]!;
    const slice = r.page.slice(0, page.first);
    return {
      ids: slice.map(([id]) => id),
      cursors: slice.map(([id, folded]) => nameCursor(list.cursorTag, folded as string, id)),
      totalCount: r.total,
      hasNextPage: r.page.length > page.first,
      hasPreviousPage: r.has_previous,
    };
  }

  async listPeople(name: string | null | undefined, page: PageRequest): Promise<Page> {
    return this.listByName("PERSON", { name }, page);
  }

  async listCountries(): Promise<string[]> {
    // Ordered here, not in SQL: the memory store's order is JavaScript's "en" localeCompare,
    // which no database collation reproduces exactly. A country list is a few hundred rows.
    const { rows } = await this.db.read<{ code: string; name: string }>("SELECT code, name FROM countries ORDER BY ord, code");
    return rows.sort((x, y) => x.name.localeCompare(y.name, "en")).map((r) => r.code);
  }

  async listAgreements(partyCode: string | null | undefined, kind: string | null | undefined): Promise<string[]> {
    const { rows } =
      partyCode != null
        ? await this.db.read<{ id: string }>(
            `SELECT p.agreement_id AS id FROM agreement_parties p JOIN agreements a ON a.id = p.agreement_id
              WHERE p.country_code = $1 AND ($2::text IS NULL OR a.kind = $2) ORDER BY p.agreement_ord, p.agreement_id`,
            [partyCode, kind ?? null],
          )
        : await this.db.read<{ id: string }>("SELECT id FROM agreements WHERE $1::text IS NULL OR kind = $1 ORDER BY ord, id", [
            kind ?? null,
          ]);
    return rows.map((r) => r.id);
  }

  async listTariffs(filter: TariffFilterInput): Promise<string[]> {
    const product = filter.product ? foldText(filter.product) : null;
    const { rows } = await this.db.read<{ id: string }>(
      `SELECT id FROM tariffs
        WHERE ($1::text IS NULL OR imposed_by = $1) AND ($2::text IS NULL OR applies_to = $2)
          AND ($3::text IS NULL OR strpos(folded_product, $3) > 0)
        ORDER BY ord, id`,
      [filter.imposedBy ?? null, filter.appliesTo ?? null, product],
    );
    return rows.map((r) => r.id);
  }

  // Private: the entity name index and phrases (built once per store), and which entities some
  // article mentions. A failed read is not remembered: the next search tries again.
  private searchNames(): Promise<SearchNames> {
    this.names ??= this.readSearchNames().catch((error: unknown) => {
      this.names = undefined;
      throw error;
    });
    return this.names;
  }

  // Private: every entity record (each kind's table, in corpus order) and article count, in one
  // statement, as a name index.
  private async readSearchNames(): Promise<SearchNames> {
    const sections = ENTITY_KINDS.map((kind) => {
      const { table, idField, section } = KINDS[kind];
      return `(SELECT coalesce(json_agg(record ORDER BY ord, ${idField}), '[]') FROM ${table}) AS ${section}`;
    });
    const { rows } = await this.db.read<EntityRecords & { counts: Record<string, number> }>(
      `SELECT ${sections.join(",\n              ")},
              (SELECT coalesce(json_object_agg(entity_type || ':' || entity_id, articles), '{}') FROM entity_article_counts) AS counts`,
    );
    const { counts, ...records } = rows[0]!;
    const mentioned = new Set(Object.keys(counts).filter((key) => Number(counts[key]) > 0));
    return { ...buildEntityNames(records, (key) => Number(counts[key] ?? 0)), mentioned };
  }

  // Private: a one-to-many lookup (rows already in list order) grouped per key, in key order.
  private async grouped(sql: string, keys: readonly string[]): Promise<string[][]> {
    const { rows } = await this.db.read<{ key: string; id: string }>(sql, [keys]);
    const lists = new Map<string, string[]>();
    for (const r of rows) {
      const list = lists.get(r.key);
      if (list) list.push(r.id);
      else lists.set(r.key, [r.id]);
    }
    return keys.map((k) => lists.get(k) ?? []);
  }
}

/** The search's view of the entities: their name index and phrases, and which any article mentions. */
interface SearchNames extends EntityNames {
  /** Concept keys (`COUNTRY:US`) of the entities at least one article mentions. */
  mentioned: ReadonlySet<string>;
}

// Private: swallows an error that only says a server is unreachable; rethrows any other.
function unlessUnreachable(error: unknown): void {
  if (!isUnreachable(error)) throw error;
}

// Private: the store version of the latest completed import.
async function latestVersion(db: DatabasePools): Promise<string> {
  const last = await db.read<{ id: string | null }>("SELECT max(id)::text AS id FROM imports");
  return `pg:${last.rows[0]!.id ?? "empty"}`;
}

/** An article row as selected by articlesById. */
interface ArticleRow {
  id: string;
  headline: string | null;
  lead: string;
  body: string;
  dateline: string | null;
  published_at: string | null;
  source: string;
  copyright: string | null;
  mentions: MentionRecord[];
  unresolved: UnresolvedReferenceRecord[] | null;
}

/** One row of a history table as the lookups select it, with its article's publication time. */
interface HistoryRow {
  key: string;
  status: string;
  effective: string | null;
  article_id: string;
  quote: string;
  start_offset: number;
  end_offset: number;
  published_at: string | null;
}

// Private: a history row's evidence span.
function evidenceOf(r: HistoryRow): EvidenceRecord {
  return { articleId: r.article_id, quote: r.quote, start: r.start_offset, end: r.end_offset };
}

// Private: rows (in record order per key) grouped per key, each group in history order, in key order.
function historiesOf<R extends HistoryRow, T extends { effective: string | null; evidence: EvidenceRecord; published: string | null }>(
  keys: readonly string[],
  rows: R[],
  observe: (row: R) => T,
): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const group = groups.get(r.key);
    if (group) group.push(observe(r));
    else groups.set(r.key, [observe(r)]);
  }
  const ordered = new Map([...groups].map(([key, list]) => [key, orderObservations(list)]));
  return keys.map((k) => ordered.get(k) ?? []);
}

// Private: an article row as the corpus record it was imported from (absent optionals omitted).
function toArticle(r: ArticleRow): ArticleRecord {
  const article: ArticleRecord = { id: r.id, lead: r.lead, body: r.body, source: r.source, mentions: r.mentions };
  if (r.headline !== null) article.headline = r.headline;
  if (r.dateline !== null) article.dateline = r.dateline;
  if (r.published_at !== null) article.publishedAt = r.published_at;
  if (r.copyright !== null) article.copyright = r.copyright;
  if (r.unresolved !== null) article.unresolved = r.unresolved;
  return article;
}

// Private: a page from the first+1 rows seeked past the cursor (the extra row says "there is more").
function articlePage(rows: PageRow[], first: number, total: number, hasPrevious: boolean): Page {
  const slice = rows.slice(0, first);
  return {
    ids: slice.map(([id]) => id),
    cursors: slice.map(([id, ms]) => articleCursor(ms as number | null, id)),
    totalCount: total,
    hasNextPage: rows.length > first,
    hasPreviousPage: hasPrevious,
  };
}

// Private: the page of a filter no article satisfies.
function emptyPage(): Page {
  return { ids: [], cursors: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false };
}

// Private: one answer per key, in key order, null for a key no row has.
function inKeyOrder<R, V>(keys: readonly string[], rows: R[], keyOf: (row: R) => string, value: (row: R) => V): (V | null)[] {
  const byKey = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => {
    const row = byKey.get(k);
    return row === undefined ? null : value(row);
  });
}
