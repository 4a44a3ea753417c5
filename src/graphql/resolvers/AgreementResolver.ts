// Agreement queries and the agreement's relations; `articles` and `timeline`, the same on every entity,
// are made by the factories in EntityArticlesResolvers.ts and TimelineResolvers.ts.
import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { PUBLIC } from "../types/contract.js";
import { Agreement } from "../types/Agreement.js";
import { Country } from "../types/Country.js";
import { Tariff } from "../types/Tariff.js";
import { Evidence } from "../types/Evidence.js";
import { AgreementKind, AgreementStatus } from "../types/enums.js";
import { AgreementStatusChange } from "../types/AgreementStatusChange.js";
import { currentStatus } from "../../corpus/agreementHistory.js";
import type { Context } from "../context.js";
import type { AgreementRecord } from "../../corpus/format.js";
import { loadPresent } from "../loaders.js";

@Resolver(() => Agreement)
export class AgreementResolver {
  @Directive(PUBLIC)
  @Query(() => Agreement, { nullable: true, description: "One agreement by id; null when no agreement has that id." })
  agreement(@Arg("id", () => ID, { description: "The agreement's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.agreement.load(id);
  }

  @Directive(PUBLIC)
  @Query(() => [Agreement], { description: "Agreements, optionally only those a country is party to and of one kind." })
  async agreements(
    @Arg("partyCode", () => String, { nullable: true, description: "Only agreements this country (ISO alpha-2, any case) is a party to." })
    partyCode: string | null,
    @Arg("kind", () => AgreementKind, { nullable: true, description: "Only agreements of this kind." }) kind: AgreementKind | null,
    @Ctx() ctx: Context,
  ) {
    return loadPresent(ctx.loaders.agreement, await ctx.store.listAgreements(partyCode?.toUpperCase(), kind));
  }

  @FieldResolver(() => [Country], { description: "The countries that are party to the agreement." })
  parties(@Root() agreement: AgreementRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.country, agreement.parties);
  }

  @FieldResolver(() => [Tariff], { description: "Tariffs set or changed under the agreement." })
  async tariffs(@Root() agreement: AgreementRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.tariff, await ctx.loaders.tariffsOfAgreement.load(agreement.id));
  }

  @FieldResolver(() => [Evidence], { description: "The sentences of articles that state the agreement and its terms." })
  evidence(@Root() agreement: AgreementRecord) {
    return agreement.evidence;
  }

  @FieldResolver(() => [AgreementStatusChange], {
    description:
      "Where the agreement stood over time, oldest first: each statement of its status (negotiating, framework, signed, in force…) with its evidence. Empty when the sources state none.",
  })
  history(@Root() agreement: AgreementRecord, @Ctx() ctx: Context) {
    return ctx.loaders.agreementHistory.load(agreement.id);
  }

  @FieldResolver(() => AgreementStatus, {
    nullable: true,
    description: "The status its latest step in `history` gives; null when the sources state none.",
  })
  async status(@Root() agreement: AgreementRecord, @Ctx() ctx: Context) {
    return currentStatus(await ctx.loaders.agreementHistory.load(agreement.id));
  }
}
