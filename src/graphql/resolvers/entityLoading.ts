// Loading an entity of any kind by its key, through the request's loaders, so the hits of a
// search or a related panel cost one batch per kind of entity, however many there are.
import type { Context } from "../context.js";
import type { ArticleRecord } from "../../corpus/format.js";
import { storeKey, type AnyEntityRecord } from "../../corpus/kinds.js";
import type { SearchTarget } from "../../store/Store.js";
import { entityLoader } from "../loaders.js";

/** Any record a search or a related panel can show. */
export type EntityRecord = ArticleRecord | AnyEntityRecord;

/** Given a kind and a key (a country's code, in any case), returns the record, or null when it does not exist. */
export function loadEntity(ctx: Context, type: SearchTarget, id: string): Promise<EntityRecord | null> {
  if (type === "ARTICLE") return ctx.loaders.article.load(id);
  return entityLoader(ctx.loaders, type).load(storeKey(type, id));
}
