// The Entity union: whatever a mention can point at. Records carry no type tag, so the
// type is told from the one field that only that kind of record has.
import { createUnionType } from "type-graphql";
import { Person } from "./Person.js";
import { Country } from "./Country.js";
import { Agreement } from "./Agreement.js";
import { Tariff } from "./Tariff.js";

/** Given a person, country, agreement or tariff record, returns its GraphQL type name. */
export function entityTypeName(record: object): "Person" | "Country" | "Agreement" | "Tariff" | "Article" | undefined {
  if ("roles" in record) return "Person";
  if ("code" in record) return "Country";
  if ("commitments" in record) return "Agreement";
  if ("imposedBy" in record) return "Tariff";
  if ("body" in record) return "Article";
  return undefined;
}

export const Entity = createUnionType({
  name: "Entity",
  description: "Anything an article can mention: a person, a country, an agreement or a tariff.",
  types: () => [Person, Country, Agreement, Tariff] as const,
  resolveType: (value) => entityTypeName(value),
});
