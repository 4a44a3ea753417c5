// Federation reference resolvers: how a gateway turns `{ __typename, id }` into an entity.
// They go through the loaders, so one `_entities` request loads each type with one batch;
// an unknown key resolves to null without failing the other representations.
import { GraphQLError } from "graphql";
import type { Context } from "../context.js";
import { alpha2FromAlpha3 } from "../../corpus/iso3166.js";

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

export const referenceResolvers = {
  Article: { __resolveReference: async (ref: Ref<"id">, ctx: Context) => ctx.loaders.article.load(keyOf(ref, "Article", "id")) },
  Person: { __resolveReference: async (ref: Ref<"id">, ctx: Context) => ctx.loaders.person.load(keyOf(ref, "Person", "id")) },
  Country: {
    __resolveReference: async (ref: CountryRef, ctx: Context) => {
      const code = ref.alpha3 != null && ref.code == null ? alpha2FromAlpha3(keyOf(ref, "Country", "alpha3")) : keyOf(ref, "Country", "code");
      return code == null ? null : ctx.loaders.country.load(code.toUpperCase());
    },
  },
  Agreement: { __resolveReference: async (ref: Ref<"id">, ctx: Context) => ctx.loaders.agreement.load(keyOf(ref, "Agreement", "id")) },
  Tariff: { __resolveReference: async (ref: Ref<"id">, ctx: Context) => ctx.loaders.tariff.load(keyOf(ref, "Tariff", "id")) },
};
