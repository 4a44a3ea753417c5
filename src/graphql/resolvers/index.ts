// Every resolver class of the subgraph, in one list for the schema builder.
// Imported first: a type lists its fields in the order their decorators ran, and Article has
// always listed its kinds' lists before ArticleResolver's own fields.
import { mentionedEntitiesResolvers } from "./MentionedEntitiesResolvers.js";
import type { ClassType } from "type-graphql";
import { ENTITY_KINDS } from "../../corpus/kinds.js";
import { KIND_TYPES } from "../kinds.js";
import { ArticleResolver } from "./ArticleResolver.js";
import { CommitmentResolver, EvidenceResolver, MentionResolver, RoleResolver } from "./ValueResolvers.js";
import { SearchResolver } from "./SearchResolver.js";
import { RelatedResolver } from "./RelatedResolver.js";
import { entityArticlesResolvers } from "./EntityArticlesResolvers.js";
import { timelineResolvers } from "./TimelineResolvers.js";

export const resolvers: [ClassType, ...ClassType[]] = [
  ArticleResolver,
  ...mentionedEntitiesResolvers,
  // Each kind's own queries and relations, from the kinds table.
  ...ENTITY_KINDS.flatMap((kind) => KIND_TYPES[kind].resolvers()),
  RoleResolver,
  CommitmentResolver,
  EvidenceResolver,
  MentionResolver,
  SearchResolver,
  RelatedResolver,
  // One resolver per kind of the kinds table for each of these fields. Articles before the
  // timelines: each entity type lists its fields in the order their resolvers come here.
  ...entityArticlesResolvers,
  ...timelineResolvers,
];
