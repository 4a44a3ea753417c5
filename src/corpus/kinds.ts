// The entity kinds: one row per kind of thing an article can mention, and everything the data
// layer needs to know about it. Validation, both stores, search, co-mentions, timelines and the
// importer read this table instead of naming kinds themselves; the serving layer keys its own
// table (src/graphql/kinds.ts) by the same kinds. To add a kind, see docs/adding-an-entity-kind.md.
import type {
  AgreementRecord,
  CorpusRecord,
  CountryRecord,
  EvidenceRecord,
  OrganizationRecord,
  PersonRecord,
  TariffRecord,
} from "./format.js";
import { tariffName } from "./tariffName.js";
import { foldText } from "../text/fold.js";
import { currentRates, tariffChanges, tariffHistory } from "./tariffHistory.js";

/** Every entity kind, in the order lists of kinds show them (the `EntityType` enum's order). */
export const ENTITY_KINDS = ["PERSON", "COUNTRY", "AGREEMENT", "TARIFF", "ORGANIZATION"] as const;

/** One kind of entity, as the corpus's `entityType` names it. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The corpus record of each kind. */
export interface EntityRecordOf {
  PERSON: PersonRecord;
  COUNTRY: CountryRecord;
  AGREEMENT: AgreementRecord;
  TARIFF: TariffRecord;
  ORGANIZATION: OrganizationRecord;
}

/** A record of any kind. */
export type AnyEntityRecord = EntityRecordOf[EntityKind];

/** A key of another record that a record names, and the field (below the record) that names it. */
export interface RecordReference {
  /** Path below the record, e.g. `roles[0].country`. */
  field: string;
  kind: EntityKind;
  key: string;
}

/** What the data layer knows of one kind whose records are `R`. */
export interface KindSpec<R> {
  /** The kind's name in the API (its GraphQL type) and in messages, e.g. `Person`. */
  readonly typeName: string;
  /**
   * The corpus section holding its records (`$.people`) and, by the same name, the list of
   * its ids on an article's entities (`ArticleEntities.people`).
   */
  readonly section: string;
  /** The record field that identifies it: `id`, or `code` for a country. */
  readonly idField: string;
  /** Its key is upper case (a country code): keys from clients are upper-cased before lookups. */
  readonly upperCaseKey: boolean;
  /** The article-list filter that names one of its records, e.g. `personId`. */
  readonly filterField: string;
  /** The PostgreSQL table of its records (key column `idField`, an `ord` column, `record` jsonb). */
  readonly table: string;
  /**
   * When its records are listed by name, A to Z (`Query.people`): the list's cursor tag and the
   * record field, if any, the list may be narrowed by (an organization's `kind`). Its table then
   * has `folded_name` (foldText of the name) and `folded_names` (of the name and every alias).
   */
  readonly nameList: { readonly cursorTag: string; readonly category?: string } | null;
  /** How the importer stores its records in `table` and its link tables (migrations/ creates them). */
  readonly storage: EntityStorage<R>;
  /** Given a record, returns its key. */
  key(record: R): string;
  /**
   * Given a record and every country by code, returns the names search matches it by, the main
   * name first (a tariff has none of its own: its name is made from its countries and product).
   */
  names(record: R, countries: ReadonlyMap<string, CountryRecord>): string[];
  /** Given a record, returns the codes of the countries whose names may stand in for words of its names. */
  countriesNamed(record: R): string[];
  /** Given a record, returns every other record it names (validation checks each exists), in field order. */
  references(record: R): RecordReference[];
  /**
   * Given a record, returns every article span it quotes as evidence, with its path below the
   * record (`evidence[0]`, `history[2].evidence`); validation checks each, and a streaming check
   * keeps the quoted articles' bodies. Empty for kinds without evidence.
   */
  evidence(record: R): QuotedEvidence[];
  /**
   * Given a record and what else it needs (when each quoted article was published: undefined for
   * an article not in the corpus; the record's JSON path), returns the rules of the kind's own it
   * breaks (beyond references and evidence spans), each at a field below the record.
   */
  ownRules(record: R, context: RuleContext): { field: string; reason: string }[];
}

/** A table's columns and their SQL types, as json_to_recordset reads them. */
export type Columns = Record<string, string>;

/** How one kind's records are stored besides key, `ord` and `record`: more columns, and link tables. */
export interface EntityStorage<R> {
  /** The kind's own columns (beyond key, ord and record) and their SQL types. */
  columns: Columns;
  /** Given a record, returns its values of those columns. */
  row(record: R): Record<string, unknown>;
  /** Tables of (record, other key) rows that the record owns, rewritten when it changes. */
  links: {
    table: string;
    /** The column holding the owning record's key. */
    owner: string;
    columns: Columns;
    rows(record: R, ord: number): Record<string, unknown>[];
  }[];
}

/** One evidence span a record quotes, and where in the record it sits. */
export interface QuotedEvidence {
  /** Path below the record, e.g. `evidence[0]` or `history[1].evidence`. */
  field: string;
  evidence: EvidenceRecord;
}

