// Country queries and the country's relations; `articles` and `timeline`, the same on every entity,
// are made by the factories in EntityArticlesResolvers.ts and TimelineResolvers.ts.
import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { PUBLIC } from "../types/contract.js";
import { Country } from "../types/Country.js";
import { Person } from "../types/Person.js";
import { Agreement } from "../types/Agreement.js";
import { Tariff } from "../types/Tariff.js";
import type { Context } from "../context.js";
import type { CountryRecord } from "../../corpus/format.js";
import { alpha3FromAlpha2 } from "../../corpus/iso3166.js";
import { loadPresent } from "../loaders.js";
import { CountryKind } from "../types/enums.js";

@Resolver(() => Country)
export class CountryResolver {
  @Directive(PUBLIC)
  @Query(() => Country, {
    nullable: true,
    description: "One country by ISO 3166-1 alpha-2 code, in any case (`jp` finds Japan); null when unknown.",
  })
  country(@Arg("code", () => String, { description: "ISO 3166-1 alpha-2 code, e.g. `JP`." }) code: string, @Ctx() ctx: Context) {
    return ctx.loaders.country.load(code.toUpperCase());
  }

  @Directive(PUBLIC)
  @Query(() => [Country], { description: "Every country in the corpus, by name." })
  async countries(@Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.country, await ctx.store.listCountries());
  }

  // Every other entity has an `id`; normalising caches (Apollo Client's InMemoryCache, urql's
  // Graphcache) key objects by `__typename` and `id` unless told otherwise, so Country has one too.
  @Directive(PUBLIC)
  @FieldResolver(() => ID, {
    description: "The country's stable id, the same value as `code` (e.g. `JP`): what normalising client caches key objects by.",
  })
  id(@Root() country: CountryRecord): string {
    return country.code;
  }

  // The second key (see src/graphql/types/Country.ts); public, so clients can look countries up by it too.
  @Directive(PUBLIC)
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "ISO 3166-1 alpha-3 code, upper case, e.g. `JPN`; null for a code ISO does not assign (a user-assigned code such as `XX`).",
  })
  alpha3(@Root() country: CountryRecord): string | null {
    return alpha3FromAlpha2(country.code);
  }

  @FieldResolver(() => CountryKind, {
    description: "Whether this is a sovereign state or a customs union (`EU`); tariffs and agreements treat both alike as parties.",
  })
  kind(@Root() country: CountryRecord): CountryKind {
    return country.kind === "CUSTOMS_UNION" ? CountryKind.CUSTOMS_UNION : CountryKind.SOVEREIGN_STATE;
  }

  @FieldResolver(() => [Person], {
    description: "People who currently hold an office of this country (head of state or government, ministers).",
  })
  async leaders(@Root() country: CountryRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.person, await ctx.loaders.leaders.load(country.code));
  }

  @FieldResolver(() => [Agreement], { description: "Agreements this country is a party to." })
  async agreements(@Root() country: CountryRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.agreement, await ctx.loaders.agreementsOfCountry.load(country.code));
  }

  @FieldResolver(() => [Tariff], { description: "Tariffs this country imposes on others." })
  async tariffsImposed(@Root() country: CountryRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.tariff, await ctx.loaders.tariffsImposedBy.load(country.code));
  }

  @FieldResolver(() => [Tariff], { description: "Tariffs other countries impose on this country's goods." })
  async tariffsFaced(@Root() country: CountryRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.tariff, await ctx.loaders.tariffsFacedBy.load(country.code));
  }
}
