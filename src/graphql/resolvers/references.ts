// Federation reference resolvers: how a gateway turns `{ __typename, id }` into an entity.
// They go through the loaders, so one `_entities` request loads each type with one batch;
// an unknown key resolves to null without failing the other representations.
import { GraphQLError } from "graphql";
import type { Context } from "../context.js";
import { alpha2FromAlpha3 } from "../../corpus/iso3166.js";
import { ENTITY_KINDS, KINDS, storeKey, type EntityKind } from "../../corpus/kinds.js";
import { entityLoader } from "../loaders.js";

type Ref<K extends string> = { [key in K]: string };

/** A Country reference names one of its two keys: `{ code: "JP" }` or `{ alpha3: "JPN" }`. */
type CountryRef = Partial<Ref<"code" | "alpha3">>;

/**
 * Given a representation and its type's key field, returns the key, or throws BAD_USER_INPUT:
 * a representation without its key is the caller's mistake, not a server fault. The resolvers
 * are async so the throw fails only that representation, not the whole `_entities` list.
 */
function keyOf(ref: Record<string, unknown>, type: string, field: string): string {
  const key = ref[field];
  if (typeof key !== "string" && typeof key !== "number") {
    throw new GraphQLError(`A ${type} representation needs its key "${field}" (a string); got ${JSON.stringify(ref)}.`, {
      extensions: { code: "BAD_USER_INPUT", argument: "representations" },
    });
  }
  return String(key);
}

/** A reference resolver: a representation in, the record (or null) out. */
type ReferenceResolver = { __resolveReference: (ref: never, ctx: Context) => Promise<unknown> };

// Private: the reference resolver of a kind keyed by its id field alone.
function byKey(kind: EntityKind): ReferenceResolver {
  const { typeName, idField } = KINDS[kind];
  return {
    __resolveReference: async (ref: Record<string, unknown>, ctx: Context) =>
      entityLoader(ctx.loaders, kind).load(storeKey(kind, keyOf(ref, typeName, idField))),
  };
}

/** Kinds whose representations may name another key than their id field. */
const OWN_REFERENCES: Partial<Record<EntityKind, ReferenceResolver>> = {
  COUNTRY: {
    __resolveReference: async (ref: CountryRef, ctx: Context) => {
      const code =
        ref.alpha3 != null && ref.code == null ? alpha2FromAlpha3(keyOf(ref, "Country", "alpha3")) : keyOf(ref, "Country", "code");
      return code == null ? null : ctx.loaders.country.load(code.toUpperCase());
    },
  },
};

/** Reference resolvers by type name: the article's and every entity kind's (of the kinds table). */
export const referenceResolvers: Record<string, ReferenceResolver> = {
  Article: { __resolveReference: async (ref: Ref<"id">, ctx: Context) => ctx.loaders.article.load(keyOf(ref, "Article", "id")) },
  ...Object.fromEntries(ENTITY_KINDS.map((kind) => [KINDS[kind].typeName, OWN_REFERENCES[kind] ?? byKey(kind)])),
};
