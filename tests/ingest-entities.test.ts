// The entity layer of ingestion, pattern by pattern: short articles written for these tests
// (facts of 2025 trade news, sentences our own) go through the real pipeline, and each table
// checks what a reader of the sentence would take from it — the people, their roles and
// countries, the organizations, and which words mention a country. Then the European Union as a
// trade party, served by a started server.
import { beforeAll, describe, expect, it } from "vitest";
import type { CorpusRecord, PersonRecord } from "../src/corpus/format.js";
import { validateCorpus } from "../src/corpus/validate.js";
import { extractFindings } from "../tools/ingest/extract.js";
import { knownPeople } from "../tools/ingest/knownPeople.js";
import { emptyCorpus, ingestTexts } from "../tools/ingest/pipeline.js";
import { startTestServer, type TestServer } from "./harness.js";

/** Ingests one article (a dateline, then the text) into `base`, and returns the corpus, checked by the validator. */
function ingest(body: string, base: CorpusRecord = emptyCorpus()): CorpusRecord {
  const { corpus } = ingestTexts(base, [{ file: "test.txt", text: `TOKYO - ${body}` }], { published: "2025-08-01", source: "Test Wire" });
  validateCorpus(corpus, "test");
  return corpus;
}

/** The people an article mentions, by name, with their roles as "Title/COUNTRY/current|former". */
function peopleOf(corpus: CorpusRecord): Record<string, string[]> {
  const article = corpus.articles[corpus.articles.length - 1];
  const mentioned = new Set(article.mentions.filter((m) => m.entityType === "PERSON").map((m) => m.entityId));
  return Object.fromEntries(
    corpus.people
      .filter((p) => mentioned.has(p.id))
      .map((p) => [p.name, p.roles.map((r) => `${r.title}/${r.country ?? "-"}/${r.current ? "current" : "former"}`)]),
  );
}

/** The texts of an article's mentions of one type, in order. */
function mentionTexts(corpus: CorpusRecord, type: string): string[] {
  return corpus.articles[corpus.articles.length - 1].mentions.filter((m) => m.entityType === type).map((m) => m.text);
}

describe("names keep their particles and suffixes", () => {
  it.each([
    ["European Commission chief Ursula von der Leyen flew to Scotland for the talks.", "Ursula von der Leyen"],
    ["Brazilian President Luiz Inacio Lula da Silva rejected the new duties on coffee.", "Luiz Inacio Lula da Silva"],
    ["Saudi Crown Prince Mohammed bin Salman hosted the delegation in Riyadh.", "Mohammed bin Salman"],
    ["Philippine President Ferdinand Marcos Jr. arrived in Washington on Monday.", "Ferdinand Marcos Jr."],
  ])("%s → %s", (sentence, name) => {
    const corpus = ingest(sentence);
    expect(Object.keys(peopleOf(corpus))).toEqual([name]);
    expect(mentionTexts(corpus, "PERSON")).toEqual([name]);
  });

  it("resolves the surname with its particles later, in capitals at a sentence's start too", () => {
    const corpus = ingest(
      "Ursula von der Leyen met the delegation. Von der Leyen said the bloc was ready, and aides to von der Leyen agreed.",
    );
    expect(mentionTexts(corpus, "PERSON")).toEqual(["Ursula von der Leyen", "Von der Leyen", "von der Leyen"]);
    expect(new Set(corpus.articles[0].mentions.filter((m) => m.entityType === "PERSON").map((m) => m.entityId))).toEqual(
      new Set(["ursula-von-der-leyen"]),
    );
  });
});

