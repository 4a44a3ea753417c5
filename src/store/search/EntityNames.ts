// The search's view of a corpus's entities: every name and alias of every entity of every kind
// (as the kinds table names them) in a name index, and the same names as the phrases a query may use to
// name an entity. Both stores build it: the memory store from its corpus, the PostgreSQL store
// from its entity tables (entities are few; articles are what outgrow one machine).
import type { CorpusRecord } from "../../corpus/format.js";
import { ENTITY_KINDS, kindSpec, recordsOf, type EntityKind, type EntitySection } from "../../corpus/kinds.js";
import { NameIndex, type NamedEntity } from "./NameIndex.js";
import { conceptKey, PhraseDictionary } from "./QueryPlan.js";

/** The entity records a name index is built from: every kind's section. */
export type EntityRecords = Pick<CorpusRecord, EntitySection>;

/** An entity name index and the phrase dictionary made from the same names. */
export interface EntityNames {
  names: NameIndex;
  phrases: PhraseDictionary;
}

/**
 * Given the entity records and how many articles mention each entity (by {@link conceptKey}),
 * returns their name index and phrase dictionary. A tariff is named as `Tariff.name` names it;
 * an agreement's parties and a tariff's countries may stand in for words of its name.
 */
export function buildEntityNames(records: EntityRecords, articleCount: (key: string) => number): EntityNames {
  const countries = new Map(records.countries.map((c) => [c.code, c]));
  const named = <K extends EntityKind>(kind: K): NamedEntity[] => {
    const spec = kindSpec(kind);
    return recordsOf(records, kind).map((record) => {
      const id = spec.key(record);
      return {
        type: kind,
        id,
        names: spec.names(record, countries).map((text, i) => ({ field: i === 0 ? "name" : `aliases[${i - 1}]`, text })),
        related: spec.countriesNamed(record).map((code) => conceptKey("COUNTRY", code)),
        articleCount: articleCount(conceptKey(kind, id)),
      };
    });
  };
  const names = new NameIndex(ENTITY_KINDS.flatMap((kind) => named(kind)));
  const phrases = new PhraseDictionary();
  names.addPhrasesTo(phrases);
  return { names, phrases };
}