/** What a kind's own rules may read besides the record. */
export interface RuleContext {
  /** When an article was published (null: undated); undefined when no article has the id. */
  published(articleId: string): string | null | undefined;
  /** The record's JSON path, e.g. `$.tariffs[3]`. */
  path: string;
}

/** An evidence span's columns in the history tables. */
const EVIDENCE_COLUMNS = { article_id: "text", quote: "text", start_offset: "int", end_offset: "int" };

/** The table of kinds. Typed by kind, so a kind without its row does not compile. */
export const KINDS = {
  PERSON: {
    typeName: "Person",
    section: "people",
    idField: "id",
    upperCaseKey: false,
    filterField: "personId",
    table: "people",
    nameList: { cursorTag: "p" },
    storage: {
      columns: { folded_name: "text", folded_names: "text[]" },
      row: (p) => ({ folded_name: foldText(p.name), folded_names: [p.name, ...p.aliases].map(foldText) }),
      links: [
        {
          // Country.leaders: people holding a current role in a country.
          table: "country_leaders",
          owner: "person_id",
          columns: { country_code: "text", person_id: "text", person_ord: "int" },
          rows: (p, ord) =>
            p.roles.filter((r) => r.current && r.country).map((r) => ({ country_code: r.country!, person_id: p.id, person_ord: ord })),
        },
      ],
    },
    key: (p) => p.id,
    names: (p) => [p.name, ...p.aliases],
    countriesNamed: () => [],
    references: (p) => [
      ...optional("nationality", "COUNTRY", p.nationality),
      ...p.roles.flatMap((r, j) => [
        ...optional(`roles[${j}].country`, "COUNTRY", r.country),
        ...optional(`roles[${j}].organizationId`, "ORGANIZATION", r.organizationId),
      ]),
    ],
    evidence: (p) => p.roles.flatMap((r, j) => quoted(`roles[${j}].evidence`, r.evidence ?? [])),
    ownRules: () => [],
  },
  COUNTRY: {
    typeName: "Country",
    section: "countries",
    idField: "code",
    upperCaseKey: true,
    filterField: "countryCode",
    table: "countries",
    nameList: null,
    storage: { columns: { name: "text" }, row: (c) => ({ name: c.name }), links: [] },
    key: (c) => c.code,
    names: (c) => [c.name, ...c.aliases],
    countriesNamed: () => [],
    references: () => [],
    evidence: () => [],
    ownRules: () => [],
  },
  AGREEMENT: {
    typeName: "Agreement",
    section: "agreements",
    idField: "id",
    upperCaseKey: false,
    filterField: "agreementId",
    table: "agreements",
    nameList: null,
    storage: {
      columns: { kind: "text" },
      row: (a) => ({ kind: a.kind }),
      links: [
        {
          table: "agreement_parties",
          owner: "agreement_id",
          columns: { country_code: "text", agreement_id: "text", agreement_ord: "int" },
          rows: (a, ord) => a.parties.map((code) => ({ country_code: code, agreement_id: a.id, agreement_ord: ord })),
        },
        {
          // Its status steps, in corpus order.
          table: "agreement_status_changes",
          owner: "agreement_id",
          columns: { agreement_id: "text", ord: "int", status: "text", effective: "text", ...EVIDENCE_COLUMNS },
          rows: (a) =>
            (a.history ?? []).map((h, ord) => ({
              agreement_id: a.id,
              ord,
              status: h.status,
              effective: h.effective ?? null,
              ...evidenceColumns(h.evidence),
            })),
        },
      ],
    },
    key: (a) => a.id,
    names: (a) => [a.name],
    countriesNamed: (a) => a.parties,
    references: (a) => [
      ...a.parties.map((code, j) => ({ field: `parties[${j}]`, kind: "COUNTRY" as const, key: code })),
      ...a.commitments.map((c, j) => ({ field: `commitments[${j}].party`, kind: "COUNTRY" as const, key: c.party })),
    ],
    evidence: (a) => [
      ...quoted("evidence", a.evidence),
      ...(a.history ?? []).map((h, j) => ({ field: `history[${j}].evidence`, evidence: h.evidence })),
    ],
    ownRules: () => [],
  },
  TARIFF: {
    typeName: "Tariff",
    section: "tariffs",
    idField: "id",
    upperCaseKey: false,
    filterField: "tariffId",
    table: "tariffs",
    nameList: null,
    storage: {
      columns: { imposed_by: "text", applies_to: "text", agreement_id: "text", folded_product: "text" },
      row: (t) => ({
        imposed_by: t.imposedBy,
        applies_to: t.appliesTo,
        agreement_id: t.agreementId ?? null,
        folded_product: foldText(t.product),
      }),
      links: [
        {
          // Its observations (tariffChanges: one implied by the rate fields when there is no history).
          table: "tariff_changes",
          owner: "tariff_id",
          columns: {
            tariff_id: "text",
            ord: "int",
            status: "text",
            rate_percent: "float8",
            previous_rate_percent: "float8",
            effective: "text",
            ...EVIDENCE_COLUMNS,
          },
          rows: (t) =>
            tariffChanges(t).map((h, ord) => ({
              tariff_id: t.id,
              ord,
              status: h.status,
              rate_percent: h.ratePercent ?? null,
              previous_rate_percent: h.previousRatePercent ?? null,
              effective: h.effective ?? null,
              ...evidenceColumns(h.evidence),
            })),
        },
      ],
    },
    key: (t) => t.id,
    names: (t, countries) => [tariffName(t, countries.get(t.imposedBy), countries.get(t.appliesTo))],
    countriesNamed: (t) => [t.imposedBy, t.appliesTo],
    references: (t) => [
      { field: "imposedBy", kind: "COUNTRY", key: t.imposedBy },
      { field: "appliesTo", kind: "COUNTRY", key: t.appliesTo },
      ...optional("agreementId", "AGREEMENT", t.agreementId),
    ],
    evidence: (t) => [
      ...quoted("evidence", t.evidence),
      ...(t.history ?? []).map((h, j) => ({ field: `history[${j}].evidence`, evidence: h.evidence })),
    ],
    ownRules: (t, { published, path }) => {
      // The rate fields are the history's summary; a record that says otherwise would serve two
      // answers. Unless some quoted article is missing (reported as such), which leaves no order.
      if (t.history === undefined || t.history.length === 0) return [];
      if (t.history.some((h) => published(h.evidence.articleId) === undefined)) return [];
      const rates = currentRates(tariffHistory(t, (id) => published(id) ?? null));
      const stated = { ratePercent: t.ratePercent ?? null, previousRatePercent: t.previousRatePercent ?? null };
      return (["ratePercent", "previousRatePercent"] as const)
        .filter((field) => stated[field] !== rates[field])
        .map((field) => ({
          field,
          reason: `${stated[field]} is not what ${path}.history gives (${rates[field]}): the latest rate in effect and the one before it`,
        }));
    },
  },
  ORGANIZATION: {
    typeName: "Organization",
    section: "organizations",
    idField: "id",
    upperCaseKey: false,
    filterField: "organizationId",
    table: "organizations",
    nameList: { cursorTag: "o", category: "kind" },
    storage: {
      columns: { folded_name: "text", folded_names: "text[]" },
      row: (o) => ({ folded_name: foldText(o.name), folded_names: [o.name, ...o.aliases].map(foldText) }),
      links: [],
    },
    key: (o) => o.id,
    names: (o) => [o.name, ...o.aliases],
    countriesNamed: () => [],
    references: (o) => [
      ...optional("country", "COUNTRY", o.country),
      ...o.members.map((code, j) => ({ field: `members[${j}]`, kind: "COUNTRY" as const, key: code })),
    ],
    evidence: () => [],
    ownRules: () => [],
  },
} as const satisfies { readonly [K in EntityKind]: KindSpec<EntityRecordOf[K]> };

