// The relation layer of ingestion, pattern by pattern: short articles written for these tests
// (facts of 2025 trade news, sentences our own) go through the real pipeline, and each table
// checks what a reader of the sentence would take from it — what kind of statement a tariff
// rate is and from when it applies, when an agreement was made when the text says it only
// through a reporting verb, a concluding verb elsewhere or a relative clause, and money in the
// forms news copy writes it.
import { describe, expect, it } from "vitest";
import type { CorpusRecord } from "../src/corpus/format.js";
import { validateCorpus } from "../src/corpus/validate.js";
import { findMoney } from "../tools/ingest/money.js";
import { emptyCorpus, ingestTexts } from "../tools/ingest/pipeline.js";

/** Ingests one article (a dateline, then the text) published on `published`, checked by the validator. */
function ingest(body: string, published: string): CorpusRecord {
  const { corpus } = ingestTexts(emptyCorpus(), [{ file: "test.txt", text: `WASHINGTON - ${body}` }], {
    published,
    source: "Test Wire",
  });
  validateCorpus(corpus, "test");
  return corpus;
}

/** The last statement of a rate the article makes about the tariff imposed by `imposer` on `target`. */
function lastStatement(corpus: CorpusRecord, imposer: string, target: string) {
  const tariff = corpus.tariffs.find((t) => t.imposedBy === imposer && t.appliesTo === target);
  const history = [...(tariff?.history ?? [])].sort((a, b) => a.evidence.start - b.evidence.start);
  const last = history.at(-1);
  return last === undefined
    ? null
    : { rate: last.ratePercent, previous: last.previousRatePercent, status: last.status, effective: last.effective };
}

