// A value type: an amount of money in a named currency. Shareable: any subgraph that deals in
// money (prices, budgets, pledges) may define this same type, and the supergraph merges them.
import { Directive, Field, Float, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";

@Directive("@shareable")
@Directive(PUBLIC)
@ObjectType("Money", {
  simpleResolvers: true,
  description: 'An amount of money. 550 billion dollars is `{ amount: 550000000000, currency: "USD" }`.',
})
export class Money {
  @Field(() => Float, { description: "The amount in whole units of the currency (not cents)." })
  amount!: number;

  @Field(() => String, { description: "ISO 4217 currency code, e.g. `USD`." })
  currency!: string;
}
