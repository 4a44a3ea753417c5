// Organization queries and the organization's relations, and the organization an office belongs
// to (Role.organization); `articles` and `timeline`, the same on every entity, are made by the
// factories in EntityArticlesResolvers.ts and TimelineResolvers.ts.
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { PUBLIC } from "../types/contract.js";
import { Organization, OrganizationConnection, OrganizationKind } from "../types/Organization.js";
import { Country } from "../types/Country.js";
import { Role } from "../types/Role.js";
import type { Context } from "../context.js";
import type { OrganizationRecord, RoleRecord } from "../../corpus/format.js";
import { KINDS } from "../../corpus/kinds.js";
import { loadPresent } from "../loaders.js";
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION, pageRequest, toConnection } from "./pagination.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Directive(PUBLIC)
  @Query(() => Organization, { nullable: true, description: "One organization by id; null when no organization has that id." })
  organization(
    @Arg("id", () => ID, { description: "The organization's id, e.g. `world-trade-organization`." }) id: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.organization.load(id);
  }

  @Directive(PUBLIC)
  @Query(() => OrganizationConnection, {
    description: "Organizations by name (A–Z), optionally only those whose name or alias contains `name`, or of one kind.",
  })
  async organizations(
    @Arg("name", () => String, {
      nullable: true,
      description: "Part of a name or alias; case and accents are ignored. Omit for every organization.",
    })
    name: string | null,
    @Arg("kind", () => OrganizationKind, { nullable: true, description: "Only organizations of this kind." }) kind: OrganizationKind | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.store.listByName(
      "ORGANIZATION",
      { name, category: kind },
      pageRequest(ctx, first, after, KINDS.ORGANIZATION.nameList.cursorTag),
    );
    return toConnection(page, await ctx.loaders.organization.loadMany(page.ids));
  }

  @FieldResolver(() => Country, {
    nullable: true,
    description: "The country it belongs to (a government body, a party) or is based in (a company); null for none.",
  })
  country(@Root() organization: OrganizationRecord, @Ctx() ctx: Context) {
    return organization.country ? ctx.loaders.country.load(organization.country) : null;
  }

  @FieldResolver(() => [Country], { description: "Its member states, for a body of states; empty otherwise." })
  members(@Root() organization: OrganizationRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.country, organization.members);
  }
}

@Resolver(() => Role)
export class RoleOrganizationResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description: "The organization whose office this is (`President of the European Commission`); null for none.",
  })
  organization(@Root() role: RoleRecord, @Ctx() ctx: Context) {
    return role.organizationId ? ctx.loaders.organization.load(role.organizationId) : null;
  }
}