describe("roles, from the title before the name or an appositive after it", () => {
  it.each([
    ["British leader Keir Starmer welcomed the lower car tariffs.", { "Keir Starmer": ["Leader/GB/current"] }],
    [
      "Japan's chief tariff negotiator Ryosei Akazawa returned from Washington.",
      { "Ryosei Akazawa": ["Chief Tariff Negotiator/JP/current"] },
    ],
    ["Treasury Secretary Scott Bessent said talks would resume.", { "Scott Bessent": ["Treasury Secretary/US/current"] }],
    [
      "The presidential spokesman, Hasan Nasbi, declined to give details of the deal.",
      { "Hasan Nasbi": ["Presidential Spokesman/ID/current"] },
    ],
    [
      "Ryosei Akazawa, Japan's chief tariff negotiator, said the rate was settled.",
      { "Ryosei Akazawa": ["Chief Tariff Negotiator/JP/current"] },
    ],
    [
      "Indian Commerce and Industry Minister Piyush Goyal said exporters would adapt.",
      { "Piyush Goyal": ["Commerce and Industry Minister/IN/current"] },
    ],
    [
      "EU trade commissioner Maros Sefcovic spoke by phone with his U.S. counterpart.",
      { "Maros Sefcovic": ["Trade Commissioner/EU/current"] },
    ],
  ])("%s", (sentence, expected) => {
    expect(peopleOf(ingest(sentence))).toEqual(expected);
  });

  it.each([
    ["then-Prime Minister Boris Johnson signed the first version of the accord.", { "Boris Johnson": ["Prime Minister/GB/former"] }],
    ["Former Japanese Prime Minister Fumio Kishida attended the ceremony.", { "Fumio Kishida": ["Prime Minister/JP/former"] }],
    ["South Korea's ex-President Moon Jae-in criticised the agreement.", { "Moon Jae-in": ["President/KR/former"] }],
    ["Officials recalled that the late Prime Minister Shinzo Abe had pushed for the pact.", { "Shinzo Abe": ["Prime Minister/JP/former"] }],
  ])("a past role: %s", (sentence, expected) => {
    expect(peopleOf(ingest(sentence))).toEqual(expected);
  });

  it("takes an office's country from the public body that holds it, whose name stays in the title", () => {
    const corpus = ingest("European Commission President Ursula von der Leyen and Bank of Japan Governor Kazuo Ueda spoke at the forum.");
    expect(peopleOf(corpus)).toEqual({
      "Ursula von der Leyen": ["Commission President/EU/current"],
      "Kazuo Ueda": ["Bank of Japan Governor/JP/current"],
    });
  });

  it.each([
    ["A spokesperson for the European Commission, Olof Gill, said the bloc would wait.", { "Olof Gill": ["Spokesperson/EU/current"] }],
    [
      "Coordinating Minister for Economic Affairs Airlangga Hartarto led the delegation.",
      { "Airlangga Hartarto": ["Coordinating Minister for Economic Affairs/ID/current"] },
    ],
    ["Secretary of State Marco Rubio joined the call.", { "Marco Rubio": ["Secretary of State/US/current"] }],
    [
      "Seoul's envoy to the United States, former Foreign Minister Cho Hyun, joined the talks.",
      { "Cho Hyun": ["Foreign Minister/KR/former", "Envoy/KR/current"] },
    ],
  ])("a title with its body or complement: %s", (sentence, expected) => {
    expect(peopleOf(ingest(sentence))).toEqual(expected);
  });

  it.each([
    ["SEOUL", "His policy chief, Kim Yong-beom, said the package was final.", { "Kim Yong-beom": ["Policy Chief/KR/current"] }],
    [
      "TORONTO",
      "International Trade Minister Maninder Sidhu said talks would go on.",
      { "Maninder Sidhu": ["International Trade Minister/CA/current"] },
    ],
  ])("a title with no country in its words takes the dateline's (%s): %s", (dateline, sentence, expected) => {
    const { corpus } = ingestTexts(emptyCorpus(), [{ file: "t.txt", text: `${dateline} - ${sentence}` }], {
      published: "2025-08-01",
      source: "Test Wire",
    });
    expect(peopleOf(corpus)).toEqual(expected);
  });

  it("gives a known figure named without a title the office they hold", () => {
    expect(peopleOf(ingest("Trump said the rate would stay."))).toEqual({ "Donald Trump": ["President/US/current"] });
  });
});

describe("surnames alone", () => {
  it.each([
    ["Trump said on Friday that the rate on steel would double.", "Donald Trump", "Trump"],
    ["Lula told reporters the tariff was an attack on Brazil's sovereignty.", "Luiz Inacio Lula da Silva", "Lula"],
    ["Officials in Ottawa said Carney would not retaliate yet.", "Mark Carney", "Carney"],
    ["Šefčovič told member states the offer was final.", "Maros Sefcovic", "Šefčovič"],
  ])("%s → %s, a figure the news names by surname", (sentence, name, text) => {
    const corpus = ingest(sentence);
    expect(Object.keys(peopleOf(corpus))).toEqual([name]);
    expect(mentionTexts(corpus, "PERSON")).toEqual([text]);
  });

  it("resolve to the full name the article gives, before any known figure", () => {
    const corpus = ingest("Trade envoy Melania Carney visited Seoul. Carney said the talks went well.");
    expect(Object.keys(peopleOf(corpus))).toEqual(["Melania Carney"]);
    expect(mentionTexts(corpus, "PERSON")).toEqual(["Melania Carney", "Carney"]);
  });

  it("resolve to a person of the corpus being merged into when the name is unique there", () => {
    const person: PersonRecord = {
      id: "aiko-tanabe",
      name: "Aiko Tanabe",
      aliases: ["Tanabe"],
      nationality: "JP",
      roles: [],
      description: null,
    };
    const base: CorpusRecord = { ...emptyCorpus(), people: [person], countries: [{ code: "JP", name: "Japan", aliases: [] }] };
    const corpus = ingest("Tanabe said the ministry would study the new rates closely.", base);
    expect(corpus.people.map((p) => p.id)).toEqual(["aiko-tanabe"]);
    expect(corpus.articles[0].mentions.filter((m) => m.entityType === "PERSON").map((m) => [m.entityId, m.text])).toEqual([
      ["aiko-tanabe", "Tanabe"],
    ]);
  });

  it("stay unresolved, never guessed, when no full name and no known person fits", () => {
    const { people } = extractFindings(
      { copyright: null, headline: null, dateline: "TOKYO", body: "President Okonkwo said the levy was unfair." },
      null,
      knownPeople(),
    );
    expect(people).toEqual([]);
  });
});

