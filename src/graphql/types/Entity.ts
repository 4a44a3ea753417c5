// The Entity union: whatever a mention can point at, one member per kind of the kinds table.
// A value's type is the kind of the loader that loaded it (see kindOfRecord in loaders.ts),
// never guessed from its fields.
import { createUnionType, type ClassType } from "type-graphql";
import { ENTITY_KINDS, KINDS } from "../../corpus/kinds.js";
import { KIND_TYPES } from "../kinds.js";
import { kindOfRecord } from "../loaders.js";

/**
 * Given a record some loader loaded, returns its GraphQL type name (`Article` for an article),
 * or undefined for a value no loader loaded, which GraphQL reports as an error rather than
 * letting a guess pick a type.
 */
export function entityTypeName(record: object): string | undefined {
  const kind = kindOfRecord(record);
  if (kind === undefined) return undefined;
  return kind === "ARTICLE" ? "Article" : KINDS[kind].typeName;
}

/** The object type of every entity kind, in the kinds table's order. */
export function entityClasses(): ClassType[] {
  return ENTITY_KINDS.map((kind) => KIND_TYPES[kind].type());
}

export const Entity = createUnionType({
  name: "Entity",
  description: `Anything an article can mention: ${describeKinds()}.`,
  types: () => entityClasses() as [ClassType, ...ClassType[]],
  resolveType: (value) => entityTypeName(value),
});

/** Given nothing, returns the kinds in words for descriptions: `a person, a country, … or a tariff`. */
export function describeKinds(): string {
  const names = ENTITY_KINDS.map((kind) => `${/^[AEIOU]/.test(KINDS[kind].typeName) ? "an" : "a"} ${KINDS[kind].typeName.toLowerCase()}`);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
