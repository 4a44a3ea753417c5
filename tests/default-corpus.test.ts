// The corpus `npm start` serves (data/corpus.json): the hand-made seed (data/seed.json) with its
// facts as they are, plus articles from data/articles/ about the 2025 steps of the tariffs and
// the agreement the seed names, so a reader can follow the Japan–U.S. auto tariff from 2.5 to
// 27.5 to 15 percent, source by source.
import { beforeAll, describe, expect, it } from "vitest";
import type { CorpusRecord } from "../src/corpus/format.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import { DEFAULT_CORPUS_PATH } from "../src/ops/config.js";
import { seedCorpus, startTestServer, type TestServer } from "./harness.js";

let corpus: CorpusRecord;
let seed: CorpusRecord;
let api: TestServer;
beforeAll(async () => {
  [corpus, seed] = await Promise.all([loadCorpusFile(DEFAULT_CORPUS_PATH), seedCorpus()]);
  api = await startTestServer(corpus);
});

describe("data/corpus.json keeps the seed's facts", () => {
  it("holds the seed article exactly as annotated, first", () => {
    expect(corpus.articles[0]).toEqual(seed.articles[0]);
    expect(corpus.articles.length).toBeGreaterThan(1);
  });

  it("keeps every seed entity's fields, evidence and stated rates; later sources only add", () => {
    const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
    const people = byId(corpus.people);
    for (const p of seed.people) {
      const now = people.get(p.id)!;
      expect({ ...now, roles: undefined }).toEqual({ ...p, roles: undefined });
      // A role keeps what the seed says of it; sources may add the sentences behind its dates.
      for (const r of p.roles) expect(now.roles.map(({ evidence: _, ...role }) => role)).toContainEqual(r);
    }
    expect(corpus.countries.filter((c) => seed.countries.some((s) => s.code === c.code)).map((c) => c.code)).toEqual(
      seed.countries.map((c) => c.code),
    );
    const agreements = byId(corpus.agreements);
    for (const a of seed.agreements) {
      const now = agreements.get(a.id)!;
      expect({ ...now, evidence: undefined, history: undefined, commitments: undefined }).toEqual({
        ...a,
        evidence: undefined,
        commitments: undefined,
      });
      expect(now.evidence.slice(0, a.evidence.length)).toEqual(a.evidence);
      expect(now.commitments.slice(0, a.commitments.length)).toEqual(a.commitments);
    }
    const tariffs = byId(corpus.tariffs);
    for (const t of seed.tariffs) {
      const now = tariffs.get(t.id)!;
      expect(now.evidence.slice(0, t.evidence.length)).toEqual(t.evidence);
      expect({ ...now, evidence: undefined, history: undefined, ratePercent: undefined, previousRatePercent: undefined }).toEqual({
        ...t,
        evidence: undefined,
        ratePercent: undefined,
        previousRatePercent: undefined,
      });
      // A rate the seed states stays the rate in effect (the seed is the latest report).
      if (t.ratePercent != null) expect([now.ratePercent, now.previousRatePercent]).toEqual([t.ratePercent, t.previousRatePercent]);
    }
  });
});

describe("the Japan–U.S. auto tariff in 2025, as the default corpus tells it", () => {
  it("goes 2.5 → 27.5 in April and 27.5 → 15 in September, each step with its sentence; the July announcement is not a rate in effect", async () => {
    const res = await api.query(`{ tariff(id: "us-tariff-japan-automobiles") {
      ratePercent previousRatePercent disputed
      history { status ratePercent previousRatePercent effective evidence { quote start end article { id publishedAt body } } } } }`);
    expect(res.errors).toBeUndefined();
    const { history, ...rates } = res.data.tariff;
    expect(rates).toEqual({ ratePercent: 15, previousRatePercent: 27.5, disputed: false });
    const steps = history.map((h: any) => [h.evidence.article.publishedAt.slice(0, 10), h.status, h.ratePercent, h.previousRatePercent]);
    expect(steps).toContainEqual(["2025-04-03", "IN_EFFECT", 27.5, 2.5]);
    expect(steps).toContainEqual(["2025-07-23", "ANNOUNCED", 15, 27.5]);
    expect(steps).toContainEqual(["2025-09-16", "IN_EFFECT", 15, 27.5]);
    const dates = steps.map((s: string[]) => s[0]);
    expect(dates).toEqual([...dates].sort());
    for (const h of history) expect(h.evidence.article.body.slice(h.evidence.start, h.evidence.end)).toBe(h.evidence.quote);
  });

  it.each([
    ["2025-03-01", null],
    ["2025-04-03", 27.5],
    ["2025-08-01", 27.5],
    ["2025-09-16", 15],
  ])("says the rate in effect on %s was %s", async (date, rate) => {
    const res = await api.query(`query($d: Date!) { tariff(id: "us-tariff-japan-automobiles") { rateAsOf(date: $d) } }`, { d: date });
    expect(res.errors).toBeUndefined();
    expect(res.data.tariff.rateAsOf).toBe(rate);
  });

  it("keeps July's threat against Japanese goods out of their rate, and follows the agreement from framework to force", async () => {
    const res =
      await api.query(`{ tariff(id: "us-tariff-japan-goods") { ratePercent rateAsOf(date: "2025-08-01") history { status ratePercent effective } }
      agreement(id: "japan-us-trade-agreement-2025") { status history { status effective } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.tariff.history).toContainEqual({ status: "THREATENED", ratePercent: 25, effective: "2025-08-01" });
    expect(res.data.tariff.ratePercent).toBe(15);
    expect(res.data.tariff.rateAsOf).toBeNull();
    expect(res.data.agreement).toEqual({
      status: "IN_FORCE",
      history: [
        { status: "FRAMEWORK", effective: "2025-07-22" },
        { status: "IN_FORCE", effective: "2025-09-16" },
      ],
    });
  });
});
