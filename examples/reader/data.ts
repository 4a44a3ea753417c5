// The reader team's own data: reading lists, bookmarks and travel advisories. It names news
// entities only by their keys (article and person ids, alpha-3 country codes); the gateway joins.

/** A news entity a reading list follows, by the key the reader team stores. */
export type SubjectRef = { type: "Article"; id: string } | { type: "Person"; id: string } | { type: "Country"; alpha3: string };

/** One entry of a reading list. */
export interface ReadingListItemRecord {
  subject: SubjectRef;
  /** ISO 8601 instant. */
  addedAt: string;
  note?: string | null;
}

/** A reader's list of things to follow. */
export interface ReadingListRecord {
  id: string;
  title: string;
  owner: string;
  /** ISO 8601 instant; lists are served newest first. */
  createdAt: string;
  items: ReadingListItemRecord[];
}

/** An article a reader saved. */
export interface BookmarkRecord {
  id: string;
  reader: string;
  articleId: string;
  /** ISO 8601 instant. */
  savedAt: string;
  note?: string | null;
}

/** Advice to readers travelling to a country, by alpha-3 code. */
export interface TravelAdvisoryRecord {
  alpha3: string;
  /** 1 (normal precautions) to 4 (do not travel). */
  level: 1 | 2 | 3 | 4;
  summary: string;
  /** ISO 8601 instant. */
  updatedAt: string;
}

/** Everything the reader subgraph serves. */
export interface ReaderData {
  readingLists: ReadingListRecord[];
  bookmarks: BookmarkRecord[];
  travelAdvisories: TravelAdvisoryRecord[];
}

const SUMMIT = "kyodo-20251028-takaichi-trump-summit";

/**
 * The demo data, pointing at the news subgraph's seed corpus (data/corpus.json). The advisories
 * are sample data for the demo, not travel advice. One bookmark names an article the news
 * service does not serve, as happens when a report is withdrawn.
 */
export const demoReaderData: ReaderData = {
  readingLists: [
    {
      id: "us-japan-trade",
      title: "U.S.–Japan trade",
      owner: "ayaka",
      createdAt: "2025-10-28T08:30:00Z",
      items: [
        {
          subject: { type: "Article", id: SUMMIT },
          addedAt: "2025-10-28T08:31:00Z",
          note: "The $550 billion pledge and the 15% auto tariff",
        },
        { subject: { type: "Person", id: "sanae-takaichi" }, addedAt: "2025-10-28T08:32:00Z" },
        { subject: { type: "Person", id: "donald-trump" }, addedAt: "2025-10-28T08:32:30Z" },
        { subject: { type: "Country", alpha3: "JPN" }, addedAt: "2025-10-28T08:33:00Z" },
        { subject: { type: "Country", alpha3: "USA" }, addedAt: "2025-10-28T08:33:10Z" },
      ],
    },
    {
      id: "indo-pacific-security",
      title: "Indo-Pacific security",
      owner: "ben",
      createdAt: "2025-10-27T19:00:00Z",
      items: [
        { subject: { type: "Country", alpha3: "CHN" }, addedAt: "2025-10-27T19:01:00Z" },
        { subject: { type: "Country", alpha3: "PRK" }, addedAt: "2025-10-27T19:01:30Z", note: "Missile programme" },
        { subject: { type: "Person", id: "xi-jinping" }, addedAt: "2025-10-27T19:02:00Z" },
        { subject: { type: "Article", id: SUMMIT }, addedAt: "2025-10-28T10:00:00Z", note: "Alliance deterrence" },
      ],
    },
  ],
  bookmarks: [
    { id: "bm-1", reader: "ayaka", articleId: SUMMIT, savedAt: "2025-10-28T09:12:00Z", note: "Read before the briefing" },
    { id: "bm-2", reader: "ben", articleId: SUMMIT, savedAt: "2025-10-28T10:05:00Z" },
    { id: "bm-3", reader: "chen", articleId: SUMMIT, savedAt: "2025-10-29T07:45:00Z" },
    { id: "bm-4", reader: "ben", articleId: "kyodo-20250301-withdrawn-report", savedAt: "2025-03-01T12:00:00Z", note: "Withdrawn since" },
  ],
  travelAdvisories: [
    { alpha3: "JPN", level: 1, summary: "Exercise normal precautions.", updatedAt: "2025-06-01T00:00:00Z" },
    { alpha3: "KOR", level: 1, summary: "Exercise normal precautions.", updatedAt: "2025-06-01T00:00:00Z" },
    { alpha3: "MYS", level: 1, summary: "Exercise normal precautions; more care in eastern Sabah.", updatedAt: "2025-06-01T00:00:00Z" },
    {
      alpha3: "CHN",
      level: 2,
      summary: "Exercise increased caution: local laws may be enforced arbitrarily.",
      updatedAt: "2025-06-01T00:00:00Z",
    },
    { alpha3: "PRK", level: 4, summary: "Do not travel.", updatedAt: "2025-06-01T00:00:00Z" },
  ],
};
