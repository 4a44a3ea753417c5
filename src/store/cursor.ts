// Opaque keyset cursors. A cursor names the sort key of the last item seen, not an offset,
// so pages stay stable when articles are added by a reload and a database can seek with an index.

/** Thrown when a client sends a cursor this service did not issue (or one for another list). */
export class CursorError extends Error {
  override readonly name = "CursorError";
  constructor(readonly cursor: string) {
    super(`"${cursor}" is not a cursor from this list; pass an edge's cursor or pageInfo.endCursor unchanged`);
  }
}

/** Sort key of an article in every article list: newest first, undated last, then by id. */
export type ArticleSortKey = [publishedMs: number | null, id: string];
/** Sort key of an entity in a list by name (people, organizations): by folded name, then by id. */
export type NameSortKey = [foldedName: string, id: string];
/** A list's cursor tag: `a` for article lists; any other (`p` people, `o` organizations) for a list by name. */
type Keyed<K extends string> = K extends "a" ? ArticleSortKey : NameSortKey;

/** Given a list kind and an item's sort key, returns the opaque cursor for it. */
export function encodeCursor<K extends string>(kind: K, key: Keyed<K>): string {
  return Buffer.from(JSON.stringify([kind, ...key]), "utf8").toString("base64url");
}

/** Given a cursor and the list kind it must belong to, returns its sort key or throws CursorError. */
export function decodeCursor<K extends string>(kind: K, cursor: string): Keyed<K> {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new CursorError(cursor);
  }
  if (!Array.isArray(parts) || parts.length !== 3 || parts[0] !== kind || typeof parts[2] !== "string") {
    throw new CursorError(cursor);
  }
  const first = parts[1];
  const ok = kind === "a" ? first === null || Number.isFinite(first) : typeof first === "string";
  if (!ok) throw new CursorError(cursor);
  return [first, parts[2]] as Keyed<K>;
}

/** Orders article sort keys: newest first, undated last, ties by id ascending. */
export function compareArticleKeys(x: ArticleSortKey, y: ArticleSortKey): number {
  if (x[0] !== y[0]) {
    if (x[0] === null) return 1;
    if (y[0] === null) return -1;
    return y[0] - x[0];
  }
  return x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
}

/** Orders name sort keys: by folded name, ties by id. */
export function compareNameKeys(x: NameSortKey, y: NameSortKey): number {
  if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
}
