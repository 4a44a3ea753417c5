// The reader subgraph's resolvers: thin, they ask the ReaderStore. News entities are returned
// as references (`{ __typename, id }`), which the gateway completes from the news subgraph.
import { GraphQLError } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import type { BookmarkRecord, ReadingListItemRecord, SubjectRef } from "./data.js";
import { readingTimeMinutes } from "./readingTime.js";
import type { ReaderStore } from "./ReaderStore.js";

/** What the gateway sends for an Article: its key, plus `wordCount` because of @requires. */
interface ArticleRepresentation {
  id: string;
  wordCount?: number;
}

/** Given the store, returns the resolver map for buildSubgraphSchema. */
export function readerResolvers(store: ReaderStore) {
  return {
    DateTime: DateTimeResolver,
    Query: {
      readingLists: (_: unknown, args: { owner?: string | null }) => store.readingLists(args.owner),
      readingList: (_: unknown, args: { id: string }) => store.readingList(args.id),
      bookmarks: (_: unknown, args: { reader: string }) => store.bookmarksOf(args.reader),
    },
    ReadingList: {
      __resolveReference: (ref: { id: string }) => store.readingList(ref.id),
    },
    ReadingListItem: {
      subject: (item: ReadingListItemRecord) => reference(item.subject),
    },
    ReadingSubject: {
      __resolveType: (ref: { __typename: string }) => ref.__typename,
    },
    Bookmark: {
      __resolveReference: (ref: { id: string }) => store.bookmark(ref.id),
      article: (bookmark: BookmarkRecord) => reference({ type: "Article", id: bookmark.articleId }),
    },
    Article: {
      // Every Article field here is computed from the representation itself.
      __resolveReference: (ref: ArticleRepresentation) => ref,
      bookmarkCount: (article: ArticleRepresentation) => store.bookmarkCount(article.id),
      readingTimeMinutes: (article: ArticleRepresentation) => {
        // @requires guarantees the gateway sent it; a direct caller that did not is told so.
        if (article.wordCount == null) {
          throw new GraphQLError("readingTimeMinutes needs the article's wordCount in the representation (@requires).", {
            extensions: { code: "BAD_USER_INPUT" },
          });
        }
        return readingTimeMinutes(article.wordCount);
      },
    },
    Country: {
      __resolveReference: (ref: { alpha3: string }) => ref,
      travelAdvisory: (country: { alpha3: string }) => store.travelAdvisory(country.alpha3),
    },
  };
}

// Private: a news entity as a federation reference, for the gateway to resolve.
function reference(subject: SubjectRef) {
  return subject.type === "Country" ? { __typename: "Country", alpha3: subject.alpha3 } : { __typename: subject.type, id: subject.id };
}