describe("a tariff rate's status, from the statement's verbs, modality and tense and the sentence after it", () => {
  // Published Friday 2025-08-01.
  it.each([
    ["U.S. tariffs on Canadian goods rose to 35% from 25% on Friday, when the order took effect.", "US", "CA", 35, 25, "IN_EFFECT"],
    ["U.S. tariffs on Indian goods now stand at 50%.", "US", "IN", 50, null, "IN_EFFECT"],
    ["The U.S. tariff on British steel will stay at 25% for now.", "US", "GB", 25, null, "IN_EFFECT"],
    ["Under the deal, U.S. tariffs on Japanese goods will fall to 15% from 25% next month.", "US", "JP", 15, 25, "ANNOUNCED"],
    ["Mexico proposed raising its tariff on Chinese cars to 50% from 20%.", "MX", "CN", 50, 20, "ANNOUNCED"],
    ["Trump threatened to raise U.S. tariffs on Brazilian goods to 50% from 10%.", "US", "BR", 50, 10, "THREATENED"],
    ["Trump said in a letter that U.S. tariffs on South Korean goods will rise to 25%.", "US", "KR", 25, null, "THREATENED"],
    [
      "Trump said U.S. tariffs on Mexican goods would rise to 30%. The threat came as talks in Washington stalled.",
      "US",
      "MX",
      30,
      null,
      "THREATENED",
    ],
    ["Washington paused its 34% tariff on Chinese goods for 90 days.", "US", "CN", 34, null, "PAUSED"],
  ])("%s", (body, imposer, target, rate, previous, status) => {
    expect(lastStatement(ingest(body, "2025-08-01"), imposer, target)).toMatchObject({ rate, previous, status });
  });

  it("takes the rate in force from the next sentence when it says what the new rate replaces, unless that one was only threatened", () => {
    const replaced = ingest(
      "Trump said U.S. tariffs on Brazilian goods would rise to 50% from Aug. 1. The rate would replace the 10% that exporters have paid since April.",
      "2025-07-10",
    );
    expect(lastStatement(replaced, "US", "BR")).toMatchObject({ rate: 50, previous: 10 });
    const threatened = ingest(
      "Under the deal, U.S. tariffs on Japanese goods will fall to 15%. The new rate replaces the 25% duty Trump had threatened in a letter.",
      "2025-07-23",
    );
    expect(lastStatement(threatened, "US", "JP")).toMatchObject({ rate: 15, previous: null, status: "ANNOUNCED" });
  });

  it("dates a coming rate by 'from' or 'starting', never by the day it was said or proposed", () => {
    expect(
      lastStatement(
        ingest("Trump said on Saturday he would raise the tariff on Canadian goods to 45% from 35%.", "2025-10-25"),
        "US",
        "CA",
      ),
    ).toMatchObject({ rate: 45, previous: 35, effective: null });
    expect(
      lastStatement(
        ingest("Trump said on Friday the United States would impose a 100% tariff on goods from China starting Nov. 1.", "2025-10-11"),
        "US",
        "CN",
      ),
    ).toMatchObject({ rate: 100, effective: "2025-11-01" });
  });

  it("reads the country that will face a rate on 'its goods' as the target, and leaves a class of countries unresolved", () => {
    const facing = ingest(
      "U.S. officials cut tariffs on Pakistani goods. Pakistan will face a 19% tariff on its goods from Aug. 7 under an order Trump signed.",
      "2025-07-31",
    );
    expect(lastStatement(facing, "US", "PK")).toMatchObject({ rate: 19, status: "ANNOUNCED", effective: "2025-08-07" });
    const generic = ingest(
      "Mexico proposed raising the tariff on Chinese cars to 50% from 20%, part of a package of higher duties on imports from countries with which it has no trade agreement.",
      "2025-09-10",
    );
    expect(generic.tariffs.map((t) => `${t.imposedBy}>${t.appliesTo}:${t.product}`)).toEqual(["MX>CN:cars"]);
  });

  it("does not set a threatened rate under the story's deal unless its sentence names the deal", () => {
    const corpus = ingest(
      "Trump said the United States would impose a 100% tariff on goods from China starting Nov. 1. The threat puts at risk the truce the two countries reached in Geneva in May.",
      "2025-10-11",
    );
    expect(corpus.tariffs.map((t) => [t.appliesTo, t.agreementId ?? null])).toEqual([["CN", null]]);
  });

  it("gives a rate in a deal's relative clause to the party across the table, not to a country named after it", () => {
    const corpus = ingest(
      "Cambodia signed a trade agreement with the United States on Sunday that keeps the 19% tariff on Cambodian goods, while Thailand signed a framework for a similar deal.",
      "2025-10-27",
    );
    expect(corpus.tariffs.map((t) => `${t.imposedBy}>${t.appliesTo}`)).toEqual(["US>KH"]);
    expect(corpus.agreements.map((a) => [...a.parties].sort().join(",")).sort()).toEqual(["KH,US", "TH,US"]);
  });

  it("dates a rate that takes effect on a coming weekday to that weekday, and one that took effect to the past one", () => {
    // Published Tuesday 2025-08-05.
    expect(lastStatement(ingest("The 15% U.S. tariff on Swiss watches takes effect on Thursday.", "2025-08-05"), "US", "CH")).toEqual({
      rate: 15,
      previous: null,
      status: "ANNOUNCED",
      effective: "2025-08-07",
    });
    expect(
      lastStatement(ingest("A 30% U.S. tariff on South African goods took effect on Thursday.", "2025-08-08"), "US", "ZA"),
    ).toMatchObject({ status: "IN_EFFECT", effective: "2025-08-07" });
  });
});

