// Writing validated corpus records into the PostgreSQL store: each call upserts one batch in one
// transaction (a record and its link rows commit together or not at all), and a record that is
// already there unchanged is left alone, so importing the same corpus twice writes nothing new.
import type pg from "pg";
import type { AgreementRecord, ArticleRecord, CountryRecord, PersonRecord, TariffRecord } from "../../corpus/format.js";
import { foldText } from "../../text/fold.js";
import { newestFirst } from "./keyset.js";

/** A record and its position in its corpus section (lists that follow corpus order use it). */
export interface Positioned<T> {
  ord: number;
  record: T;
}

/** A column of an upserted table and its SQL type, as json_to_recordset reads it. */
type Columns = Record<string, string>;

/** Upserts corpus records, batch by batch, into the primary. */
export class CorpusWriter {
  constructor(private readonly primary: pg.Pool) {}

  /** Upserts countries; returns how many were new or changed. */
  async writeCountries(batch: readonly Positioned<CountryRecord>[]): Promise<number> {
    return this.transaction(async (client) => {
      const rows = batch.map(({ ord, record }) => ({ code: record.code, ord, name: record.name, record }));
      return (await upsert(client, "countries", "code", { code: "text", ord: "int", name: "text", record: "jsonb" }, rows)).length;
    });
  }

  /** Upserts people and their current leadership roles; returns how many were new or changed. */
  async writePeople(batch: readonly Positioned<PersonRecord>[]): Promise<number> {
    return this.transaction(async (client) => {
      const rows = batch.map(({ ord, record }) => ({
        id: record.id,
        ord,
        folded_name: foldText(record.name),
        folded_names: [record.name, ...record.aliases].map(foldText),
        record,
      }));
      const changed = await upsert(
        client,
        "people",
        "id",
        { id: "text", ord: "int", folded_name: "text", folded_names: "text[]", record: "jsonb" },
        rows,
      );
      const links = batch.flatMap(({ ord, record }) =>
        record.roles.filter((r) => r.current && r.country).map((r) => ({ country_code: r.country!, person_id: record.id, person_ord: ord })),
      );
      await relink(client, "country_leaders", "person_id", changed, links, { country_code: "text", person_id: "text", person_ord: "int" });
      return changed.length;
    });
  }

  /** Upserts agreements and their parties; returns how many were new or changed. */
  async writeAgreements(batch: readonly Positioned<AgreementRecord>[]): Promise<number> {
    return this.transaction(async (client) => {
      const rows = batch.map(({ ord, record }) => ({ id: record.id, ord, kind: record.kind, record }));
      const changed = await upsert(client, "agreements", "id", { id: "text", ord: "int", kind: "text", record: "jsonb" }, rows);
      const links = batch.flatMap(({ ord, record }) =>
        record.parties.map((code) => ({ country_code: code, agreement_id: record.id, agreement_ord: ord })),
      );
      await relink(client, "agreement_parties", "agreement_id", changed, links, {
        country_code: "text",
        agreement_id: "text",
        agreement_ord: "int",
      });
      return changed.length;
    });
  }

  /** Upserts tariffs; returns how many were new or changed. */
  async writeTariffs(batch: readonly Positioned<TariffRecord>[]): Promise<number> {
    return this.transaction(async (client) => {
      const rows = batch.map(({ ord, record }) => ({
        id: record.id,
        ord,
        imposed_by: record.imposedBy,
        applies_to: record.appliesTo,
        agreement_id: record.agreementId ?? null,
        folded_product: foldText(record.product),
        record,
      }));
      const columns = { id: "text", ord: "int", imposed_by: "text", applies_to: "text", agreement_id: "text", folded_product: "text", record: "jsonb" };
      return (await upsert(client, "tariffs", "id", columns, rows)).length;
    });
  }

