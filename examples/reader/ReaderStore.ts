// The reader subgraph's data access: indexes built once over its data, so every lookup a
// resolver makes is a map read. It knows nothing of GraphQL.
import type { BookmarkRecord, ReaderData, ReadingListRecord, TravelAdvisoryRecord } from "./data.js";

/** Read-only lookups over the reader team's data. */
export class ReaderStore {
  private readonly lists: ReadingListRecord[];
  private readonly listsById = new Map<string, ReadingListRecord>();
  private readonly bookmarksById = new Map<string, BookmarkRecord>();
  private readonly bookmarksByReader = new Map<string, BookmarkRecord[]>();
  private readonly bookmarkCounts = new Map<string, number>();
  private readonly advisories = new Map<string, TravelAdvisoryRecord>();

  constructor(data: ReaderData) {
    this.lists = [...data.readingLists].sort(newestFirst((l) => l.createdAt));
    for (const list of this.lists) this.listsById.set(list.id, list);
    for (const bookmark of [...data.bookmarks].sort(newestFirst((b) => b.savedAt))) {
      this.bookmarksById.set(bookmark.id, bookmark);
      const own = this.bookmarksByReader.get(bookmark.reader) ?? [];
      own.push(bookmark);
      this.bookmarksByReader.set(bookmark.reader, own);
      this.bookmarkCounts.set(bookmark.articleId, (this.bookmarkCounts.get(bookmark.articleId) ?? 0) + 1);
    }
    for (const advisory of data.travelAdvisories) this.advisories.set(advisory.alpha3, advisory);
  }

  /** Reading lists, newest first; only `owner`'s when given. */
  readingLists(owner?: string | null): ReadingListRecord[] {
    return owner == null ? this.lists : this.lists.filter((l) => l.owner === owner);
  }

  /** One reading list, or null. */
  readingList(id: string): ReadingListRecord | null {
    return this.listsById.get(id) ?? null;
  }

  /** One bookmark, or null. */
  bookmark(id: string): BookmarkRecord | null {
    return this.bookmarksById.get(id) ?? null;
  }

  /** A reader's bookmarks, newest first; empty for an unknown reader. */
  bookmarksOf(reader: string): BookmarkRecord[] {
    return this.bookmarksByReader.get(reader) ?? [];
  }

  /** How many bookmarks name the article. */
  bookmarkCount(articleId: string): number {
    return this.bookmarkCounts.get(articleId) ?? 0;
  }

  /** The advisory for a country by alpha-3 code (any case), or null. */
  travelAdvisory(alpha3: string): TravelAdvisoryRecord | null {
    return this.advisories.get(alpha3.toUpperCase()) ?? null;
  }
}

// Private: a comparator putting later ISO 8601 instants first (ISO strings sort as time).
function newestFirst<T>(instant: (item: T) => string) {
  return (a: T, b: T) => (instant(a) < instant(b) ? 1 : instant(a) > instant(b) ? -1 : 0);
}
