// Facts over time, through a started server on either store: a tariff's observations in order
// with their evidence, the rate in effect on a day, announced and threatened rates kept out of
// ratePercent, disagreeing sources both shown, agreement status steps, role evidence, and what
// ingestion could not resolve. The articles are short reports written for this test.
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleRecord, CorpusRecord, EvidenceRecord } from "../src/corpus/format.js";
import { validateCorpus } from "../src/corpus/validate.js";
import { emptyCorpus, ingestTexts } from "../tools/ingest/pipeline.js";
import { startTestServer, type TestServer } from "./harness.js";

/** An article with no mentions; the lead is its first sentence. */
function article(id: string, publishedAt: string, source: string, body: string): ArticleRecord {
  return { id, publishedAt, source, headline: null, lead: body.slice(0, body.indexOf(". ") + 1) || body, body, mentions: [] };
}

/** The evidence span of the sentence of `a` that contains `words` (a full stop after "U.S", "Oct" or "Sept" ends none). */
function sentence(a: ArticleRecord, words: string): EvidenceRecord {
  const at = a.body.indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in ${a.id}`);
  const ends = [...a.body.matchAll(/(?<!U\.S|Oct|Sept)\.(?= |$)/g)].map((m) => m.index + 1);
  const end = ends.find((e) => e > at)!;
  const start =
    ends
      .filter((e) => e <= at)
      .map((e) => e + 1)
      .at(-1) ?? 0;
  return { articleId: a.id, quote: a.body.slice(start, end), start, end };
}

const april = article(
  "wire-20250403-auto-tariff",
  "2025-04-03T09:00:00+09:00",
  "Tiny Wire",
  "Washington began charging a 27.5 percent tariff on cars from Japan on Thursday, up from 2.5 percent. Exporters said the higher duty would cost them dearly.",
);
const july = article(
  "wire-20250723-trade-deal",
  "2025-07-23T08:00:00+09:00",
  "Tiny Wire",
  "Japan and the United States agreed on a trade framework on Tuesday. Under it the U.S. tariff on Japanese cars will fall to 15 percent.",
);
const threat = article(
  "wire-20250702-goods-threat",
  "2025-07-02T07:00:00+09:00",
  "Tiny Wire",
  "The U.S. president said Japanese goods could face a 35 percent tariff if talks failed.",
);
const september = article(
  "wire-20250916-auto-cut",
  "2025-09-16T18:00:00+09:00",
  "Tiny Wire",
  "The lower U.S. tariff of 15 percent on Japanese cars took effect on Tuesday, replacing the 27.5 percent rate. The two governments had signed the deal's implementing memorandum on Sept. 4.",
);
const steelHigh = article(
  "wire-20250604-steel",
  "2025-06-04T12:00:00+09:00",
  "Tiny Wire",
  "A U.S. tariff of 50 percent on Japanese steel applied from Wednesday.",
);
const steelLow = article(
  "daily-20250605-steel",
  "2025-06-05T06:00:00+09:00",
  "Other Daily",
  "Officials in Tokyo said the U.S. steel tariff stood at 25 percent on Wednesday.",
);
const october = article(
  "wire-20251028-summit",
  "2025-10-28T12:00:00+09:00",
  "Tiny Wire",
  "Sanae Takaichi, who took office as prime minister on Oct. 21, met the U.S. president in Tokyo.",
);

/** A corpus holding every kind of step, the rate fields what the histories give (the validator checks). */
function historyCorpus(): CorpusRecord {
  const corpus: CorpusRecord = {
    version: 1,
    // Listed out of date order on purpose: order comes from the dates, not the file.
    articles: [september, april, steelLow, july, threat, steelHigh, october],
    countries: [
      { code: "JP", name: "Japan", aliases: ["Japanese", "Tokyo"] },
      { code: "US", name: "United States", aliases: ["U.S.", "Washington"] },
    ],
    people: [
      {
        id: "sanae-takaichi",
        name: "Sanae Takaichi",
        aliases: [],
        nationality: "JP",
        roles: [
          {
            title: "Prime Minister",
            country: "JP",
            current: true,
            start: "2025-10-21",
            end: null,
            evidence: [sentence(october, "took office")],
          },
        ],
      },
    ],
    agreements: [
      {
        id: "japan-us-trade-agreement-2025",
        name: "Japan-U.S. trade agreement",
        kind: "TRADE",
        parties: ["JP", "US"],
        concluded: "2025-07",
        commitments: [],
        evidence: [sentence(july, "trade framework")],
        history: [
          { status: "SIGNED", effective: "2025-09-04", evidence: sentence(september, "signed") },
          { status: "FRAMEWORK", effective: "2025-07-22", evidence: sentence(july, "trade framework") },
        ],
      },
    ],
    tariffs: [
      {
        id: "us-tariff-japan-automobiles",
        imposedBy: "US",
        appliesTo: "JP",
        product: "automobiles",
        ratePercent: 15,
        previousRatePercent: 27.5,
        agreementId: "japan-us-trade-agreement-2025",
        evidence: [sentence(april, "27.5 percent"), sentence(july, "will fall"), sentence(september, "took effect")],
        history: [
          {
            ratePercent: 15,
            previousRatePercent: 27.5,
            status: "IN_EFFECT",
            effective: "2025-09-16",
            evidence: sentence(september, "took effect"),
          },
          { ratePercent: 15, previousRatePercent: null, status: "ANNOUNCED", effective: null, evidence: sentence(july, "will fall") },
          {
            ratePercent: 27.5,
            previousRatePercent: 2.5,
            status: "IN_EFFECT",
            effective: "2025-04-03",
            evidence: sentence(april, "27.5 percent"),
          },
        ],
      },
      {
        id: "us-tariff-japan-goods",
        imposedBy: "US",
        appliesTo: "JP",
        product: "goods",
        ratePercent: null,
        previousRatePercent: null,
        evidence: [sentence(threat, "35 percent")],
        history: [
          { ratePercent: 35, previousRatePercent: null, status: "THREATENED", effective: null, evidence: sentence(threat, "35 percent") },
        ],
      },
      {
        id: "us-tariff-japan-steel",
        imposedBy: "US",
        appliesTo: "JP",
        product: "steel",
        ratePercent: 25,
        previousRatePercent: 50,
        evidence: [sentence(steelHigh, "50 percent"), sentence(steelLow, "25 percent")],
        history: [
          { ratePercent: 50, status: "IN_EFFECT", effective: "2025-06-04", evidence: sentence(steelHigh, "50 percent") },
          { ratePercent: 25, status: "IN_EFFECT", effective: "2025-06-04", evidence: sentence(steelLow, "25 percent") },
        ],
      },
    ],
  };
  corpus.articles.find((a) => a.id === april.id)!.unresolved = [
    {
      entityType: "TARIFF",
      text: "the higher duty",
      start: april.body.indexOf("the higher duty"),
      end: april.body.indexOf("the higher duty") + 15,
      reason: "no product or target country stated",
    },
  ];
  return validateCorpus(JSON.parse(JSON.stringify(corpus)), "history corpus");
}

const STEP = `ratePercent previousRatePercent status effective evidence { quote start end article { id publishedAt } }`;

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer(historyCorpus());
});

describe("a tariff's history", () => {
  it("holds every statement oldest first, by effective date, else publication, each with its evidence", async () => {
    const res = await api.query(`{ tariff(id: "us-tariff-japan-automobiles") { ratePercent previousRatePercent history { ${STEP} } } }`);
    expect(res.errors).toBeUndefined();
    const { history } = res.data.tariff;
    expect(history.map((h: any) => [h.status, h.ratePercent, h.previousRatePercent, h.effective, h.evidence.article.id])).toEqual([
      ["IN_EFFECT", 27.5, 2.5, "2025-04-03", april.id],
      ["ANNOUNCED", 15, null, null, july.id],
      ["IN_EFFECT", 15, 27.5, "2025-09-16", september.id],
    ]);
    const bodies = new Map([april, july, september].map((a) => [a.id, a.body]));
    for (const h of history) expect(bodies.get(h.evidence.article.id)!.slice(h.evidence.start, h.evidence.end)).toBe(h.evidence.quote);
    // Existing clients keep their meaning: the latest rate in effect and the one before it.
    expect(res.data.tariff).toMatchObject({ ratePercent: 15, previousRatePercent: 27.5 });
  });

  it.each([
    ["2025-03-31", null], // before the first dated step in effect
    ["2025-04-03", 27.5], // the day it took effect
    ["2025-08-01", 27.5], // announced in July, not yet in effect
    ["2025-09-15", 27.5],
    ["2025-09-16", 15],
    ["2026-01-01", 15],
  ])("answers rateAsOf(%s) with %s", async (date, rate) => {
    const res = await api.query(`query($d: Date!) { tariff(id: "us-tariff-japan-automobiles") { rateAsOf(date: $d) } }`, { d: date });
    expect(res.errors).toBeUndefined();
    expect(res.data.tariff.rateAsOf).toBe(rate);
  });

  it("refuses a rateAsOf date that is not a calendar date, naming the argument", async () => {
    const res = await api.query(`{ tariff(id: "us-tariff-japan-automobiles") { rateAsOf(date: "2025-02-30") } }`);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("never shows a threatened rate as ratePercent, and keeps it in the history", async () => {
    const res = await api.query(
      `{ tariff(id: "us-tariff-japan-goods") { ratePercent previousRatePercent rateAsOf(date: "2025-12-31") disputed history { status ratePercent } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.tariff).toEqual({
      ratePercent: null,
      previousRatePercent: null,
      rateAsOf: null,
      disputed: false,
      history: [{ status: "THREATENED", ratePercent: 35 }],
    });
  });

  it("shows two sources that disagree about the same day side by side, both with their evidence", async () => {
    const res = await api.query(
      `{ tariff(id: "us-tariff-japan-steel") { disputed conflicts { date changes { ${STEP} } } history { ratePercent } } }`,
    );
    expect(res.errors).toBeUndefined();
    const { disputed, conflicts, history } = res.data.tariff;
    expect(disputed).toBe(true);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].date).toBe("2025-06-04");
    expect(conflicts[0].changes.map((c: any) => [c.ratePercent, c.evidence.article.id, c.evidence.quote])).toEqual([
      [50, steelHigh.id, steelHigh.body],
      [25, steelLow.id, steelLow.body],
    ]);
    expect(history.map((h: any) => h.ratePercent)).toEqual([50, 25]);
  });

  it("is not disputed when the sources agree or speak of different times", async () => {
    const res = await api.query(`{ tariff(id: "us-tariff-japan-automobiles") { disputed conflicts { date } } }`);
    expect(res.data.tariff).toEqual({ disputed: false, conflicts: [] });
  });

  it("loads the histories of a list of tariffs in one batch per level", async () => {
    api.resetBatches();
    const res = await api.query(`{ tariffs { id history { status } rateAsOf(date: "2025-08-01") disputed conflicts { date } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.tariffs).toHaveLength(3);
    expect(api.batches.filter((b) => b.loader === "tariffHistory")).toEqual([{ loader: "tariffHistory", size: 3 }]);
  });
});

describe("an agreement's status history", () => {
  it("holds its steps oldest first with evidence, and its status is the latest step's", async () => {
    const res = await api.query(
      `{ agreement(id: "japan-us-trade-agreement-2025") { status history { status effective evidence { quote article { id } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.agreement.status).toBe("SIGNED");
    expect(res.data.agreement.history).toEqual([
      {
        status: "FRAMEWORK",
        effective: "2025-07-22",
        evidence: { quote: sentence(july, "trade framework").quote, article: { id: july.id } },
      },
      {
        status: "SIGNED",
        effective: "2025-09-04",
        evidence: { quote: sentence(september, "signed").quote, article: { id: september.id } },
      },
    ]);
  });
});

describe("a role's start with its evidence", () => {
  it("says when the person took office and which sentence says so", async () => {
    const res = await api.query(`{ person(id: "sanae-takaichi") { roles { title start end evidence { quote article { id } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.person.roles).toEqual([
      { title: "Prime Minister", start: "2025-10-21", end: null, evidence: [{ quote: october.body, article: { id: october.id } }] },
    ]);
  });
});

describe("an article's unresolved references", () => {
  it("lists what ingestion could not tie to an entity, each span its body slice; none for an article without", async () => {
    const res = await api.query(
      `{ a: article(id: "${april.id}") { body unresolved { entityType text start end reason } } b: article(id: "${july.id}") { unresolved { text } } }`,
    );
    expect(res.errors).toBeUndefined();
    const [u] = res.data.a.unresolved;
    expect(u).toMatchObject({ entityType: "TARIFF", text: "the higher duty", reason: "no product or target country stated" });
    expect(res.data.a.body.slice(u.start, u.end)).toBe(u.text);
    expect(res.data.b.unresolved).toEqual([]);
  });
});

describe("two ingested articles stating the same tariff months apart", () => {
  let ingested: TestServer;
  beforeAll(async () => {
    const text = (dateline: string, body: string) => `Copyright Tiny Wire\n\n${dateline} - ${body}\n`;
    let { corpus } = ingestTexts(
      emptyCorpus(),
      [
        {
          file: "april.txt",
          text: text(
            "WASHINGTON",
            "The United States raised its tariff on Japanese automobiles to 27.5 percent from 2.5 percent on Thursday. Carmakers in Japan warned of lost sales.",
          ),
        },
      ],
      { published: "2025-04-03" },
    );
    ({ corpus } = ingestTexts(
      corpus,
      [
        {
          file: "september.txt",
          text: text(
            "TOKYO",
            "The United States cut its tariff on Japanese automobiles to 15 percent from 27.5 percent on Tuesday. Toyota welcomed the cut.",
          ),
        },
      ],
      { published: "2025-09-16" },
    ));
    ingested = await startTestServer(corpus);
  });

  it("serves one tariff whose history holds both steps in order, and the rate in effect between them", async () => {
    const res = await ingested.query(
      `{ tariffs(product: "auto") { ratePercent previousRatePercent rateAsOf(date: "2025-06-01") history { ratePercent evidence { article { publishedAt } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.tariffs).toHaveLength(1);
    const [tariff] = res.data.tariffs;
    expect(tariff.history.map((h: any) => [h.ratePercent, h.evidence.article.publishedAt.slice(0, 10)])).toEqual([
      [27.5, "2025-04-03"],
      [15, "2025-09-16"],
    ]);
    expect(tariff).toMatchObject({ ratePercent: 15, previousRatePercent: 27.5, rateAsOf: 27.5 });
  });
});