  /**
   * Upserts articles and the (entity, article) rows their mentions make; returns how many were
   * new or changed. The articles of one call commit together with their links, or not at all.
   */
  async writeArticles(batch: readonly ArticleRecord[]): Promise<number> {
    return this.transaction(async (client) => {
      const rows = batch.map((a) => {
        const ms = a.publishedAt != null ? Date.parse(a.publishedAt) : null;
        return {
          id: a.id,
          published_at: a.publishedAt ?? null,
          published_ms: ms,
          newest_first: newestFirst(ms),
          headline: a.headline ?? null,
          lead: a.lead,
          body: a.body,
          dateline: a.dateline ?? null,
          source: a.source,
          copyright: a.copyright ?? null,
          mentions: a.mentions,
        };
      });
      const changed = await upsert(client, "articles", "id", ARTICLE_COLUMNS, rows);
      const links = batch.flatMap((a, i) => {
        const seen = new Set<string>();
        return a.mentions
          .filter((m) => !seen.has(`${m.entityType}:${m.entityId}`) && seen.add(`${m.entityType}:${m.entityId}`))
          .map((m) => ({ entity_type: m.entityType, entity_id: m.entityId, article_id: a.id, newest_first: rows[i]!.newest_first }));
      });
      await relink(client, "article_entities", "article_id", changed, links, {
        entity_type: "text",
        entity_id: "text",
        article_id: "text",
        newest_first: "bigint",
      });
      return changed.length;
    });
  }

  /** Records a finished import: the store's version names the latest one. */
  async recordImport(corpus: string, articles: number, startedAt: Date): Promise<void> {
    await this.primary.query("INSERT INTO imports (corpus, articles, started_at) VALUES ($1, $2, $3)", [corpus, articles, startedAt]);
  }

  // Private: runs `work` in one transaction on one primary connection.
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.primary.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

const ARTICLE_COLUMNS: Columns = {
  id: "text",
  published_at: "text",
  published_ms: "bigint",
  newest_first: "bigint",
  headline: "text",
  lead: "text",
  body: "text",
  dateline: "text",
  source: "text",
  copyright: "text",
  mentions: "jsonb",
};

// Private: inserts rows (sent as one JSON parameter), updating those whose key exists and whose
// values differ; returns the keys it inserted or changed. Unchanged rows are not rewritten.
async function upsert(client: pg.PoolClient, table: string, key: string, columns: Columns, rows: object[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(columns);
  const values = names.filter((n) => n !== key);
  const { rows: changed } = await client.query<{ key: string }>(
    `INSERT INTO ${table} (${names.join(", ")})
     SELECT ${names.join(", ")} FROM json_to_recordset($1::json) AS x(${names.map((n) => `${n} ${columns[n]}`).join(", ")})
     ON CONFLICT (${key}) DO UPDATE SET ${values.map((n) => `${n} = excluded.${n}`).join(", ")}
      WHERE (${values.map((n) => `${table}.${n}`).join(", ")}) IS DISTINCT FROM (${values.map((n) => `excluded.${n}`).join(", ")})
     RETURNING ${key} AS key`,
    [JSON.stringify(rows)],
  );
  return changed.map((r) => r.key);
}

// Private: replaces the link rows of the changed owners with their new links (owners that did
// not change keep theirs untouched).
async function relink(client: pg.PoolClient, table: string, owner: string, changed: string[], links: Record<string, unknown>[], columns: Columns) {
  if (changed.length === 0) return;
  const owners = new Set(changed);
  await client.query(`DELETE FROM ${table} WHERE ${owner} = ANY($1::text[])`, [changed]);
  const fresh = links.filter((l) => owners.has(l[owner] as string));
  if (fresh.length === 0) return;
  const names = Object.keys(columns);
  await client.query(
    `INSERT INTO ${table} (${names.join(", ")})
     SELECT ${names.join(", ")} FROM json_to_recordset($1::json) AS x(${names.map((n) => `${n} ${columns[n]}`).join(", ")})
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(fresh)],
  );
}
