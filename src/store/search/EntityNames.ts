// The search's view of a corpus's entities: every name and alias of every person, country,
// agreement and tariff in a name index, and the same names as the phrases a query may use to
// name an entity. Both stores build it: the memory store from its corpus, the PostgreSQL store
// from its entity tables (entities are few; articles are what outgrow one machine).
import type { AgreementRecord, CountryRecord, EntityType, PersonRecord, TariffRecord } from "../../corpus/format.js";
import { tariffName } from "../../corpus/tariffName.js";
import { NameIndex, type NamedEntity } from "./NameIndex.js";
import { conceptKey, PhraseDictionary } from "./QueryPlan.js";

/** The entity records a name index is built from. */
export interface EntityRecords {
  people: readonly PersonRecord[];
  countries: readonly CountryRecord[];
  agreements: readonly AgreementRecord[];
  tariffs: readonly TariffRecord[];
}

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
  const named = (type: EntityType, id: string, names: string[], related: string[] = []): NamedEntity => ({
    type,
    id,
    names: names.map((text, i) => ({ field: i === 0 ? "name" : `aliases[${i - 1}]`, text })),
    related,
    articleCount: articleCount(conceptKey(type, id)),
  });
  const countries = new Map(records.countries.map((c) => [c.code, c]));
  const names = new NameIndex([
    ...records.people.map((p) => named("PERSON", p.id, [p.name, ...p.aliases])),
    ...records.countries.map((c) => named("COUNTRY", c.code, [c.name, ...c.aliases])),
    ...records.agreements.map((a) => named("AGREEMENT", a.id, [a.name], a.parties.map((code) => conceptKey("COUNTRY", code)))),
    ...records.tariffs.map((t) =>
      named("TARIFF", t.id, [tariffName(t, countries.get(t.imposedBy), countries.get(t.appliesTo))], [conceptKey("COUNTRY", t.imposedBy), conceptKey("COUNTRY", t.appliesTo)]),
    ),
  ]);
  const phrases = new PhraseDictionary();
  names.addPhrasesTo(phrases);
  return { names, phrases };
}
