// The Person entity: someone named in the news, with the offices they hold or held.
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { Role } from "./Role.js";

@Directive(`@key(fields: "id")`)
@Directive(PUBLIC)
@ObjectType("Person", { simpleResolvers: true, description: "A person named in the news, such as a head of government." })
export class Person {
  @Field(() => ID, { description: "Stable id, e.g. `sanae-takaichi`." })
  id!: string;

  @Field(() => String, { description: "Full name in the order the news uses, e.g. `Sanae Takaichi`." })
  name!: string;

  @Field(() => [String], { description: "Other names the text uses for this person, e.g. `Takaichi`. Empty when none." })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "One or two sentences on who this is; null when none was written." })
  description?: string | null;

  @Field(() => [Role], { description: "Offices held, current and former, in no particular order. Empty when none is known." })
  roles!: Role[];
}
