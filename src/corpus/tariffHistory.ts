// What a tariff's observations say, read the same way by the validator, both stores and the
// ingestion merge: the history a record holds (or the one step its rate fields imply), the rate
// in effect on a day, the latest rate in effect and the one before it, and where sources disagree.
import type { EvidenceRecord, TariffChangeRecord, TariffRecord, TariffStatus } from "./format.js";
import { firstDay, observedDate, orderObservations, sameTime } from "./observations.js";

/**
 * A tariff observation as histories hold it: every optional field present (null when not
 * stated), with its article's publication time. Both stores build it with {@link observeTariffChange}.
 */
export interface ObservedTariffChange {
  ratePercent: number | null;
  previousRatePercent: number | null;
  status: TariffStatus;
  effective: string | null;
  evidence: EvidenceRecord;
  /** `publishedAt` of the evidence's article, or null when it has none. */
  published: string | null;
}

/** Given a corpus observation and its article's publication time, returns it as histories hold it. */
export function observeTariffChange(change: TariffChangeRecord, published: string | null): ObservedTariffChange {
  const { articleId, quote, start, end } = change.evidence;
  return {
    ratePercent: change.ratePercent ?? null,
    previousRatePercent: change.previousRatePercent ?? null,
    status: change.status,
    effective: change.effective ?? null,
    evidence: { articleId, quote, start, end },
    published,
  };
}

/** The rate in effect and the one before it, after some steps. */
export interface RateState {
  ratePercent: number | null;
  previousRatePercent: number | null;
}

/** Observations that give different rates in effect for the same time (usually from different sources). */
export interface TariffConflict {
  /** The date they speak for (the least precise of theirs, e.g. `2025-09`). */
  date: string;
  /** The observations, oldest first, each with its evidence. */
  changes: ObservedTariffChange[];
}

/**
 * Given a tariff record, returns the observations it holds: its `history` when non-empty, else
 * one IN_EFFECT observation derived from `ratePercent`, `previousRatePercent` and its first
 * evidence (so a corpus written before histories existed reads the same), else none.
 */
export function tariffChanges(tariff: TariffRecord): TariffChangeRecord[] {
  if (tariff.history !== undefined && tariff.history.length > 0) return tariff.history;
  if (tariff.ratePercent == null) return [];
  return [
    {
      ratePercent: tariff.ratePercent,
      previousRatePercent: tariff.previousRatePercent ?? null,
      status: "IN_EFFECT",
      effective: null,
      evidence: tariff.evidence[0],
    },
  ];
}

/**
 * Given a tariff record and a lookup of article publication times, returns its history oldest
 * first (orderObservations' order), each observation carrying its article's publication time.
 */
export function tariffHistory(tariff: TariffRecord, publishedAt: (articleId: string) => string | null): ObservedTariffChange[] {
  return orderObservations(tariffChanges(tariff).map((c) => observeTariffChange(c, publishedAt(c.evidence.articleId))));
}

/**
 * Given a history oldest first, returns the latest rate in effect and the one before it: what
 * `Tariff.ratePercent` and `previousRatePercent` mean. Announced and threatened rates never count.
 */
export function currentRates(history: readonly ObservedTariffChange[]): RateState {
  return history.reduce(step, { ratePercent: null, previousRatePercent: null });
}

/**
 * Given a history oldest first and a day (`YYYY-MM-DD`), returns the rate in effect that day by
 * the sources: the steps dated on or before it applied in order (a partial date counts from its
 * first day), or null when no dated step in effect precedes it.
 */
export function rateAsOf(history: readonly ObservedTariffChange[], day: string): number | null {
  let state: RateState = { ratePercent: null, previousRatePercent: null };
  for (const change of history) {
    const date = observedDate(change);
    if (date === null) continue;
    if (firstDay(date) > day) break;
    state = step(state, change);
  }
  return state.ratePercent;
}

/**
 * Given a history oldest first, returns each group of IN_EFFECT observations that speak for the
 * same time (sameTime) yet give different rates, oldest group first. Empty when sources agree.
 * Nothing is resolved: every observation keeps its evidence, and the history still holds them all.
 */
export function tariffConflicts(history: readonly ObservedTariffChange[]): TariffConflict[] {
  const stated = history.filter((c) => c.status === "IN_EFFECT" && c.ratePercent != null && observedDate(c) !== null);
  const conflicts: TariffConflict[] = [];
  const used = new Set<ObservedTariffChange>();
  for (const first of stated) {
    if (used.has(first)) continue;
    // Everything that overlaps the group so far (a day overlaps its month, the month the year).
    const group = [first];
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of stated) {
        if (!group.includes(c) && !used.has(c) && group.some((g) => sameTime(observedDate(g), observedDate(c)))) {
          group.push(c);
          grew = true;
        }
      }
    }
    if (new Set(group.map((c) => c.ratePercent)).size < 2) continue;
    group.forEach((c) => used.add(c));
    const dates = group.map((c) => observedDate(c)!);
    conflicts.push({ date: dates.reduce((a, b) => (b.length < a.length ? b : a)), changes: history.filter((c) => group.includes(c)) });
  }
  return conflicts;
}

// Private: the rates after one more observation. IN_EFFECT with a rate sets it (the stated
// previous rate, else the one it replaces, becomes the previous); PAUSED or WITHDRAWN of the rate
// in effect (or of the whole tariff) ends it, and the rate it states as applying again, if any,
// takes over. ANNOUNCED and THREATENED change nothing.
function step(state: RateState, change: ObservedTariffChange): RateState {
  const rate = change.ratePercent;
  const previous = change.previousRatePercent;
  switch (change.status) {
    case "IN_EFFECT":
      if (rate === null) return state;
      if (rate === state.ratePercent) return { ratePercent: rate, previousRatePercent: state.previousRatePercent ?? previous };
      return { ratePercent: rate, previousRatePercent: previous ?? state.ratePercent };
    case "PAUSED":
    case "WITHDRAWN":
      if (state.ratePercent === null || (rate !== null && rate !== state.ratePercent)) return state;
      return { ratePercent: previous, previousRatePercent: state.ratePercent };
    case "ANNOUNCED":
    case "THREATENED":
      return state;
  }
}
