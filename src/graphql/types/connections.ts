// Relay connections for the paginated lists. One factory makes each Edge/Connection pair,
// so every list pages the same way: edges { cursor node }, nodes, pageInfo, totalCount.
import { Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { Article } from "./Article.js";
import { Person } from "./Person.js";

// Shareable: every subgraph with Relay connections defines this same PageInfo.
@Directive("@shareable")
@Directive(PUBLIC)
@ObjectType("PageInfo", { simpleResolvers: true, description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when more items follow this page; fetch them with `after: endCursor`." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when items come before this page (the request passed `after`)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of this page; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item of this page; pass it as `after` for the next page. Null when the page is empty.",
  })
  endCursor!: string | null;
}

/** The value a connection field resolves to. */
export interface ConnectionValue<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Given a node type, its name and its plural, returns the Connection object type of its pages
 * (and defines its Edge type), e.g. `PersonConnection` and `PersonEdge`.
 */
export function connectionOf<T extends object>(node: ClassType<T>, name: string, plural: string) {
  @Directive(PUBLIC)
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${name.toLowerCase()} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item; pass it as `after` to continue after it." })
    cursor!: string;

    @Field(() => node, { description: `The ${name.toLowerCase()}.` })
    node!: T;
  }

  @Directive(PUBLIC)
  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${plural}, Relay style.` })
  class Connection {
    @Field(() => [Edge], { description: `The ${plural} of this page with their cursors.` })
    edges!: Edge[];

    @Field(() => [node], { description: `The ${plural} of this page, without cursors.` })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Where this page sits in the whole list." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${plural} the whole list holds, across all pages.` })
    totalCount!: number;
  }
  return Connection;
}

export const ArticleConnection = connectionOf(Article, "Article", "articles");
export const PersonConnection = connectionOf(Person, "Person", "people");