/** The corpus section (and article-entities list) of a kind, e.g. `"people"` for `"PERSON"`. */
export type SectionOf<K extends EntityKind> = (typeof KINDS)[K]["section"];

/** Every entity section of a corpus. */
export type EntitySection = SectionOf<EntityKind>;

/** The article-list filter field of a kind, e.g. `"personId"`. */
export type FilterFieldOf<K extends EntityKind> = (typeof KINDS)[K]["filterField"];

/** Each entity section's kind, e.g. `people` → `PERSON`. */
export const KIND_OF_SECTION: ReadonlyMap<string, EntityKind> = new Map(ENTITY_KINDS.map((kind) => [KINDS[kind].section, kind]));

/** Given a kind, returns its row of {@link KINDS}, typed for its records. */
export function kindSpec<K extends EntityKind>(kind: K): KindSpec<EntityRecordOf[K]> {
  return KINDS[kind] as KindSpec<EntityRecordOf[K]>;
}

/** Given a corpus (or its entity sections) and a kind, returns that kind's records. */
export function recordsOf<K extends EntityKind>(corpus: Pick<CorpusRecord, EntitySection>, kind: K): readonly EntityRecordOf[K][] {
  // A section added after corpora were first written is optional: absent means none.
  return (corpus[KINDS[kind].section] ?? []) as unknown as EntityRecordOf[K][];
}

/** Given a kind and a key as a client wrote it, returns the key the stores use (a country code upper-cased). */
export function storeKey(kind: EntityKind, key: string): string {
  return KINDS[kind].upperCaseKey ? key.toUpperCase() : key;
}

// Private: an evidence span as the history tables' columns.
function evidenceColumns(e: EvidenceRecord) {
  return { article_id: e.articleId, quote: e.quote, start_offset: e.start, end_offset: e.end };
}

// Private: a list of evidence spans under one field, each with its path.
function quoted(field: string, evidence: readonly EvidenceRecord[]): QuotedEvidence[] {
  return evidence.map((e, k) => ({ field: `${field}[${k}]`, evidence: e }));
}

// Private: the reference a field makes when it is set, none when it is null or absent.
function optional(field: string, kind: EntityKind, key: string | null | undefined): RecordReference[] {
  return key == null ? [] : [{ field, kind, key }];
}

/** Given a string, tells whether it names an entity kind. */
export function isEntityKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}
