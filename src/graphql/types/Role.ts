// A value type: an office a person holds or held. Its country is resolved in RoleResolver.
import { Directive, Field, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";

@Directive(PUBLIC)
@ObjectType("Role", { simpleResolvers: true, description: "An office a person holds or held, such as Prime Minister of Japan." })
export class Role {
  @Field(() => String, { description: "The title of the office, e.g. `Prime Minister`." })
  title!: string;

  @Field(() => Boolean, { description: "True while the person holds the office; false for a former office." })
  current!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "When the person took office: an ISO 8601 date, possibly partial (`2025`, `2025-10`, `2025-10-21`); null when unknown.",
  })
  start?: string | null;

  @Field(() => String, { nullable: true, description: "When the person left office, as `start`; null while in office or when unknown." })
  end?: string | null;
}
