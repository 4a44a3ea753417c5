// Federation reference resolvers: how a gateway turns `{ __typename, id }` into an entity.
// They go through the loaders, so one `_entities` request loads each type with one batch;
// an unknown key resolves to null without failing the other representations.
import type { Context } from "../src/context.js";

type Ref<K extends string> = { [key in K]: string };

export const referenceResolvers = {
  Article: { __resolveReference: (ref: Ref<"id">, ctx: Context) => ctx.loaders.article.load(ref.id) },
  Person: { __resolveReference: (ref: Ref<"id">, ctx: Context) => ctx.loaders.person.load(ref.id) },
  Country: { __resolveReference: (ref: Ref<"code">, ctx: Context) => ctx.loaders.country.load(ref.code.toUpperCase()) },
  Agreement: { __resolveReference: (ref: Ref<"id">, ctx: Context) => ctx.loaders.agreement.load(ref.id) },
  Tariff: { __resolveReference: (ref: Ref<"id">, ctx: Context) => ctx.loaders.tariff.load(ref.id) },
};
