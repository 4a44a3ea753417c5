// Person queries and the person's relations; `articles` and `timeline`, the same on every entity,
// are made by the factories in EntityArticlesResolvers.ts and TimelineResolvers.ts.
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { PUBLIC } from "../types/contract.js";
import { Person } from "../types/Person.js";
import { Country } from "../types/Country.js";
import { PersonConnection } from "../types/connections.js";
import type { Context } from "../context.js";
import type { PersonRecord } from "../../corpus/format.js";
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION, pageRequest, toConnection } from "./pagination.js";

@Resolver(() => Person)
export class PersonResolver {
  @Directive(PUBLIC)
  @Query(() => Person, { nullable: true, description: "One person by id; null when no person has that id." })
  person(@Arg("id", () => ID, { description: "The person's id, e.g. `sanae-takaichi`." }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(id);
  }

  @Directive(PUBLIC)
  @Query(() => PersonConnection, {
    nullable: true,
    description:
      "People by name (A–Z), optionally only those whose name or alias contains `name`. Null, with a `BAD_USER_INPUT` error naming the argument, when an argument is out of range; the rest of the answer is kept.",
  })
  async people(
    @Arg("name", () => String, { nullable: true, description: "Part of a name or alias; case and accents are ignored. Omit for everyone." })
    name: string | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.store.listPeople(name, pageRequest(ctx, first, after, "p"));
    return toConnection(page, await ctx.loaders.person.loadMany(page.ids));
  }

  @FieldResolver(() => Country, { nullable: true, description: "The person's country of citizenship; null when unknown." })
  nationality(@Root() person: PersonRecord, @Ctx() ctx: Context) {
    return person.nationality ? ctx.loaders.country.load(person.nationality) : null;
  }
}
