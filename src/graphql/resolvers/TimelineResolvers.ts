// `timeline` on every kind of entity: mentions per day, week or month over a range, for a
// chart. The range is checked here (its points count against the page-size limit); the
// counting is the store's, one batch for every timeline of a request. One factory makes the
// field for each kind of the kinds table, so all take the same arguments with the same descriptions.
import { GraphQLError } from "graphql";
import { DateResolver } from "graphql-scalars";
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import { PUBLIC } from "../types/contract.js";
import { TimelineInterval } from "../types/enums.js";
import { TimelinePoint } from "../types/TimelinePoint.js";
import type { Context } from "../context.js";
import { ENTITY_KINDS, kindSpec, type EntityKind, type EntityRecordOf } from "../../corpus/kinds.js";
import { KIND_TYPES } from "../kinds.js";
import { dayNumber, intervalCount } from "../../store/intervals.js";
import type { TimelinePointRecord } from "../../store/Store.js";

/** Points of a timeline whose range has an open end: a month of days, at most the page-size limit. */
export const DEFAULT_TIMELINE_POINTS = 30;

const TIMELINE =
  "Mentions of this entity per UTC day (or week, or month), one point per interval from `from` to `to`, zeros included, for a chart. Omit `to` for the day of the latest mention (with `from` given, for 30 intervals after it); omit `from` for 30 intervals before `to`. A range of more intervals than the page-size limit (100 by default) is an error: widen the interval instead. Null, with a `BAD_USER_INPUT` error naming the argument, when an argument is out of range; the rest of the answer is kept.";
const FROM = "First day of the range (UTC), inclusive.";
const TO = "Last day of the range (UTC), inclusive.";
const INTERVAL = "How much time each point covers: DAY when omitted.";

/**
 * Given an entity and the timeline arguments, returns its points, or throws BAD_USER_INPUT for a
 * range that ends before it starts or holds more points than the page-size limit.
 */
async function timelineOf(
  ctx: Context,
  type: EntityKind,
  id: string,
  from: Date | null,
  to: Date | null,
  interval: TimelineInterval,
): Promise<TimelinePointRecord[]> {
  const fromDay = from ? from.toISOString().slice(0, 10) : null;
  const toDay = to ? to.toISOString().slice(0, 10) : null;
  if (fromDay && toDay) {
    if (fromDay > toDay) {
      throw new GraphQLError(`Argument "from" (${fromDay}) is after "to" (${toDay}); a range must start before it ends.`, {
        extensions: { code: "BAD_USER_INPUT", argument: "from", value: fromDay },
      });
    }
    const points = intervalCount(dayNumber(fromDay), dayNumber(toDay), interval);
    if (points > ctx.maxPageSize) {
      throw new GraphQLError(
        `The range ${fromDay} to ${toDay} holds ${points} ${interval.toLowerCase()} points; at most ${ctx.maxPageSize} are allowed. Narrow the range or use a wider interval.`,
        {
          extensions: { code: "BAD_USER_INPUT", argument: "to", value: toDay, points, max: ctx.maxPageSize },
        },
      );
    }
  }
  const points = Math.min(DEFAULT_TIMELINE_POINTS, ctx.maxPageSize);
  return ctx.loaders.timeline.load({ type, id, from: fromDay, to: toDay, interval, points });
}

// Private: makes the resolver class that adds `timeline` to one kind's type.
function timelineResolverOf<K extends EntityKind>(kind: K): ClassType {
  const key = (record: EntityRecordOf[K]) => kindSpec(kind).key(record);
  @Resolver(KIND_TYPES[kind].type)
  class TimelineResolver {
    @Directive(PUBLIC)
    @FieldResolver(() => [TimelinePoint], { nullable: true, description: TIMELINE })
    timeline(
      @Root() record: EntityRecordOf[K],
      @Arg("from", () => DateResolver, { nullable: true, description: FROM }) from: Date | null,
      @Arg("to", () => DateResolver, { nullable: true, description: TO }) to: Date | null,
      @Arg("interval", () => TimelineInterval, { defaultValue: TimelineInterval.DAY, description: INTERVAL }) interval: TimelineInterval,
      @Ctx() ctx: Context,
    ) {
      return timelineOf(ctx, kind, key(record), from, to, interval);
    }
  }
  return TimelineResolver;
}

/** The `timeline` resolver of every kind, in the kinds table's order. */
export const timelineResolvers = ENTITY_KINDS.map((kind) => timelineResolverOf(kind));
