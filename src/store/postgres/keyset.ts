// The memory store's cursors, seen from SQL: an article cursor's [publishedMs, id] becomes a
// seek position on the (newest_first, id) index, and back again, so both stores issue and
// accept byte-identical cursors.
import { decodeCursor, encodeCursor } from "../cursor.js";

/** newest_first of an undated article: the largest bigint, so undated articles sort last. */
export const UNDATED = 9_223_372_036_854_775_807n;
const SMALLEST = -9_223_372_036_854_775_808n;
/** Sorts after every id (ids are lower-case ASCII; U+10FFFF is the highest code point). */
const AFTER_EVERY_ID = "\u{10FFFF}";

/** A position in the (newest_first, id) order: bigint as decimal text, as `pg` sends it. */
export interface SeekKey {
  newestFirst: string;
  id: string;
}

/** The position before every article: seeking past it returns the list from its start. */
export const START: SeekKey = { newestFirst: SMALLEST.toString(), id: "" };

/**
 * Given an article list cursor (already checked by the resolver, or throws CursorError), returns
 * the index position of the item it names. A cursor this service issued holds a whole number of
 * milliseconds; any other finite number still seeks to where the memory store would.
 */
export function articleSeekKey(cursor: string): SeekKey {
  const [ms, id] = decodeCursor("a", cursor);
  if (ms === null) return { newestFirst: UNDATED.toString(), id };
  const key = -ms;
  if (Number.isInteger(key)) return { newestFirst: clamp(BigInt(key)).toString(), id };
  // Between two whole keys: past every article at floor(key), before every one after it.
  return { newestFirst: clamp(BigInt(Math.floor(key))).toString(), id: AFTER_EVERY_ID };
}

/** Given an article's epoch milliseconds (null: undated) and id, returns the cursor the memory store gives it. */
export function articleCursor(publishedMs: number | null, id: string): string {
  return encodeCursor("a", [publishedMs, id]);
}

/** Given a name list's cursor tag and an entity's folded name and id, returns the cursor the memory store gives it. */
export function nameCursor(tag: string, foldedName: string, id: string): string {
  return encodeCursor(tag, [foldedName, id]);
}

/** Given epoch milliseconds (null: undated), returns the article's newest_first column value. */
export function newestFirst(publishedMs: number | null): string {
  return publishedMs === null ? UNDATED.toString() : (-BigInt(publishedMs)).toString();
}

// Private: keeps a key inside bigint, below the undated key (a date that far out is past them all anyway).
function clamp(key: bigint): bigint {
  return key < SMALLEST ? SMALLEST : key >= UNDATED ? UNDATED - 1n : key;
}
