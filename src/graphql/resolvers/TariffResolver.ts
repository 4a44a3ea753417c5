// Tariff queries and the tariff's relations; `articles` and `timeline`, the same on every entity,
// are made by the factories in EntityArticlesResolvers.ts and TimelineResolvers.ts.
import { Arg, Ctx, Directive, FieldResolver, Float, ID, Query, Resolver, Root } from "type-graphql";
import { DateResolver } from "graphql-scalars";
import { PUBLIC } from "../types/contract.js";
import { Tariff } from "../types/Tariff.js";
import { Country } from "../types/Country.js";
import { Agreement } from "../types/Agreement.js";
import { Evidence } from "../types/Evidence.js";
import type { Context } from "../context.js";
import type { TariffRecord } from "../../corpus/format.js";
import { loadPresent } from "../loaders.js";
import { tariffName } from "../../corpus/tariffName.js";
import { rateAsOf, tariffConflicts } from "../../corpus/tariffHistory.js";
import { TariffChange } from "../types/TariffChange.js";
import { TariffConflict } from "../types/TariffConflict.js";

@Resolver(() => Tariff)
export class TariffResolver {
  @Directive(PUBLIC)
  @Query(() => Tariff, { nullable: true, description: "One tariff by id; null when no tariff has that id." })
  tariff(@Arg("id", () => ID, { description: "The tariff's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.tariff.load(id);
  }

  @Directive(PUBLIC)
  @Query(() => [Tariff], { description: "Tariffs, optionally filtered by who imposes them, on whom, and on what." })
  async tariffs(
    @Arg("imposedBy", () => String, { nullable: true, description: "Only tariffs this country (ISO alpha-2, any case) imposes." })
    imposedBy: string | null,
    @Arg("appliesTo", () => String, { nullable: true, description: "Only tariffs on goods from this country (ISO alpha-2, any case)." })
    appliesTo: string | null,
    @Arg("product", () => String, {
      nullable: true,
      description: "Only tariffs whose product contains this text, ignoring case, e.g. `auto`.",
    })
    product: string | null,
    @Ctx() ctx: Context,
  ) {
    const ids = await ctx.store.listTariffs({ imposedBy: imposedBy?.toUpperCase(), appliesTo: appliesTo?.toUpperCase(), product });
    return loadPresent(ctx.loaders.tariff, ids);
  }

  @FieldResolver(() => String, {
    description:
      "A readable name made from who imposes it, on what and from where, e.g. `United States tariff on automobiles from Japan`; search matches it.",
  })
  async name(@Root() tariff: TariffRecord, @Ctx() ctx: Context) {
    const [imposer, target] = await ctx.loaders.country.loadMany([tariff.imposedBy, tariff.appliesTo]);
    return tariffName(tariff, imposer instanceof Error ? null : imposer, target instanceof Error ? null : target);
  }

  @FieldResolver(() => Country, { description: "The country that imposes the tariff." })
  imposedBy(@Root() tariff: TariffRecord, @Ctx() ctx: Context) {
    return ctx.loaders.country.load(tariff.imposedBy);
  }

  @FieldResolver(() => Country, { description: "The country whose goods the tariff applies to." })
  appliesTo(@Root() tariff: TariffRecord, @Ctx() ctx: Context) {
    return ctx.loaders.country.load(tariff.appliesTo);
  }

  @FieldResolver(() => Agreement, {
    nullable: true,
    description: "The agreement under which the tariff was set or changed; null when none.",
  })
  agreement(@Root() tariff: TariffRecord, @Ctx() ctx: Context) {
    return tariff.agreementId ? ctx.loaders.agreement.load(tariff.agreementId) : null;
  }

  @FieldResolver(() => [Evidence], { description: "The sentences of articles that state the tariff and its rates." })
  evidence(@Root() tariff: TariffRecord) {
    return tariff.evidence;
  }

  @FieldResolver(() => [TariffChange], {
    description:
      "Every statement of the rate, oldest first: by the date it takes effect (else its article's publication date), then by publication. Announced and threatened rates are here with their status; `ratePercent` only ever follows IN_EFFECT statements.",
  })
  history(@Root() tariff: TariffRecord, @Ctx() ctx: Context) {
    return ctx.loaders.tariffHistory.load(tariff.id);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "The rate in effect on that day by the sources: the dated IN_EFFECT steps (and pauses or withdrawals) on or before it, applied in order; a step dated only by month or year counts from its first day. Null when no such step precedes the day.",
  })
  async rateAsOf(
    @Root() tariff: TariffRecord,
    @Arg("date", () => DateResolver, { description: "The day asked about (`YYYY-MM-DD`)." }) date: Date,
    @Ctx() ctx: Context,
  ) {
    return rateAsOf(await ctx.loaders.tariffHistory.load(tariff.id), date.toISOString().slice(0, 10));
  }

  @FieldResolver(() => Boolean, {
    description: "True when sources give different rates in effect for the same time; `conflicts` shows them side by side.",
  })
  async disputed(@Root() tariff: TariffRecord, @Ctx() ctx: Context) {
    return tariffConflicts(await ctx.loaders.tariffHistory.load(tariff.id)).length > 0;
  }

  @FieldResolver(() => [TariffConflict], {
    description: "Each time for which sources give different rates in effect, with their statements; empty when they agree.",
  })
  async conflicts(@Root() tariff: TariffRecord, @Ctx() ctx: Context) {
    return tariffConflicts(await ctx.loaders.tariffHistory.load(tariff.id));
  }
}