describe("when an agreement was made, as the story tells it", () => {
  /** The agreements of an article as "KIND:PARTIES concluded DATE". */
  const agreementsOf = (corpus: CorpusRecord) =>
    corpus.agreements.map((a) => `${a.kind}:${[...a.parties].sort().join(",")} concluded ${a.concluded ?? "-"}`);

  // Published Thursday 2025-07-31.
  it.each([
    ["Japan and the United States signed a trade agreement on Tuesday.", "TRADE:JP,US concluded 2025-07-29"],
    [
      "South Korea will invest $350 billion in the United States under a trade deal that sets a 15% tariff, Trump said on Wednesday.",
      "TRADE:KR,US concluded 2025-07-30",
    ],
    [
      "Indonesian President Prabowo Subianto agreed to the terms in a phone call with U.S. President Donald Trump on Tuesday. The pact cuts tariffs on Indonesian goods to 19%.",
      "TRADE:ID,US concluded 2025-07-29",
    ],
    [
      "EU diplomats began studying the framework trade deal struck a day earlier between the European Union and the United States.",
      "TRADE:EU,US concluded 2025-07-30",
    ],
    [
      "China and the United States said the truce the two countries reached in Geneva in May would hold, keeping tariffs lower.",
      "TRADE:CN,US concluded 2025-05",
    ],
    [
      "U.S. President Donald Trump said Wednesday he would lower tariffs on Chinese goods after talks with Chinese President Xi Jinping. China's Commerce Ministry said the teams would finalize the arrangement soon.",
      "TRADE:CN,US concluded 2025-07-30",
    ],
  ])("%s → %s", (body, expected) => {
    expect(agreementsOf(ingest(body, "2025-07-31"))).toEqual([expected]);
  });

  it("reads a date right before the concluding verb, and money its owner has put up ('its promised $550 billion of investment')", () => {
    const settled = ingest(
      "South Korea and the United States on Wednesday settled the terms of their investment package. Under the deal, tariffs on South Korean cars fall to 15%.",
      "2025-10-30",
    );
    expect(agreementsOf(settled)).toEqual(["TRADE:KR,US concluded 2025-10-29"]);
    const promised = ingest(
      "Japan and the United States signed a trade deal on Tuesday. Japan will now set up a fund for its promised $550 billion of investment in the United States.",
      "2025-07-31",
    );
    expect(promised.agreements[0].commitments.map((c) => [c.party, c.amount?.amount, c.amount?.currency])).toEqual([["JP", 550e9, "USD"]]);
  });

  it("takes a deal to be reached or secured as only hoped for, and a partnership as an agreement once signed", () => {
    expect(
      agreementsOf(
        ingest("Ursula von der Leyen asked Trump for more time to reach a deal with the United States on tariffs.", "2025-05-26"),
      ),
    ).toEqual([]);
    expect(
      agreementsOf(ingest("South Africa failed to secure a deal with the United States before the tariff deadline.", "2025-08-07")),
    ).toEqual([]);
    expect(
      agreementsOf(
        ingest("Saudi Arabia and the United States signed a strategic economic partnership on Tuesday in Riyadh.", "2025-05-14"),
      ),
    ).toEqual(["TRADE:SA,US concluded 2025-05-13"]);
  });

  it("leaves an agreement undated when the dated verb is about something else", () => {
    const corpus = ingest(
      "Japan and the United States agreed Saturday to restart talks on farm goods. Trump again called the Japan-U.S. security treaty one-sided.",
      "2025-07-31",
    );
    expect(agreementsOf(corpus)).toEqual(["SECURITY:JP,US concluded -"]);
  });

  it("takes a description after 'as' for the agreement already named, not another one", () => {
    const corpus = ingest(
      "Vietnam and the United States reached a trade deal on Wednesday. Officials in Hanoi described the deal as a framework.",
      "2025-07-31",
    );
    expect(agreementsOf(corpus)).toEqual(["TRADE:US,VN concluded 2025-07-30"]);
    expect(corpus.articles[0].mentions.filter((m) => m.entityType === "AGREEMENT").map((m) => m.text)).toEqual([
      "a trade deal",
      "the deal",
    ]);
  });
});

describe("money in the forms news copy writes it, with its ISO 4217 currency", () => {
  it.each([
    ["$15bn", 15e9, "USD"],
    ["US$1 billion", 1e9, "USD"],
    ["$550 billion", 550e9, "USD"],
    ["$2.5-billion", 2.5e9, "USD"],
    ["£1.2bn", 1.2e9, "GBP"],
    ["€600 billion", 600e9, "EUR"],
    ["1.4 trillion yen", 1.4e12, "JPY"],
    ["C$30 billion", 30e9, "CAD"],
    ["200 billion Swiss francs", 200e9, "CHF"],
    ["CHF 200 billion", 200e9, "CHF"],
    ["Rs 5,000 crore", 5e10, "INR"],
    ["3 trillion won", 3e12, "KRW"],
    ["RM10 billion", 10e9, "MYR"],
  ])("%s → %d %s", (written, amount, currency) => {
    expect(
      findMoney(`They pledged ${written} over ten years.`).map((m) => ({ text: m.text, amount: m.amount, currency: m.currency })),
    ).toEqual([{ text: written, amount, currency }]);
  });
});
