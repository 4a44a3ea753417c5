// Federation reference resolvers: how a gateway turns `{ __typename, id }` into an entity.
// They go through the loaders, so one `_entities` request loads each type with one batch;
// an unknown key resolves to null without failing the other representations.
import type { Context } from "../src/context.js";
import { alpha2FromAlpha3 } from "../src/iso3166.js";

type Ref<K extends string> = { [key in K]: string };

/** A Country reference names one of its two keys: `{ code: "JP" }` or `{ alpha3: "JPN" }`. */
type CountryRef = Partial<Ref<"code" | "alpha3">>;

export const referenceResolvers = {
  Article: { __resolveReference: (ref: Ref<"id">, ctx: Context) => ctx.loaders.article.load(ref.id) },
  Person: { __resolveReference: (ref: Ref<"id">, ctx: Context) => ctx.loaders.person.load(ref.id) },
  Country: {
    __resolveReference: (ref: CountryRef, ctx: Context) => {
      const code = ref.code ?? (ref.alpha3 == null ? null : alpha2FromAlpha3(ref.alpha3));
      return code == null ? null : ctx.loaders.country.load(code.toUpperCase());
    },
  },
  Agreement: { __resolveReference: (ref: Ref<"id">, ctx: Context) => ctx.loaders.agreement.load(ref.id) },
  Tariff: { __resolveReference: (ref: Ref<"id">, ctx: Context) => ctx.loaders.tariff.load(ref.id) },
};
