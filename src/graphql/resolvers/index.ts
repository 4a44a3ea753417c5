// Every resolver class of the subgraph, in one list for the schema builder.
import { ArticleResolver } from "./ArticleResolver.js";
import { PersonResolver } from "./PersonResolver.js";
import { CountryResolver } from "./CountryResolver.js";
import { AgreementResolver } from "./AgreementResolver.js";
import { TariffResolver } from "./TariffResolver.js";
import { CommitmentResolver, EvidenceResolver, MentionResolver, RoleResolver } from "./ValueResolvers.js";
import { SearchResolver } from "./SearchResolver.js";
import { RelatedResolver } from "./RelatedResolver.js";
import { AgreementArticlesResolver, CountryArticlesResolver, PersonArticlesResolver, TariffArticlesResolver } from "./EntityArticlesResolvers.js";
import { AgreementTimelineResolver, CountryTimelineResolver, PersonTimelineResolver, TariffTimelineResolver } from "./TimelineResolvers.js";

export const resolvers = [
  ArticleResolver,
  PersonResolver,
  CountryResolver,
  AgreementResolver,
  TariffResolver,
  RoleResolver,
  CommitmentResolver,
  EvidenceResolver,
  MentionResolver,
  SearchResolver,
  RelatedResolver,
  // Before the timelines: each entity type lists its fields in the order their resolvers come here.
  PersonArticlesResolver,
  CountryArticlesResolver,
  AgreementArticlesResolver,
  TariffArticlesResolver,
  PersonTimelineResolver,
  CountryTimelineResolver,
  AgreementTimelineResolver,
  TariffTimelineResolver,
] as const;
