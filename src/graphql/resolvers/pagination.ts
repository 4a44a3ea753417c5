// Turning page arguments into store page requests and store pages into Relay connections.
// Out-of-range page sizes and foreign cursors are the client's errors and say how to fix them.
import { GraphQLError } from "graphql";
import type { Context } from "../context.js";
import type { ArticleRecord, EntityType } from "../../corpus/format.js";
import { CursorError, decodeCursor } from "../../store/cursor.js";
import type { Page, PageRequest } from "../../store/Store.js";
import type { ConnectionValue } from "../types/connections.js";

/** The page size when `first` is omitted or null. */
export const DEFAULT_PAGE_SIZE = 20;

/** Description shared by every `first` argument, so tooling shows the same rule everywhere. */
export const FIRST_DESCRIPTION =
  "How many items to return: 20 when omitted or null, at most the server's page-size limit (100 by default). Out of range is an error, never clamped.";
/** Description shared by every `after` argument. */
export const AFTER_DESCRIPTION = "Return items after this cursor (an edge's `cursor` or `pageInfo.endCursor`); omit for the first page.";

/**
 * Given `first`/`after` arguments and the list's cursor tag (`a` for articles, a kind's name-list tag), returns a store page request, or throws a
 * BAD_USER_INPUT error naming the argument, its value and what is allowed. The cursor is checked
 * here, per field, so one bad cursor never fails a batch shared with other fields.
 */
export function pageRequest(ctx: Context, firstArg: number | null, after: string | null | undefined, list: string): PageRequest {
  const first = checkedFirst(ctx, firstArg, DEFAULT_PAGE_SIZE, `Page through longer lists with "after".`);
  if (after != null) {
    try {
      decodeCursor(list, after);
    } catch (error) {
      if (!(error instanceof CursorError)) throw error;
      throw new GraphQLError(error.message, { extensions: { code: "BAD_USER_INPUT", argument: "after", value: after } });
    }
  }
  return { first, after: after ?? null };
}

/**
 * Given a `first` argument (null means the default), its default and a hint for the error,
 * returns the list size, or throws BAD_USER_INPUT when it is not between 1 and the page-size
 * limit. Every bounded list, paginated or not, checks its size here.
 */
export function checkedFirst(ctx: Context, firstArg: number | null, defaultSize: number, hint: string): number {
  // An explicit null means "the default", as if the argument were omitted.
  const first = firstArg ?? defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > ctx.maxPageSize) {
    throw new GraphQLError(`Argument "first" must be between 1 and ${ctx.maxPageSize}; got ${first}. ${hint}`, {
      extensions: { code: "BAD_USER_INPUT", argument: "first", value: first, min: 1, max: ctx.maxPageSize },
    });
  }
  return first;
}

/** Given a page of keys and their loaded nodes (same order, null for a vanished key), returns a connection. */
export function toConnection<T>(page: Page, nodes: readonly (T | null | Error)[]): ConnectionValue<T> {
  const edges: { cursor: string; node: T }[] = [];
  nodes.forEach((node, i) => {
    if (node != null && !(node instanceof Error)) edges.push({ cursor: page.cursors[i]!, node });
  });
  return {
    edges,
    nodes: edges.map((e) => e.node),
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The `articles` connection of any entity: one batched page lookup, then one batched article load. */
export async function articlesOfEntity(
  ctx: Context,
  type: EntityType,
  id: string,
  first: number | null,
  after: string | null | undefined,
): Promise<ConnectionValue<ArticleRecord>> {
  const page = await ctx.loaders.entityArticles.load({ type, id, ...pageRequest(ctx, first, after, "a") });
  return toConnection(page, await ctx.loaders.article.loadMany(page.ids));
}