describe("organizations, kept apart from countries", () => {
  const organizationsOf = (body: string) =>
    extractFindings({ copyright: null, headline: null, dateline: "TOKYO", body }, null).organizations;

  it.each([
    ["The Vietnam News Agency said the deal was signed.", "Vietnam News Agency", "OTHER", "VN", []],
    [
      "The Korea International Trade Association (KITA) warned of layoffs, and KITA asked for aid.",
      "Korea International Trade Association",
      "OTHER",
      null,
      ["Korea International Trade Association", "KITA", "KITA"],
    ],
    [
      "WTO members met in Geneva as the World Trade Organization marked its anniversary.",
      "World Trade Organization",
      "INTERNATIONAL_BODY",
      null,
      ["WTO", "World Trade Organization"],
    ],
    ["Shares of Xiaomi Corp. fell after the announcement.", "Xiaomi Corp.", "COMPANY", null, ["Xiaomi Corp."]],
    [
      "Officials from the Ministry of Foreign Affairs declined to comment.",
      "Ministry of Foreign Affairs",
      "GOVERNMENT_BODY",
      null,
      ["Ministry of Foreign Affairs"],
    ],
    ["China's Commerce Ministry said it would respond.", "Commerce Ministry", "GOVERNMENT_BODY", "CN", ["Commerce Ministry"]],
    [
      "Toyota said the levy would cost it billions; Toyota Motor Corp. shares slid.",
      "Toyota Motor",
      "COMPANY",
      "JP",
      ["Toyota", "Toyota Motor Corp."],
    ],
  ])("%s → %s", (body, name, kind, country, texts) => {
    const org = organizationsOf(body).find((o) => o.name === name);
    expect(org).toMatchObject({ name, kind, country });
    if (texts.length > 0) expect(org!.mentions.map((m) => m.text)).toEqual(texts);
    for (const m of org!.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
  });

  it.each([
    ["The Vietnam News Agency reported the agreement.", []],
    ["The Bank of Japan kept rates on hold.", []],
    ["China's Commerce Ministry and the Chinese Foreign Ministry both objected.", ["China", "Chinese"]],
    ["A U.S. Navy ship docked as Japan's envoy arrived.", ["U.S.", "Japan"]],
  ])("country mentions in %s: %j", (sentence, countries) => {
    expect(mentionTexts(ingest(sentence), "COUNTRY")).toEqual(countries);
  });
});

describe("the European Union as a trade party", () => {
  const article =
    "The European Union and the United States reached a trade agreement in July. Brussels said it would drop its tariffs on U.S. industrial goods, and the EU agreed to buy American energy. In Brussels, diplomats were relieved.";
  let corpus: CorpusRecord;
  let api: TestServer;
  beforeAll(async () => {
    corpus = ingest(article);
    api = await startTestServer(corpus); // stopped by the harness after this file
  });

  it("is mentioned by name, abbreviation and its capital where the capital acts, not where it is the place", () => {
    const eu = corpus.articles[0].mentions.filter((m) => m.entityType === "COUNTRY" && m.entityId === "EU").map((m) => m.text);
    expect(eu).toEqual(["European Union", "Brussels", "EU"]);
  });

  it("is a party to agreements like any state", () => {
    expect(corpus.agreements.map((a) => [a.name, [...a.parties].sort()])).toEqual([["EU-U.S. trade agreement", ["EU", "US"]]]);
    expect(corpus.agreements[0].id).toBe("eu-us-trade-agreement-2025");
  });

  it('answers country(code: "EU") as a customs union, and a state as a sovereign state', async () => {
    const res = await api.query(
      `{ eu: country(code: "eu") { code name kind alpha3 agreements { name } } us: country(code: "US") { kind } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      eu: { code: "EU", name: "European Union", kind: "CUSTOMS_UNION", alpha3: null, agreements: [{ name: "EU-U.S. trade agreement" }] },
      us: { kind: "SOVEREIGN_STATE" },
    });
  });
});
