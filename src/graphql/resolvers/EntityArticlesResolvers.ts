// `articles` on every kind of entity: the articles that mention it, newest first, paginated Relay
// style. One factory makes the field for each entity type, so all four page the same way with
// the same arguments; the store does the listing (see articlesOfEntity).
import { Arg, Ctx, FieldResolver, Int, Resolver, Root, type ClassType } from "type-graphql";
import { Agreement } from "../types/Agreement.js";
import { ArticleConnection } from "../types/connections.js";
import { Country } from "../types/Country.js";
import { Person } from "../types/Person.js";
import { Tariff } from "../types/Tariff.js";
import type { Context } from "../context.js";
import type { AgreementRecord, CountryRecord, EntityType, PersonRecord, TariffRecord } from "../../corpus/format.js";
import { AFTER_DESCRIPTION, DEFAULT_PAGE_SIZE, FIRST_DESCRIPTION, articlesOfEntity } from "./pagination.js";

// Private: makes the resolver class that adds `articles` to one entity type, whose records are
// identified to the store by `idOf` (a country by its code, the others by their id).
function articlesResolverOf<R>(entity: ClassType, type: EntityType, idOf: (record: R) => string, description: string) {
  @Resolver(() => entity)
  class EntityArticlesResolver {
    @FieldResolver(() => ArticleConnection, { nullable: true, description: `${description} Null, with a \`BAD_USER_INPUT\` error naming the argument, when an argument is out of range; the rest of the answer is kept.` })
    articles(
      @Root() record: R,
      @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: FIRST_DESCRIPTION }) first: number | null,
      @Arg("after", () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
      @Ctx() ctx: Context,
    ) {
      return articlesOfEntity(ctx, type, idOf(record), first, after);
    }
  }
  return EntityArticlesResolver;
}

export const PersonArticlesResolver = articlesResolverOf(Person, "PERSON", (person: PersonRecord) => person.id, "Articles that mention the person, newest first.");
export const CountryArticlesResolver = articlesResolverOf(Country, "COUNTRY", (country: CountryRecord) => country.code, "Articles that mention the country as a state, newest first.");
export const AgreementArticlesResolver = articlesResolverOf(Agreement, "AGREEMENT", (agreement: AgreementRecord) => agreement.id, "Articles that mention the agreement, newest first.");
export const TariffArticlesResolver = articlesResolverOf(Tariff, "TARIFF", (tariff: TariffRecord) => tariff.id, "Articles that mention the tariff, newest first.");
