// The links out of value types (Role, Commitment, Evidence, Mention) to entities, through the loaders.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Role } from "../types/Role.js";
import { Commitment } from "../types/Commitment.js";
import { Evidence } from "../types/Evidence.js";
import { Mention } from "../types/Mention.js";
import { Country } from "../types/Country.js";
import { Article } from "../types/Article.js";
import { Entity } from "../types/Entity.js";
import type { Context } from "../context.js";
import { entityLoader } from "../loaders.js";
import type { CommitmentRecord, EvidenceRecord, MentionRecord, RoleRecord } from "../../corpus/format.js";

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Country, { nullable: true, description: "The country whose office this is; null for offices of no country." })
  country(@Root() role: RoleRecord, @Ctx() ctx: Context) {
    return role.country ? ctx.loaders.country.load(role.country) : null;
  }

  @FieldResolver(() => [Evidence], {
    description:
      'The sentences that state when the person took or left the office ("took office a week earlier"); empty when no source does.',
  })
  evidence(@Root() role: RoleRecord) {
    return role.evidence ?? [];
  }
}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => Country, { description: "The country that made the commitment." })
  party(@Root() commitment: CommitmentRecord, @Ctx() ctx: Context) {
    return ctx.loaders.country.load(commitment.party);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Article, { description: "The article the quote is taken from." })
  article(@Root() evidence: EvidenceRecord, @Ctx() ctx: Context) {
    return ctx.loaders.article.load(evidence.articleId);
  }
}

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => Entity, { description: "The entity the words refer to." })
  entity(@Root() mention: MentionRecord, @Ctx() ctx: Context) {
    return entityLoader(ctx.loaders, mention.entityType).load(mention.entityId);
  }
}
