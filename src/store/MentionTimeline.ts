// Mentions of an entity per UTC day, for timeline charts: an entity's days are counted on its
// first request (from the store's mention indexes) and kept as sorted arrays, so any range is a
// binary search and one pass over the days inside it.
import { addIntervals, dayNumber, intervalStart, isoDay } from "./intervals.js";
import type { MentionSource } from "./MentionSource.js";
import { RecentlyUsed } from "./RecentlyUsed.js";
import type { TimelineKey, TimelinePointRecord } from "./Store.js";

/** One entity's days with mentions, ascending, with the mention and article counts of each. */
export interface DaySeries {
  days: Int32Array;
  mentions: Int32Array;
  articles: Int32Array;
}

const DAY_MS = 86_400_000;
const CACHED_ENTITIES = 512;

/** Per-day mention counts over a store's mention indexes. Undated articles are on no timeline. */
export class MentionTimeline {
  private readonly series = new RecentlyUsed<DaySeries>(CACHED_ENTITIES);

  constructor(private readonly source: MentionSource) {}

  /**
   * Given a key, returns one point per interval touching the range, from the interval holding
   * its first day to the one holding its last, zeros included; counts only the days inside the
   * range. A missing end is filled as TimelineKey says; with neither end and no dated mention,
   * there are no points.
   */
  points(key: TimelineKey): TimelinePointRecord[] {
    return timelinePoints(
      this.series.get(`${key.type}:${key.id}`, () => this.count(key.type, key.id)),
      key,
    );
  }

  // Private: the entity's mentions and articles per day of publication.
  private count(type: string, id: string): DaySeries {
    const perDay = new Map<number, [mentions: number, articles: number]>();
    for (const articleId of this.source.articlesMentioning(`${type}:${id}`)) {
      const ms = this.source.publishedMs(articleId);
      if (ms === null) continue;
      const day = Math.floor(ms / DAY_MS);
      let mentions = 0;
      for (const m of this.source.entitiesOf(articleId).mentions) if (m.entityType === type && m.entityId === id) mentions++;
      const cell = perDay.get(day);
      if (cell) {
        cell[0] += mentions;
        cell[1] += 1;
      } else perDay.set(day, [mentions, 1]);
    }
    const sorted = [...perDay.entries()].sort((x, y) => x[0] - y[0]);
    return {
      days: Int32Array.from(sorted, ([day]) => day),
      mentions: Int32Array.from(sorted, ([, [m]]) => m),
      articles: Int32Array.from(sorted, ([, [, a]]) => a),
    };
  }
}

/**
 * Given an entity's day series and a timeline key, returns the key's points: one per interval
 * touching the range (see {@link MentionTimeline.points}). Shared by every store, so timelines
 * agree to the point whichever store counted the days.
 */
export function timelinePoints(series: DaySeries, key: TimelineKey): TimelinePointRecord[] {
  const { interval } = key;
  let from = key.from != null ? dayNumber(key.from) : null;
  let to = key.to != null ? dayNumber(key.to) : null;
  if (from === null && to === null) {
    if (series.days.length === 0) return [];
    to = series.days[series.days.length - 1]!;
  }
  if (from === null) from = addIntervals(intervalStart(to!, interval), 1 - key.points, interval);
  if (to === null) to = addIntervals(intervalStart(from, interval), key.points, interval) - 1;

  const points: TimelinePointRecord[] = [];
  let i = lowerBound(series.days, from);
  for (let start = intervalStart(from, interval); start <= to; start = addIntervals(start, 1, interval)) {
    const end = Math.min(addIntervals(start, 1, interval) - 1, to);
    let count = 0;
    let articleCount = 0;
    for (; i < series.days.length && series.days[i]! <= end; i++) {
      count += series.mentions[i]!;
      articleCount += series.articles[i]!;
    }
    points.push({ date: isoDay(start), count, articleCount });
  }
  return points;
}

// Private: the first index whose value is >= target in an ascending array.
function lowerBound(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
