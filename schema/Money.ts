// A value type: an amount of money in a named currency.
import { Field, Float, ObjectType } from "type-graphql";

@ObjectType("Money", { description: "An amount of money. 550 billion dollars is `{ amount: 550000000000, currency: \"USD\" }`." })
export class Money {
  @Field(() => Float, { description: "The amount in whole units of the currency (not cents)." })
  amount!: number;

  @Field(() => String, { description: "ISO 4217 currency code, e.g. `USD`." })
  currency!: string;
}
