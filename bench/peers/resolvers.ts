// The peers' resolvers: the subgraph's schema (schema/schema.graphql) resolved SDL-first, as a
// plain resolver map over the same store and DataLoaders as the service, without type-graphql.
// Every peer (Apollo Server, Mercurius, graphql-yoga) serves this one executable schema, so
// what differs between them and the service is the GraphQL stack alone.
// First: the type-graphql classes imported below (ArticleFilter, Entity) read decorator metadata as they load.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, type GraphQLSchema } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import type { Context } from "../../src/graphql/context.js";
import type {
  AgreementRecord,
  ArticleRecord,
  CountryRecord,
  EntityType,
  MentionRecord,
  OrganizationRecord,
  PersonRecord,
  RoleRecord,
  TariffRecord,
} from "../../src/corpus/format.js";
import { entityLoader, loadPresent } from "../../src/graphql/loaders.js";
import { ENTITY_KINDS, KINDS, kindSpec, type EntityKind } from "../../src/corpus/kinds.js";
import { entityFilters } from "../../src/graphql/types/ArticleFilter.js";
import type { EntityFilters } from "../../src/store/Store.js";
import { entitiesOfKind } from "../../src/store/articleEntities.js";
import { entityTypeName } from "../../src/graphql/types/Entity.js";
import type { ArticleEntities } from "../../src/store/Store.js";
import { articlesOfEntity, pageRequest, toConnection } from "../../src/graphql/resolvers/pagination.js";
import { referenceResolvers } from "../../src/graphql/resolvers/references.js";

type PageArgs = { first: number | null; after: string | null };
type ArticleFilterArgs = EntityFilters & {
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
};

/** The subgraph SDL the service generates; the peers build their schema from the same text. */
export const SUBGRAPH_SDL_FILE = new URL("../../schema/schema.graphql", import.meta.url);

/** Returns the peers' executable subgraph schema: the service's SDL with this file's resolvers. */
export function peerSchema(): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(readFileSync(SUBGRAPH_SDL_FILE, "utf8")), resolvers: resolvers as never });
}

// Private: the entities an article mentions, through the request's loader.
const entitiesOf = async (article: ArticleRecord, ctx: Context): Promise<ArticleEntities | null> =>
  ctx.loaders.articleEntities.load(article.id);

// Private: what every kind's type has the same way: its reference resolver and `articles`.
const entityFields = (kind: EntityKind) => ({
  ...referenceResolvers[KINDS[kind].typeName],
  articles: (record: never, args: PageArgs, ctx: Context) =>
    articlesOfEntity(ctx, kind, kindSpec(kind).key(record), args.first, args.after),
});

const resolvers = {
  DateTime: DateTimeResolver,
  Query: {
    article: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.article.load(args.id),
    articles: async (_: unknown, args: PageArgs & { filter?: ArticleFilterArgs | null }, ctx: Context) => {
      const request = pageRequest(ctx, args.first, args.after, "a");
      const f = args.filter;
      const page = await ctx.store.listArticles(
        {
          ...entityFilters(f),
          publishedAfter: f?.publishedAfter?.toISOString(),
          publishedBefore: f?.publishedBefore?.toISOString(),
        },
        request,
      );
      return toConnection(page, await ctx.loaders.article.loadMany(page.ids));
    },
    person: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.person.load(args.id),
    country: (_: unknown, args: { code: string }, ctx: Context) => ctx.loaders.country.load(args.code.toUpperCase()),
    agreement: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.agreement.load(args.id),
    tariff: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.tariff.load(args.id),
    organization: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.organization.load(args.id),
  },
  Article: {
    ...referenceResolvers.Article,
    // One list per kind of the kinds table, named after its section.
    ...Object.fromEntries(
      ENTITY_KINDS.map((kind) => [
        KINDS[kind].section,
        async (a: ArticleRecord, _: unknown, ctx: Context) => {
          const entities = await entitiesOf(a, ctx);
          return loadPresent(entityLoader(ctx.loaders, kind), entities ? entitiesOfKind(entities, kind) : []);
        },
      ]),
    ),
    mentions: async (a: ArticleRecord, args: { type?: EntityType | null }, ctx: Context) => {
      const mentions = (await entitiesOf(a, ctx))?.mentions ?? [];
      return args.type == null ? mentions : mentions.filter((m) => m.entityType === args.type);
    },
  },
  Person: {
    ...entityFields("PERSON"),
    nationality: (p: PersonRecord, _: unknown, ctx: Context) => (p.nationality ? ctx.loaders.country.load(p.nationality) : null),
  },
  Role: {
    country: (r: RoleRecord, _: unknown, ctx: Context) => (r.country ? ctx.loaders.country.load(r.country) : null),
    organization: (r: RoleRecord, _: unknown, ctx: Context) => (r.organizationId ? ctx.loaders.organization.load(r.organizationId) : null),
  },
  Country: {
    ...entityFields("COUNTRY"),
    leaders: async (c: CountryRecord, _: unknown, ctx: Context) => loadPresent(ctx.loaders.person, await ctx.loaders.leaders.load(c.code)),
    agreements: async (c: CountryRecord, _: unknown, ctx: Context) =>
      loadPresent(ctx.loaders.agreement, await ctx.loaders.agreementsOfCountry.load(c.code)),
    tariffsImposed: async (c: CountryRecord, _: unknown, ctx: Context) =>
      loadPresent(ctx.loaders.tariff, await ctx.loaders.tariffsImposedBy.load(c.code)),
    tariffsFaced: async (c: CountryRecord, _: unknown, ctx: Context) =>
      loadPresent(ctx.loaders.tariff, await ctx.loaders.tariffsFacedBy.load(c.code)),
  },
  Agreement: {
    ...entityFields("AGREEMENT"),
    parties: (a: AgreementRecord, _: unknown, ctx: Context) => loadPresent(ctx.loaders.country, a.parties),
    tariffs: async (a: AgreementRecord, _: unknown, ctx: Context) =>
      loadPresent(ctx.loaders.tariff, await ctx.loaders.tariffsOfAgreement.load(a.id)),
  },
  Commitment: {
    party: (c: { party: string }, _: unknown, ctx: Context) => ctx.loaders.country.load(c.party),
  },
  Tariff: {
    ...entityFields("TARIFF"),
    imposedBy: (t: TariffRecord, _: unknown, ctx: Context) => ctx.loaders.country.load(t.imposedBy),
    appliesTo: (t: TariffRecord, _: unknown, ctx: Context) => ctx.loaders.country.load(t.appliesTo),
    agreement: (t: TariffRecord, _: unknown, ctx: Context) => (t.agreementId ? ctx.loaders.agreement.load(t.agreementId) : null),
  },
  Organization: {
    ...entityFields("ORGANIZATION"),
    country: (o: OrganizationRecord, _: unknown, ctx: Context) => (o.country ? ctx.loaders.country.load(o.country) : null),
    members: (o: OrganizationRecord, _: unknown, ctx: Context) => loadPresent(ctx.loaders.country, o.members),
  },
  Evidence: {
    article: (e: { articleId: string }, _: unknown, ctx: Context) => ctx.loaders.article.load(e.articleId),
  },
  Mention: {
    entity: (m: MentionRecord, _: unknown, ctx: Context) => entityLoader(ctx.loaders, m.entityType).load(m.entityId),
  },
  Entity: {
    // The kind of the loader that loaded the record, as the service's union does (src/graphql/types/Entity.ts).
    __resolveType: (record: object) => entityTypeName(record),
  },
};
