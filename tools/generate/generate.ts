// Synthetic corpus generation: builds a deterministic, valid corpus (the format of format.ts)
// of any size from a seed, for tests (hundreds of articles) and benchmarks (up to millions,
// written as a stream so the whole corpus never sits in memory).
//
// The flow: buildWorld() draws countries, people, agreements, tariffs and organizations (a fixed
// set of international bodies, and per large economy a central bank, a trade ministry, companies
// and a party; some people's offices belong to one of them) from the seed;
// article i is drawn from its own random stream, so it can be produced without drawing the
// articles before it; the first articles each feature one agreement and one tariff, and the
// sentences stating them become those entities' evidence. Entities are written before articles
// so a streaming reader knows every entity before the first mention of it.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import worldCountries from "world-countries";
import type {
  AgreementKind,
  AgreementRecord,
  ArticleRecord,
  CommitmentRecord,
  CorpusRecord,
  CountryRecord,
  EntityType,
  EvidenceRecord,
  MentionRecord,
  MoneyRecord,
  OrganizationRecord,
  PersonRecord,
  RoleRecord,
  TariffRecord,
} from "../../src/corpus/format.js";
import { ENTITY_KINDS, type EntityKind, KINDS, type EntitySection, recordsOf } from "../../src/corpus/kinds.js";
import { Random } from "./random.js";

/** What to generate. Every option is part of the output's identity: same options, same bytes. */
export interface GenerateCorpusOptions {
  /** How many articles to generate (a non-negative integer). */
  articles: number;
  /**
   * Seed of every random choice; taken modulo 2^32.
   * @default 1
   */
  seed?: number;
  /**
   * How many people to invent.
   * @default 3000
   */
  people?: number;
  /**
   * How many agreements to plan. Only those some article gives evidence for are kept: at most
   * one per article, so a 5-article corpus has at most 5 agreements.
   * @default 300
   */
  agreements?: number;
  /**
   * How many tariffs to plan; kept on the same terms as agreements.
   * @default 600
   */
  tariffs?: number;
}

/** What {@link writeCorpusFile} wrote: record counts (articles, and each kind's by its section) and the file size. */
export type CorpusFileSummary = { articles: number } & Record<EntitySection, number> & {
    /** Size of the file in bytes (UTF-8). */
    bytes: number;
  };

/** Called after each batch of articles is handed to the file, with the running count. */
export type ProgressListener = (articlesWritten: number, articlesTotal: number) => void;

export const DEFAULT_SEED = 1;
export const DEFAULT_PEOPLE = 3000;
export const DEFAULT_AGREEMENTS = 300;
export const DEFAULT_TARIFFS = 600;

/**
 * Given options, returns the whole corpus in memory, with keys in file order (version,
 * each kind's section in FILE_ORDER: countries, people, agreements, tariffs, organizations; articles). Meant for tests and corpora up to tens
 * of thousands of articles; use {@link writeCorpusFile} for larger ones.
 */
export function generateCorpus(options: GenerateCorpusOptions): CorpusRecord {
  const plan = planCorpus(options);
  const articles: ArticleRecord[] = [];
  for (let i = 0; i < plan.articleCount; i++) articles.push(plan.article(i));
  return { version: 1, ...plan.entities, articles };
}

/**
 * Given options, yields the corpus file's text piece by piece: first every entity, then one
 * piece per article. Joined, the pieces are a JSON document that parses to exactly
 * {@link generateCorpus}'s result; each record sits on its own line so the file can be read
 * with line tools and streaming parsers alike. Memory stays flat however many articles.
 */
export function generateCorpusChunks(options: GenerateCorpusOptions): Generator<string> {
  return chunksOf(planCorpus(options));
}

// Private: the file text of a planned corpus, entities first, then one piece per article.
function* chunksOf(plan: CorpusPlan): Generator<string> {
  const sections = FILE_ORDER.map((kind) => jsonArray(KINDS[kind].section, recordsOf(plan.entities, kind)));
  yield `{"version":1,\n${sections.join(",\n")},\n"articles":[`;
  for (let i = 0; i < plan.articleCount; i++) {
    yield (i === 0 ? "\n" : ",\n") + JSON.stringify(plan.article(i));
  }
  yield plan.articleCount === 0 ? "]}\n" : "\n]}\n";
}

/**
 * Given a path and options, writes the corpus there as a stream and resolves with what was
 * written. The text goes to `<file>.partial` first and is renamed at the end, so a crashed or
 * interrupted run never leaves a truncated file that looks like a corpus.
 */
export async function writeCorpusFile(
  file: string,
  options: GenerateCorpusOptions,
  onProgress?: ProgressListener,
): Promise<CorpusFileSummary> {
  const plan = planCorpus(options);
  const total = plan.articleCount;
  let bytes = 0;

  // Articles are encoded straight into ~1 MB buffers: one write per article would spend more
  // time in stream bookkeeping than in generating it, and joining strings first costs a copy.
  function* batches(): Generator<Buffer> {
    let buffer = Buffer.allocUnsafe(BATCH_BYTES);
    let used = 0;
    let seen = -1; // the first chunk holds the entities, not an article
    for (const chunk of chunksOf(plan)) {
      seen++;
      const worst = chunk.length * 3; // UTF-8 bytes per UTF-16 code unit, at most
      if (used + worst > buffer.length) {
        if (used > 0) {
          bytes += used;
          yield buffer.subarray(0, used);
          onProgress?.(Math.min(seen, total), total);
        }
        // A fresh buffer each time: the stream may still hold the one just yielded.
        buffer = Buffer.allocUnsafe(Math.max(BATCH_BYTES, worst));
        used = 0;
      }
      used += buffer.write(chunk, used);
    }
    bytes += used;
    yield buffer.subarray(0, used);
    onProgress?.(total, total);
  }

  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.from(batches(), { objectMode: false }), createWriteStream(partial));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const counts = Object.fromEntries(ENTITY_KINDS.map((kind) => [KINDS[kind].section, recordsOf(plan.entities, kind).length]));
  return { articles: total, ...(counts as Record<EntitySection, number>), bytes };
}

// ---------------------------------------------------------------------------------------
// Planning: the world, then the early articles whose sentences become evidence.

const BATCH_BYTES = 1 << 20;
/** An entity cites at most this many articles as evidence. */
const MAX_EVIDENCE = 3;
const BODY_MIN_CHARS = 2100; // > 2 KiB even in pure ASCII
const BODY_MAX_TARGET = 5600;
const BODY_HARD_MAX = 6000; // < 6 KiB in UTF-8 given the few multi-byte characters
const MIN_MENTIONS = 5;
const MAX_MENTIONS = 40;
// Rough figures of the templates below, used to pace mentions through a body.
const AVERAGE_SENTENCE_CHARS = 110;
const AVERAGE_TEMPLATE_MENTIONS = 2.5;
const FIRST_PUBLISHED = Date.UTC(2024, 0, 1);
const PUBLISHING_SPAN_MS = 730 * 24 * 3600 * 1000;

/** Streams of the seed that are not articles (articles use stream = their index). */
const WORLD_STREAM = -1;

interface CorpusPlan {
  articleCount: number;
  entities: Omit<CorpusRecord, "version" | "articles">;
  /** Article i, for 0 <= i < articleCount; an equal record on every call. */
  article(i: number): ArticleRecord;
}

/**
 * The order the file writes the kinds' sections in: countries first, which every other kind names
 * (and the benchmarks' router workload draws its pool from the first entities in the file), then
 * the others in the kinds table's order.
 */
const FILE_ORDER: readonly EntityKind[] = ["COUNTRY", ...ENTITY_KINDS.filter((kind) => kind !== "COUNTRY")];

// Private: checks options, builds the world, and draws the early articles once to collect
// evidence. Those articles are drawn again when written rather than kept: keeping them made V8
// pretenure every later article's objects into the old generation, which halved throughput.
function planCorpus(options: GenerateCorpusOptions): CorpusPlan {
  const seed = checkedInteger("seed", options.seed ?? DEFAULT_SEED, Number.MIN_SAFE_INTEGER);
  const articleCount = checkedInteger("articles", options.articles, 0);
  const world = buildWorld(
    seed,
    checkedInteger("people", options.people ?? DEFAULT_PEOPLE, 0),
    checkedInteger("agreements", options.agreements ?? DEFAULT_AGREEMENTS, 0),
    checkedInteger("tariffs", options.tariffs ?? DEFAULT_TARIFFS, 0),
  );
  const keptAgreements = Math.min(articleCount, world.agreements.length);
  const keptTariffs = Math.min(articleCount, world.tariffs.length);
  const settings: ArticleSettings = { seed, articleCount, keptAgreements, keptTariffs };

  // Articles below 2 × the planned count feature agreement i mod A (and tariff i mod T), so
  // every kept entity is featured by the article with its own index, and most by a second one.
  const evidence = new Map<object, EvidenceRecord[]>();
  const window = Math.min(articleCount, 2 * Math.max(world.agreements.length, world.tariffs.length));
  for (let i = 0; i < window; i++) {
    const drawn = drawArticle(world, settings, i);
    for (const fact of drawn.facts) {
      const list = evidence.get(fact.entity) ?? [];
      if (list.length < MAX_EVIDENCE) list.push(fact.evidence);
      evidence.set(fact.entity, list);
    }
  }
  const withEvidence = <T extends { evidence: EvidenceRecord[] }>(record: T): T => ({
    ...record,
    evidence: evidence.get(record) ?? [],
  });

  return {
    articleCount,
    // In FILE_ORDER, the order the file writes them (generateCorpus keeps it).
    entities: {
      countries: world.countries.map((c) => c.record),
      people: world.people.map((p) => p.record),
      agreements: world.agreements.slice(0, keptAgreements).map((a) => withEvidence(a.record)),
      tariffs: world.tariffs.slice(0, keptTariffs).map((t) => withEvidence(t.record)),
      organizations: world.organizations.map((o) => o.record),
    },
    article: (i) => drawArticle(world, settings, i).record,
  };
}

// Private: an option must be an integer no smaller than `min`; says which option and why if not.
function checkedInteger(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`Option "${name}" must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

// Private: one array of records as a JSON property, a record per line.
function jsonArray(key: string, records: readonly unknown[]): string {
  if (records.length === 0) return `"${key}":[]`;
  return `"${key}":[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]`;
}

// ---------------------------------------------------------------------------------------
// The world: countries from the world-countries package, invented people, agreements, tariffs.

type NamePool = keyof typeof NAMES;

interface CountryInfo {
  record: CountryRecord;
  name: string;
  /** "Japanese"; null when the data has none. */
  demonym: string | null;
  capital: string | null;
  currency: string;
  pool: NamePool;
}

interface PersonInfo {
  record: PersonRecord;
  surname: string;
  /** The role a text introduces them by: the current one, else the latest. */
  role: RoleRecord;
  nationality: CountryInfo;
}

interface AgreementInfo {
  record: AgreementRecord;
  parties: CountryInfo[];
}

interface TariffInfo {
  record: TariffRecord;
  imposer: CountryInfo;
  target: CountryInfo;
  agreement: AgreementInfo | null;
}

interface OrganizationInfo {
  record: OrganizationRecord;
  /** What later mentions call it: its acronym ("WTO") or its name when it has none. */
  short: string;
  /** Whether prose puts "the" before its name ("the World Trade Organization", not "the Kestrel Motors"). */
  article: boolean;
  /** Whether prose puts "the" before its short form ("the WTO", not "the ASEAN"). */
  shortArticle: boolean;
}

interface World {
  countries: CountryInfo[];
  /** Countries with a capital: the ones that make news (excludes Antarctica and the like). */
  newsworthy: CountryInfo[];
  /** Large economies, drawn half the time so coverage is skewed the way real news is. */
  major: CountryInfo[];
  people: PersonInfo[];
  peopleByCountry: Map<string, PersonInfo[]>;
  agreements: AgreementInfo[];
  tariffs: TariffInfo[];
  organizations: OrganizationInfo[];
  /** Each country's own organizations (government bodies, companies, parties), and the bodies it is a member of. */
  organizationsByCountry: Map<string, OrganizationInfo[]>;
  /** International bodies that list no members (open to all), and bodies of no country. */
  openOrganizations: OrganizationInfo[];
}

// Private: draws the whole world from the seed's world stream.
function buildWorld(seed: number, peopleCount: number, agreementCount: number, tariffCount: number): World {
  const rng = Random.forStream(seed, WORLD_STREAM);
  const countries = loadCountries();
  const byCode = new Map(countries.map((c) => [c.record.code, c]));
  const newsworthy = countries.filter((c) => c.capital !== null);
  const major = MAJOR_ECONOMIES.map((code) => byCode.get(code)).filter((c) => c !== undefined);
  const world: World = {
    countries,
    newsworthy,
    major,
    people: [],
    peopleByCountry: new Map(),
    agreements: [],
    tariffs: [],
    organizations: [],
    organizationsByCountry: new Map(),
    openOrganizations: [],
  };

  const ids = new Set<string>();
  const names = new NameDrawer(rng);
  const titlesUsed = new Map<string, number>();
  for (let k = 0; k < peopleCount; k++) {
    const person = drawPerson(rng, pickCountry(rng, world), names, titlesUsed, ids);
    world.people.push(person);
    const list = world.peopleByCountry.get(person.nationality.record.code) ?? [];
    list.push(person);
    world.peopleByCountry.set(person.nationality.record.code, list);
  }
  const agreementNames = new Set<string>();
  for (let j = 0; j < agreementCount; j++) world.agreements.push(drawAgreement(rng, world, agreementNames, ids));
  for (let t = 0; t < tariffCount; t++) world.tariffs.push(drawTariff(rng, world, t, ids));
  // Drawn last, so adding them left the countries, people, agreements and tariffs of a seed as they were.
  drawOrganizations(rng, world, ids);
  return world;
}

// Private: the organizations: the international bodies (members: those of the world's countries
// that belong), then for each large economy its central bank, trade ministry, two companies and a
// party. Offices that belong to one of them (a central bank governor, an IMF director) name it.
function drawOrganizations(rng: Random, world: World, ids: Set<string>): void {
  const byCode = new Map(world.countries.map((c) => [c.record.code, c]));
  const add = (info: OrganizationInfo, countries: string[]) => {
    world.organizations.push(info);
    if (countries.length === 0) world.openOrganizations.push(info);
    for (const code of countries) {
      const list = world.organizationsByCountry.get(code) ?? [];
      list.push(info);
      world.organizationsByCountry.set(code, list);
    }
  };
  const bodyOfTitle = new Map<string, OrganizationInfo>();
  for (const body of INTERNATIONAL_BODIES) {
    const members = body.members.filter((code) => byCode.has(code));
    const info: OrganizationInfo = {
      record: { id: uniqueId(slug(body.short), ids), name: body.name, aliases: [body.short], kind: "INTERNATIONAL_BODY", members },
      short: body.short,
      article: true,
      shortArticle: body.shortArticle,
    };
    add(info, members);
    for (const title of body.titles) bodyOfTitle.set(title, info);
  }
  const centralBanks = new Map<string, OrganizationInfo>();
  const companyNames = new Set<string>();
  for (const c of world.major) {
    const code = c.record.code;
    const own = (name: string, kind: OrganizationRecord["kind"], aliases: string[], article: boolean): OrganizationInfo => {
      const info: OrganizationInfo = {
        record: { id: uniqueId(slug(`${name} ${code}`), ids), name, aliases, kind, country: code, members: [] },
        short: aliases[0] ?? name,
        article,
        shortArticle: article,
      };
      add(info, [code]);
      return info;
    };
    centralBanks.set(code, own(`Central Bank of ${c.name}`, "GOVERNMENT_BODY", [], true));
    own(rng.pick(MINISTRY_NAMES), "GOVERNMENT_BODY", [], true);
    for (let k = 0; k < 2; k++) {
      let name = `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_TRADES)}`;
      while (companyNames.has(name)) name = `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_TRADES)}`;
      companyNames.add(name);
      // Some carry their legal form, dot included: a span ending in "Corp." before a sentence's end.
      const formal = rng.chance(0.3) ? `${name} Corp.` : name;
      own(formal, "COMPANY", formal === name ? [] : [name], false);
    }
    const party = rng.pick(PARTY_NAMES);
    own(party, "POLITICAL_PARTY", [acronym(party)], true);
  }
  for (const name of OTHER_ORGANIZATIONS) {
    const info: OrganizationInfo = {
      record: { id: uniqueId(slug(name), ids), name, aliases: [], kind: "OTHER", members: [] },
      short: name,
      article: true,
      shortArticle: true,
    };
    add(info, []);
  }
  for (const p of world.people) {
    for (const role of p.record.roles) {
      const body =
        role.country === null
          ? bodyOfTitle.get(role.title)
          : role.title === "Central Bank Governor"
            ? centralBanks.get(role.country!)
            : undefined;
      if (body) role.organizationId = body.record.id;
    }
  }
}

// Private: the initials of a name's capitalised words: "National Renewal Party" → "NRP".
function acronym(name: string): string {
  return name
    .split(" ")
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join("");
}

// Private: the ~250 countries, valid two-letter codes only, deduplicated, sorted by code.
function loadCountries(): CountryInfo[] {
  const seen = new Set<string>();
  const result: CountryInfo[] = [];
  for (const c of [...worldCountries].sort((a, b) => (a.cca2 < b.cca2 ? -1 : a.cca2 > b.cca2 ? 1 : 0))) {
    if (!/^[A-Z]{2}$/.test(c.cca2) || seen.has(c.cca2)) continue;
    seen.add(c.cca2);
    const name = c.name.common;
    // "Saint-Pierrais, Miquelonnais" lists two demonyms; one is enough for a mention.
    const demonym = c.demonyms?.eng?.m?.split(",")[0]?.trim() || null;
    const capital = c.capital?.[0] ?? null;
    const aliases = [...new Set([c.name.official, demonym, ...(c.capital ?? [])])].filter(
      (a): a is string => typeof a === "string" && a.length > 0 && a !== name,
    );
    result.push({
      record: { code: c.cca2, name, aliases },
      name,
      demonym,
      capital,
      currency: Object.keys(c.currencies ?? {}).find((k) => /^[A-Z]{3}$/.test(k)) ?? "USD",
      pool: namePoolFor(c.cca2, c.region, c.subregion),
    });
  }
  return result;
}

// Private: which name list suits a country's people (coarse, but avoids "Yuki Hernández of Mali").
function namePoolFor(code: string, region: string, subregion: string): NamePool {
  if (region === "Europe") {
    return subregion === "Eastern Europe" || subregion === "Southeast Europe" || ["PL", "CZ", "SK", "HU", "SI"].includes(code)
      ? "slavic"
      : "european";
  }
  if (region === "Americas") return subregion === "North America" && code !== "MX" ? "anglo" : "latin";
  if (region === "Asia") {
    if (subregion === "Eastern Asia" || subregion === "South-Eastern Asia") return "eastAsian";
    return subregion === "Western Asia" ? "arabic" : "southAsian";
  }
  if (region === "Africa") return subregion === "Northern Africa" ? "arabic" : "african";
  return "anglo";
}

// Private: a country as news would pick it: half the time a large economy, else any with a capital.
function pickCountry(rng: Random, world: World): CountryInfo {
  return rng.chance(0.5) && world.major.length > 0 ? rng.pick(world.major) : rng.pick(world.newsworthy);
}

// Private: `count` distinct countries.
function pickCountries(rng: Random, world: World, count: number, first: CountryInfo[] = []): CountryInfo[] {
  const chosen = [...new Set(first)];
  while (chosen.length < count) {
    const c = pickCountry(rng, world);
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen;
}

/** Private: hands out first/last name pairs per pool without repeats until a pool runs dry. */
class NameDrawer {
  private readonly orders = new Map<NamePool, number[]>();
  private readonly used = new Map<NamePool, number>();

  constructor(private readonly rng: Random) {}

  /** Returns [given name, surname, full name]; a middle initial keeps names unique past the pool size. */
  draw(pool: NamePool): [string, string, string] {
    const { first, last } = NAMES[pool];
    let order = this.orders.get(pool);
    if (!order) {
      order = this.rng.shuffle(Array.from({ length: first.length * last.length }, (_, i) => i));
      this.orders.set(pool, order);
    }
    const n = this.used.get(pool) ?? 0;
    this.used.set(pool, n + 1);
    const combo = order[n % order.length]!;
    const given = first[combo % first.length]!;
    const surname = last[Math.floor(combo / first.length)]!;
    const round = Math.floor(n / order.length);
    const middle = round === 0 ? "" : ` ${String.fromCharCode(65 + ((round - 1) % 26))}.`;
    return [given, surname, `${given}${middle} ${surname}`];
  }
}

// Private: one person with a nationality and one or two roles. Each country's offices are
// handed out in TITLES order, so no country has two current presidents; later people are former.
function drawPerson(rng: Random, country: CountryInfo, names: NameDrawer, titlesUsed: Map<string, number>, ids: Set<string>): PersonInfo {
  const [given, surname, name] = names.draw(country.pool);
  const code = country.record.code;
  const office = titlesUsed.get(code) ?? 0;
  titlesUsed.set(code, office + 1);
  const current = office < TITLES.length;
  const title = current ? TITLES[office]! : rng.pick(TITLES);
  const startYear = current ? rng.int(2012, 2025) : rng.int(2004, 2019);
  const main: RoleRecord = {
    title,
    country: code,
    current,
    start: partialDate(rng, startYear),
    end: current ? null : partialDate(rng, Math.min(2025, startYear + rng.int(1, 6))),
  };
  const roles = [main];
  if (rng.chance(0.4) && startYear > 2006) {
    const earlier = rng.pick(TITLES.filter((t) => t !== title));
    const from = rng.int(Math.max(1995, startYear - 10), startYear - 2);
    roles.push({ title: earlier, country: code, current: false, start: partialDate(rng, from), end: String(startYear) });
  }
  if (rng.chance(0.04)) {
    // A few hold an international post, which has no country.
    const from = rng.int(2005, 2020);
    roles.push({
      title: rng.pick(INTERNATIONAL_TITLES),
      country: null,
      current: false,
      start: String(from),
      end: String(from + rng.int(1, 4)),
    });
  }
  const who = country.demonym ? `${country.demonym} politician` : `Politician from ${country.name}`;
  const years = current ? `since ${startYear}` : `from ${startYear} to ${main.end!.slice(0, 4)}`;
  const aliases = [...new Set([surname, `${given[0]}. ${surname}`, `${given} ${surname}`])].filter((a) => a !== name);
  return {
    record: {
      id: uniqueId(slug(name), ids),
      name,
      aliases,
      description: `${who}; ${current ? "" : "former "}${title} of ${country.name} ${years}.`,
      nationality: code,
      roles,
    },
    surname,
    role: main,
    nationality: country,
  };
}

// Private: one agreement between 2–6 countries, with commitments that have amounts and sectors.
function drawAgreement(rng: Random, world: World, names: Set<string>, ids: Set<string>): AgreementInfo {
  const kind = weighted(rng, AGREEMENT_KINDS);
  const size = rng.chance(0.7) ? 2 : rng.chance(0.5) ? 3 : rng.int(4, 6);
  const parties = pickCountries(rng, world, size);
  const year = rng.int(2012, 2025);
  const host = parties.find((p) => p.capital !== null)!;
  const pattern = rng.pick(size === 2 ? AGREEMENT_NAMES[kind].pair : AGREEMENT_NAMES[kind].group);
  let name = pattern.replace("{A}", parties[0]!.name).replace("{B}", parties[1]!.name).replace("{CAPITAL}", host.capital!);
  // Two agreements between the same parties get told apart the way newspapers do: by year.
  if (names.has(name)) name = `${name} of ${year}`;
  for (let n = 2; names.has(name); n++) name = `${name.replace(/ \(\d+\)$/, "")} (${n})`;
  names.add(name);

  const commitments: CommitmentRecord[] = [];
  for (const party of parties) {
    if (commitments.length > 0 && !rng.chance(0.7)) continue;
    const sectors = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(SECTORS)))];
    const other = rng.pick(parties.filter((p) => p !== party));
    const description = rng
      .pick(COMMITMENTS[kind])
      .replace("{SECTOR}", sectors[0]!)
      .replace("{OTHER}", other.demonym ?? other.name);
    const amount: MoneyRecord | null =
      kind === "INVESTMENT" || rng.chance(0.4)
        ? { amount: rng.int(1, 400) * 25_000_000, currency: rng.chance(0.6) ? "USD" : party.currency }
        : null;
    commitments.push({ party: party.record.code, description, amount, sectors });
  }
  const sectors = [...new Set(commitments.flatMap((c) => c.sectors))];
  const concluded = partialDate(rng, year);
  return {
    record: {
      id: uniqueId(slug(name.endsWith(String(year)) ? name : `${name} ${year}`), ids),
      name,
      kind,
      parties: parties.map((p) => p.record.code),
      concluded,
      summary: `${KIND_WORDS[kind]} agreement between ${listOf(parties.map((p) => p.name))}, concluded in ${spokenDate(concluded)}, covering ${listOf(sectors)}.`,
      commitments,
      evidence: [],
    },
    parties,
  };
}

// Private: one tariff. About a quarter implement an earlier trade agreement (index <= t, so the
// agreement is kept whenever the tariff is) and cut the rate; the rest are unilateral moves.
function drawTariff(rng: Random, world: World, t: number, ids: Set<string>): TariffInfo {
  const candidate = world.agreements.length > 0 ? world.agreements[rng.int(0, Math.min(t, world.agreements.length - 1))]! : null;
  const agreement = candidate && candidate.record.kind === "TRADE" && rng.chance(0.25) ? candidate : null;
  const [imposer, target] = agreement ? agreement.parties : pickCountries(rng, world, 2);
  const product = rng.pick(PRODUCTS);
  const a = rng.pick(RATES);
  let b = rng.pick(RATES);
  while (b === a) b = rng.pick(RATES);
  // An agreement lowers the rate; otherwise hikes outnumber cuts, and some tariffs are new.
  const [rate, previous] = agreement
    ? [Math.min(a, b), Math.max(a, b)]
    : rng.chance(0.7)
      ? [Math.max(a, b), Math.min(a, b)]
      : [Math.min(a, b), Math.max(a, b)];
  const isNew = !agreement && rng.chance(0.15);
  return {
    record: {
      id: uniqueId(slug(`${imposer!.record.code} tariff ${target!.name} ${product}`), ids),
      imposedBy: imposer!.record.code,
      appliesTo: target!.record.code,
      product,
      ratePercent: rate,
      previousRatePercent: isNew ? null : previous,
      agreementId: agreement?.record.id ?? null,
      evidence: [],
    },
    imposer: imposer!,
    target: target!,
    agreement,
  };
}

// ---------------------------------------------------------------------------------------
// Articles: a cast of entities, a body assembled from sentence templates with exact spans.

interface ArticleSettings {
  seed: number;
  articleCount: number;
  keptAgreements: number;
  keptTariffs: number;
}

interface DrawnArticle {
  record: ArticleRecord;
  /** The sentences stating a featured agreement or tariff, keyed by that entity's record. */
  facts: { entity: object; evidence: EvidenceRecord }[];
}

/** A span-to-be: text that is a mention of an entity. */
interface Ref {
  type: EntityType;
  id: string;
  text: string;
  /** Set when this is the first, full-name mention of a person. */
  introduces?: PersonInfo;
}

/** A sentence before it is written: plain text, mentions, and nested groups of both. */
type Piece = string | Ref | Piece[];

/** Private: assembles a body and records each mention's UTF-16 span as it appends. */
class BodyBuilder {
  private readonly parts: string[] = [];
  /** Running length in UTF-16 code units, which is what String.prototype.slice counts. */
  length = 0;
  readonly mentions: MentionRecord[] = [];
  readonly introduced = new Set<PersonInfo>();

  /** Appends one sentence, its first letter capitalised (even inside a mention), returning its span. */
  sentence(pieces: Piece[]): { start: number; end: number } {
    const start = this.length;
    for (const piece of flatten(pieces)) {
      const atStart = this.length === start;
      if (typeof piece === "string") {
        this.append(atStart ? capitalise(piece) : piece);
        continue;
      }
      const text = atStart ? capitalise(piece.text) : piece.text;
      this.mentions.push({ entityType: piece.type, entityId: piece.id, text, start: this.length, end: this.length + text.length });
      if (piece.introduces) this.introduced.add(piece.introduces);
      this.append(text);
    }
    return { start, end: this.length };
  }

  /** Appends text that is not part of a sentence (spaces, paragraph breaks). */
  append(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  build(): string {
    return this.parts.join("");
  }
}

// Private: a sentence's pieces in order, groups opened.
function flatten(pieces: Piece[], out: (string | Ref)[] = []): (string | Ref)[] {
  for (const p of pieces) {
    if (Array.isArray(p)) flatten(p, out);
    else out.push(p);
  }
  return out;
}

// Private: upper-cases a leading a–z. Sentences here open with ASCII words or capitalised
// names, and toUpperCase() showed up in profiles of million-article runs.
function capitalise(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 97 && first <= 122 ? String.fromCharCode(first - 32) + text.slice(1) : text;
}

// Private: how many mentions a sentence would add.
function countRefs(pieces: Piece[]): number {
  let n = 0;
  for (const p of pieces) n += typeof p === "string" ? 0 : Array.isArray(p) ? countRefs(p) : 1;
  return n;
}

/** What sentence templates draw from: the article's cast and its random stream. */
interface Cast {
  rng: Random;
  countries: CountryInfo[];
  people: PersonInfo[];
  agreement: AgreementInfo | null;
  tariff: TariffInfo | null;
  /** An older agreement the article recalls for context, if any. */
  background: AgreementInfo | null;
  /** Organizations the article may name: its countries' own, the bodies they belong to, bodies open to all. */
  organizations: OrganizationInfo[];
  /** The World Trade Organization, which a country may take a complaint to. */
  wto: OrganizationInfo | null;
  body: BodyBuilder;
}

// Private: article i, from its own random stream.
function drawArticle(world: World, settings: ArticleSettings, i: number): DrawnArticle {
  const rng = Random.forStream(settings.seed, i);
  const { keptAgreements: nA, keptTariffs: nT } = settings;
  const planA = world.agreements.length;
  const planT = world.tariffs.length;
  // Deterministic features first (they carry the evidence), random ones after.
  const agreementIndex = i < 2 * planA ? i % planA : nA > 0 && rng.chance(0.35) ? rng.int(0, nA - 1) : -1;
  const tariffIndex = i < 2 * planT ? i % planT : nT > 0 && rng.chance(0.35) ? rng.int(0, nT - 1) : -1;
  const agreement = agreementIndex >= 0 ? world.agreements[agreementIndex]! : null;
  const tariff = tariffIndex >= 0 ? world.tariffs[tariffIndex]! : null;
  const background = nA > 0 && rng.chance(0.25) ? world.agreements[rng.int(0, nA - 1)]! : null;

  const seeded = [...(agreement?.parties.slice(0, 3) ?? []), ...(tariff ? [tariff.imposer, tariff.target] : [])];
  const countries = pickCountries(rng, world, Math.max(new Set(seeded).size, rng.int(2, 4)), seeded);
  const people: PersonInfo[] = [];
  for (const c of countries.slice(0, 4)) {
    const locals = world.peopleByCountry.get(c.record.code);
    if (!locals) continue;
    for (let k = rng.int(people.length === 0 ? 1 : 0, 2); k > 0; k--) {
      const p = rng.pick(locals.length > 14 ? locals.slice(0, 14) : locals); // office holders first
      if (!people.includes(p)) people.push(p);
    }
  }
  const organizations: OrganizationInfo[] = [];
  for (const c of countries.slice(0, 3)) {
    const own = world.organizationsByCountry.get(c.record.code);
    if (own && rng.chance(0.6)) organizations.push(rng.pick(own));
  }
  if (world.openOrganizations.length > 0 && rng.chance(0.4)) organizations.push(rng.pick(world.openOrganizations));
  const body = new BodyBuilder();
  const wto = world.organizations.find((o) => o.short === "WTO") ?? null;
  const cast: Cast = { rng, countries, people, agreement, tariff, background, organizations: [...new Set(organizations)], wto, body };
  const id = `gen-${String(i + 1).padStart(8, "0")}`;
  const facts: DrawnArticle["facts"] = [];

  // The lead states the featured fact; a second featured fact gets the next sentence.
  const budget = rng.int(MIN_MENTIONS, MAX_MENTIONS);
  const opening: { pieces: Piece[]; entity: object | null }[] = [];
  if (agreement) opening.push({ pieces: agreementFact(cast, agreement), entity: agreement.record });
  if (tariff) opening.push({ pieces: tariffFact(cast, tariff), entity: tariff.record });
  if (opening.length === 0) opening.push({ pieces: diplomacyLead(cast), entity: null });
  const spans = opening.map(({ pieces, entity }, k) => {
    const span = body.sentence(pieces);
    body.append(k === 0 ? "\n\n" : " ");
    return { span, entity };
  });
  if (rng.chance(0.1)) writeSentence(cast, [rng.pick(WIDE_FILLERS)]);

  // Then sentences until the target length. Mention-bearing and plain ones are interleaved so
  // the mention budget is spread over the whole body, not spent in the first paragraphs.
  // Decks deal each template once before any repeats, so sentences rarely recur in an article.
  const target = rng.int(BODY_MIN_CHARS, BODY_MAX_TARGET);
  const templates = new Deck(rng, TEMPLATES);
  const fillers = new Deck(rng, FILLERS);
  while (body.length < target || body.mentions.length < MIN_MENTIONS) {
    const remainingSentences = Math.max(1, (target - body.length) / AVERAGE_SENTENCE_CHARS);
    const wanted = (budget - body.mentions.length) / AVERAGE_TEMPLATE_MENTIONS / remainingSentences;
    let pieces: Piece[] | null = null;
    if (body.mentions.length < MIN_MENTIONS || rng.chance(wanted)) {
      // A template may not fit the cast or the budget; a few tries, then a plain sentence.
      for (let tries = 0; tries < 6 && !pieces; tries++) {
        pieces = templates.deal()(cast);
        if (pieces && body.mentions.length + countRefs(pieces) > budget) pieces = null;
      }
    }
    pieces ??= [rng.chance(0.01) ? rng.pick(WIDE_FILLERS) : plainSentence(rng, fillers.deal())];
    if (body.length + sentenceLength(pieces) > BODY_HARD_MAX && body.mentions.length >= MIN_MENTIONS) break;
    writeSentence(cast, pieces);
  }
  const text = body.build().trimEnd();

  for (const { span, entity } of spans) {
    if (entity)
      facts.push({ entity, evidence: { articleId: id, quote: text.slice(span.start, span.end), start: span.start, end: span.end } });
  }
  const source = rng.pick(SOURCES);
  const published = FIRST_PUBLISHED + Math.floor(((i + rng.next()) * PUBLISHING_SPAN_MS) / Math.max(1, settings.articleCount));
  const publishedAt = new Date(published).toISOString().replace(/\.\d{3}Z$/, "Z");
  const home = countries.find((c) => c.capital !== null);
  return {
    record: {
      id,
      headline: headline(cast),
      lead: text.slice(0, spans[0]!.span.end),
      body: text,
      dateline: home ? home.capital!.toUpperCase() : null,
      publishedAt,
      source,
      copyright: rng.chance(0.7) ? `© ${publishedAt.slice(0, 4)} ${source}` : null,
      mentions: body.mentions,
    },
    facts,
  };
}

/** Private: deals items in a shuffled order, reshuffling after each full round. */
class Deck<T> {
  private order: T[] = [];

  constructor(
    private readonly rng: Random,
    private readonly items: readonly T[],
  ) {}

  private last: T | undefined;

  deal(): T {
    if (this.order.length === 0) {
      this.order = this.rng.shuffle([...this.items]);
      // A new round must not open with the item that closed the last one.
      const n = this.order.length;
      if (n > 1 && this.order[n - 1] === this.last) [this.order[0], this.order[n - 1]] = [this.order[n - 1]!, this.order[0]!];
    }
    this.last = this.order.pop()!;
    return this.last;
  }
}

// Private: a filler as text (some draw numbers or sectors).
function plainSentence(rng: Random, filler: Filler): string {
  return typeof filler === "string" ? filler : filler(rng);
}

// Private: appends a sentence and the space or paragraph break after it.
function writeSentence(cast: Cast, pieces: Piece[]): void {
  cast.body.sentence(pieces);
  cast.body.append(cast.rng.chance(0.3) ? "\n\n" : " ");
}

// Private: the length a sentence would add.
function sentenceLength(pieces: Piece[]): number {
  let n = 1; // the separator after it
  for (const p of pieces) n += typeof p === "string" ? p.length : Array.isArray(p) ? sentenceLength(p) - 1 : p.text.length;
  return n;
}

// --- Mentions -------------------------------------------------------------------------------

function country(c: CountryInfo): Ref {
  return { type: "COUNTRY", id: c.record.code, text: c.name };
}

/** "Japanese" as a mention of Japan, or the name when there is no demonym. */
function demonym(c: CountryInfo): Ref {
  return { type: "COUNTRY", id: c.record.code, text: c.demonym ?? c.name };
}

/** "Tokyo" standing for Japan's government, as news writes it; the name when no capital. */
function capitalAsCountry(c: CountryInfo): Ref {
  return { type: "COUNTRY", id: c.record.code, text: c.capital ?? c.name };
}

/** First mention: "Japanese Trade Minister Yuki Tanaka"; later ones: "Tanaka". */
function person(cast: Cast, p: PersonInfo): Piece[] {
  const name: Ref = { type: "PERSON", id: p.record.id, text: p.record.name, introduces: p };
  if (cast.body.introduced.has(p)) return [{ type: "PERSON", id: p.record.id, text: p.surname }];
  const former = p.role.current ? "" : "former ";
  return p.nationality.demonym ? [former, demonym(p.nationality), ` ${p.role.title} `, name] : [`${former}${p.role.title} `, name];
}

function agreementRef(a: AgreementInfo, casual: boolean): Ref {
  const text = casual ? (a.record.kind === "SECURITY" ? "the pact" : "the deal") : a.record.name;
  return { type: "AGREEMENT", id: a.record.id, text };
}

function tariffRef(t: TariffInfo, casual: boolean): Ref {
  const text = casual ? `the levy on ${t.record.product}` : `tariff on ${t.record.product}`;
  return { type: "TARIFF", id: t.record.id, text };
}

/** First mention: "the International Monetary Fund"; later ones: "the IMF" (the name when it has no short form). */
function organization(cast: Cast, o: OrganizationInfo): Piece[] {
  const introduced = cast.body.mentions.some((m) => m.entityId === o.record.id);
  const ref: Ref = { type: "ORGANIZATION", id: o.record.id, text: introduced ? o.short : o.record.name };
  return (introduced ? o.shortArticle : o.article) ? ["the ", ref] : [ref];
}

// --- Sentences ------------------------------------------------------------------------------

// Private: the evidence sentence of an agreement: names it and states one commitment.
function agreementFact(cast: Cast, a: AgreementInfo): Piece[] {
  const c = cast.rng.pick(a.record.commitments);
  const party = a.parties.find((p) => p.record.code === c.party)!;
  const worth = c.amount ? ` worth ${money(c.amount)}` : "";
  return [
    "under the ",
    agreementRef(a, false),
    `, concluded in ${spokenDate(a.record.concluded!)}, `,
    country(party),
    ` committed to ${c.description}${worth}.`,
  ];
}

// Private: the evidence sentence of a tariff: who, on what from whom, the new and old rate.
function tariffFact(cast: Cast, t: TariffInfo): Piece[] {
  const { ratePercent: rate, previousRatePercent: previous } = t.record;
  const via: Piece[] = t.agreement ? [" under the ", agreementRef(t.agreement, false)] : [];
  const said = `, ${cast.rng.pick(["the trade ministry said", "officials said", "according to a government notice", "customs authorities announced"])}.`;
  if (previous == null) {
    return [country(t.imposer), ` imposed a new ${rate}% `, tariffRef(t, false), " from ", country(t.target), ...via, said];
  }
  const verb = rate! > previous ? "raised" : "cut";
  return [
    country(t.imposer),
    ` ${verb} its `,
    tariffRef(t, false),
    " from ",
    country(t.target),
    ` to ${rate}% from ${previous}%`,
    ...via,
    said,
  ];
}

// Private: a lead for an article that features no agreement or tariff.
function diplomacyLead(cast: Cast): Piece[] {
  const [a, b] = cast.countries as [CountryInfo, CountryInfo];
  const p = cast.people[0];
  if (!p)
    return [country(a), " and ", country(b), ` opened a new round of talks on ${cast.rng.pick(SECTORS)} on ${cast.rng.pick(WEEKDAYS)}.`];
  // The visitor travels abroad: the host is the first cast country that is not theirs.
  const host = cast.countries.find((c) => c !== p.nationality)!;
  return [
    person(cast, p),
    ` arrived in ${host.capital ?? host.name} on ${cast.rng.pick(WEEKDAYS)} for talks with `,
    country(host),
    ` on ${cast.rng.pick(SECTORS)} and security.`,
  ];
}

/** Sentence templates that name entities; null when the cast lacks what one needs. */
const TEMPLATES: ((cast: Cast) => Piece[] | null)[] = [
  (cast) => {
    const p = maybePick(cast.rng, cast.people);
    const c =
      p &&
      maybePick(
        cast.rng,
        cast.countries.filter((x) => x !== p.nationality),
      );
    return p && c && [person(cast, p), " told reporters that relations with ", country(c), ` were “${cast.rng.pick(MOODS)}”.`];
  },
  (cast) => {
    if (cast.people.length < 2) return null;
    const [p, q] = cast.rng.shuffle([...cast.people]) as [PersonInfo, PersonInfo];
    return [person(cast, p), " is expected to meet ", person(cast, q), ` ${cast.rng.pick(WHEN)} to discuss ${cast.rng.pick(SECTORS)}.`];
  },
  (cast) => {
    const [a, b] = cast.rng.shuffle([...cast.countries]) as [CountryInfo, CountryInfo];
    return [demonym(a), ` officials said talks with `, country(b), ` on ${cast.rng.pick(SECTORS)} would continue ${cast.rng.pick(WHEN)}.`];
  },
  (cast) => {
    const [a, b] = cast.rng.shuffle([...cast.countries]) as [CountryInfo, CountryInfo];
    const amount = { amount: cast.rng.int(4, 900) * 1_000_000_000, currency: "USD" };
    return ["trade between ", country(a), " and ", country(b), ` reached ${money(amount)} last year, according to customs data.`];
  },
  (cast) => {
    const a = cast.agreement ?? cast.background;
    if (!a) return null;
    const introduced = cast.body.mentions.some((m) => m.entityId === a.record.id);
    return [
      introduced ? "" : "the ",
      agreementRef(a, introduced),
      ` has been cited by `,
      country(cast.rng.pick(a.parties)),
      " as a model for future negotiations.",
    ];
  },
  (cast) => {
    const t = cast.tariff;
    return t && [demonym(t.target), ` exporters of ${t.record.product} said `, tariffRef(t, true), " would cost them market share."];
  },
  (cast) => {
    const [a, b] = cast.rng.shuffle([...cast.countries]) as [CountryInfo, CountryInfo];
    return [`analysts said the move could weigh on ${cast.rng.pick(SECTORS)} exports from `, country(a), " to ", country(b), "."];
  },
  (cast) => {
    const p = maybePick(cast.rng, cast.people);
    const c =
      p &&
      maybePick(
        cast.rng,
        cast.countries.filter((x) => x !== p.nationality),
      );
    return p && c && [person(cast, p), " criticised ", country(c), `’s position, calling it “${cast.rng.pick(CRITICISMS)}”.`];
  },
  (cast) => {
    const c = cast.rng.pick(cast.countries);
    if (!c.capital) return null;
    const response = cast.rng.pick(RESPONSES);
    return response === WTO_COMPLAINT
      ? cast.wto && [capitalAsCountry(c), " has said it will file a complaint with ", organization(cast, cast.wto), "."]
      : [capitalAsCountry(c), ` has said it will ${response}.`];
  },
  (cast) => {
    const o = maybePick(cast.rng, cast.organizations);
    const [a, b] = cast.rng.shuffle([...cast.countries]) as [CountryInfo, CountryInfo];
    if (!o || o.record.kind === "COMPANY") return null;
    return [organization(cast, o), " said it was following the talks between ", country(a), " and ", country(b), " closely."];
  },
  (cast) => {
    const o = maybePick(
      cast.rng,
      cast.organizations.filter((x) => x.record.kind === "COMPANY"),
    );
    if (!o) return null;
    const verb = cast.rng.chance(0.5) ? "fell" : "rose";
    return [`shares of `, organization(cast, o), ` ${verb} ${cast.rng.int(1, 12)}% after the announcement.`];
  },
  (cast) => {
    const o = maybePick(
      cast.rng,
      cast.organizations.filter((x) => x.record.kind === "COMPANY"),
    );
    const other =
      o &&
      maybePick(
        cast.rng,
        cast.countries.filter((c) => c.record.code !== o.record.country),
      );
    return (
      o &&
      other && [organization(cast, o), `, which sells ${cast.rng.pick(PRODUCTS)} in `, country(other), ", said it would review its prices."]
    );
  },
  (cast) => {
    const o = maybePick(
      cast.rng,
      cast.organizations.filter((x) => x.record.kind === "GOVERNMENT_BODY" || x.record.kind === "POLITICAL_PARTY"),
    );
    const home = o?.record.country ? cast.countries.find((c) => c.record.code === o.record.country) : undefined;
    if (!o || !home) return null;
    return o.record.kind === "POLITICAL_PARTY"
      ? ["lawmakers from ", organization(cast, o), " in ", country(home), " called for a vote on the measure."]
      : [
          country(home),
          "’s ",
          ...organization(cast, o).filter((p) => p !== "the "),
          ` said it would publish its assessment ${cast.rng.pick(WHEN)}.`,
        ];
  },
  (cast) => {
    const o = maybePick(
      cast.rng,
      cast.organizations.filter((x) => x.record.members.length > 0),
    );
    const member =
      o &&
      maybePick(
        cast.rng,
        cast.countries.filter((c) => o.record.members.includes(c.record.code)),
      );
    return o && member && [country(member), " will raise the issue at the next meeting of ", organization(cast, o), "."];
  },
  (cast) => {
    const p = maybePick(cast.rng, cast.people);
    return p && [`opposition lawmakers in ${p.nationality.name} called on `, person(cast, p), " to publish the full text of the deal."];
  },
  (cast) => {
    const a = cast.background;
    if (!a || a === cast.agreement) return null;
    return ["the talks echo those that produced the ", agreementRef(a, false), `, concluded in ${spokenDate(a.record.concluded!)}.`];
  },
];

// Private: one of a list, or null when the list is empty.
function maybePick<T>(rng: Random, items: T[]): T | null {
  return items.length === 0 ? null : rng.pick(items);
}

// Private: a headline from the article's cast; plain text (mentions are counted in bodies only).
function headline(cast: Cast): string {
  const { agreement: a, tariff: t, countries } = cast;
  if (a)
    return cast.rng.pick([
      `${a.parties[0]!.name} and ${a.parties[1]!.name} put ${a.record.name} to work`,
      `What the ${a.record.name} commits ${a.parties[0]!.name} to`,
    ]);
  if (t) {
    const verb =
      t.record.previousRatePercent == null ? "imposes" : t.record.ratePercent! > t.record.previousRatePercent ? "raises" : "cuts";
    return `${t.imposer.name} ${verb} tariff on ${t.target.demonym ?? t.target.name} ${t.record.product} to ${t.record.ratePercent}%`;
  }
  return `${countries[0]!.name} and ${countries[1]!.name} resume talks`;
}

// --- Formatting -----------------------------------------------------------------------------

/** "$2.5 billion", "€300 million", "1.2 billion JPY". */
function money(m: MoneyRecord): string {
  const [value, unit] = m.amount >= 1e9 ? [m.amount / 1e9, "billion"] : [m.amount / 1e6, "million"];
  const figure = String(Number(value.toFixed(3)));
  const symbol = CURRENCY_SYMBOLS[m.currency];
  return symbol ? `${symbol}${figure} ${unit}` : `${figure} ${unit} ${m.currency}`;
}

/** "2021", "2021-03" or "2021-03-14" at random. */
function partialDate(rng: Random, year: number): string {
  const roll = rng.next();
  if (roll < 0.3) return String(year);
  const month = String(rng.int(1, 12)).padStart(2, "0");
  if (roll < 0.7) return `${year}-${month}`;
  return `${year}-${month}-${String(rng.int(1, 28)).padStart(2, "0")}`;
}

/** A partial date as prose: "2021", "March 2021", "14 March 2021". */
function spokenDate(date: string): string {
  const [year, month, day] = date.split("-");
  if (!month) return year!;
  const named = `${MONTHS[Number(month) - 1]} ${year}`;
  return day ? `${Number(day)} ${named}` : named;
}

/** "A", "A and B", "A, B and C". */
function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Lower-case ASCII id from a name: "Nguyễn Thảo" → "nguyen-thao". */
function slug(text: string): string {
  const ascii = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐ]/g, "d")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .toLowerCase();
  return ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

/** The slug, or the slug with -2, -3… when taken. */
function uniqueId(base: string, ids: Set<string>): string {
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

function weighted<T>(rng: Random, table: readonly (readonly [T, number])[]): T {
  let roll = rng.next() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of table) if ((roll -= weight) < 0) return value;
  return table.at(-1)![0];
}

// ---------------------------------------------------------------------------------------
// Vocabulary. Names carry diacritics and apostrophes on purpose: they exercise UTF-16 spans.

const NAMES = {
  european: {
    first: [
      "Anna",
      "Lukas",
      "Sofia",
      "Matteo",
      "Élodie",
      "François",
      "Søren",
      "Zoë",
      "Jürgen",
      "Ingrid",
      "Henrik",
      "Marta",
      "Pieter",
      "Giulia",
      "Clément",
      "Léa",
      "Niamh",
      "Seán",
      "Björn",
      "Astrid",
      "Tomas",
      "Elena",
      "Hélène",
      "Inês",
      "João",
      "Annika",
      "Maximilian",
    ],
    last: [
      "Müller",
      "Dubois",
      "Rossi",
      "Jansen",
      "Lindqvist",
      "Fischer",
      "Moreau",
      "Øberg",
      "Costa",
      "Schäfer",
      "Bianchi",
      "Lefèvre",
      "van den Berg",
      "Nielsen",
      "Andersson",
      "Ferreira",
      "Gonçalves",
      "Weber",
      "Schmidt",
      "Bernard",
      "Romano",
      "O'Brien",
      "Murphy",
      "Keller",
      "Brandt",
      "Hoffmann",
      "Laurent",
      "Esposito",
      "De Vries",
      "Jørgensen",
    ],
  },
  slavic: {
    first: [
      "Olga",
      "Dmitri",
      "Ivan",
      "Natalia",
      "Andrei",
      "Irina",
      "Mihai",
      "Zsófia",
      "Łukasz",
      "Katarzyna",
      "Tomáš",
      "Petra",
      "Milan",
      "Jelena",
      "Nikola",
      "Bogdan",
      "Oksana",
      "Vesna",
      "Radu",
      "Ágnes",
    ],
    last: [
      "Ivanov",
      "Petrov",
      "Popescu",
      "Kovač",
      "Horváth",
      "Shevchenko",
      "Nowak",
      "Kowalski",
      "Novák",
      "Dvořák",
      "Jovanović",
      "Petrović",
      "Wójcik",
      "Kuznetsov",
      "Georgiev",
      "Bondarenko",
      "Szabó",
      "Nagy",
      "Marković",
      "Ionescu",
      "Kozlov",
    ],
  },
  latin: {
    first: [
      "José",
      "María",
      "Lucía",
      "Andrés",
      "Camila",
      "Joaquín",
      "Valentina",
      "Sebastián",
      "Ana",
      "Tomás",
      "Inés",
      "Mateo",
      "Gabriela",
      "Diego",
      "Isabela",
      "Martín",
      "Renata",
      "Alejandro",
      "Fernanda",
      "Rodrigo",
    ],
    last: [
      "Hernández",
      "García",
      "López",
      "Martínez",
      "González",
      "Pérez",
      "Rodríguez",
      "Sánchez",
      "Gómez",
      "Díaz",
      "Muñoz",
      "Silva",
      "Araújo",
      "Ramírez",
      "Torres",
      "Flores",
      "Castillo",
      "Ortiz",
      "Vargas",
      "Rojas",
      "Peña",
      "Núñez",
      "Mendoza",
      "Cruz",
    ],
  },
  anglo: {
    first: [
      "James",
      "Emily",
      "Olivia",
      "Michael",
      "Sarah",
      "David",
      "Grace",
      "Liam",
      "Charlotte",
      "Thomas",
      "Hannah",
      "Daniel",
      "Chloe",
      "Jack",
      "Amelia",
      "Noah",
      "Isla",
      "William",
      "Ruby",
      "Ethan",
    ],
    last: [
      "Smith",
      "Johnson",
      "Williams",
      "Brown",
      "Taylor",
      "Wilson",
      "Clarke",
      "Thompson",
      "Walker",
      "Robinson",
      "Harris",
      "Mitchell",
      "Campbell",
      "Anderson",
      "Turner",
      "Bennett",
      "Hughes",
      "Parker",
      "Reid",
      "O'Connor",
    ],
  },
  eastAsian: {
    first: [
      "Hiroshi",
      "Yuki",
      "Wei",
      "Min-jun",
      "Ji-woo",
      "Haruto",
      "Mei",
      "Sakura",
      "Jun",
      "Xiaoming",
      "Linh",
      "Minh",
      "Thảo",
      "Kenji",
      "Aiko",
      "Seo-yeon",
      "Jia",
      "Hao",
      "Somchai",
      "Siti",
    ],
    last: [
      "Tanaka",
      "Suzuki",
      "Wang",
      "Li",
      "Zhang",
      "Kim",
      "Park",
      "Nguyễn",
      "Trần",
      "Chen",
      "Watanabe",
      "Lee",
      "Sato",
      "Liu",
      "Yamamoto",
      "Choi",
      "Huang",
      "Lim",
      "Phạm",
      "Takahashi",
      "Santos",
      "Wongsakul",
    ],
  },
  southAsian: {
    first: [
      "Priya",
      "Arjun",
      "Rahul",
      "Ananya",
      "Vikram",
      "Aisha",
      "Imran",
      "Sunita",
      "Rohan",
      "Meera",
      "Farhan",
      "Kavya",
      "Nikhil",
      "Zainab",
      "Sanjay",
      "Aigerim",
      "Timur",
      "Dilnoza",
      "Rustam",
      "Nadia",
    ],
    last: [
      "Sharma",
      "Patel",
      "Gupta",
      "Khan",
      "Singh",
      "Rao",
      "Iyer",
      "Chowdhury",
      "Rahman",
      "Reddy",
      "Das",
      "Nair",
      "Bose",
      "Hussain",
      "Karimov",
      "Abdullayev",
      "Sultanov",
      "Perera",
      "Fernando",
    ],
  },
  arabic: {
    first: [
      "Ahmed",
      "Fatima",
      "Omar",
      "Layla",
      "Youssef",
      "Nour",
      "Karim",
      "Mariam",
      "Hassan",
      "Rania",
      "Khalid",
      "Salma",
      "Tariq",
      "Huda",
      "Samir",
      "Yasmin",
      "Faisal",
      "Amira",
      "Mehmet",
      "Elif",
    ],
    last: [
      "Haddad",
      "Al-Masri",
      "Nasser",
      "Khalil",
      "Mansour",
      "Farouk",
      "Saleh",
      "Aziz",
      "Hamdan",
      "Bakr",
      "Darwish",
      "Al-Rashid",
      "Ben Ali",
      "El-Amin",
      "Yılmaz",
      "Öztürk",
      "Demir",
      "Kaya",
      "Cohen",
      "Levi",
    ],
  },
  african: {
    first: [
      "Amara",
      "Kwame",
      "Chiamaka",
      "Oluwaseun",
      "Thandiwe",
      "Kofi",
      "Wanjiru",
      "Tendai",
      "Nia",
      "Sipho",
      "Abebe",
      "Fatoumata",
      "Moussa",
      "Aminata",
      "Chidi",
      "Zanele",
      "Jabari",
      "Adaeze",
      "Kagiso",
      "Mariama",
    ],
    last: [
      "Okafor",
      "Mensah",
      "Nkosi",
      "Kamau",
      "Diallo",
      "Traoré",
      "Banda",
      "Mwangi",
      "Adeyemi",
      "Abubakar",
      "Ndiaye",
      "Bekele",
      "Ouédraogo",
      "Moyo",
      "Okonkwo",
      "Sesay",
      "Keïta",
      "Dlamini",
      "Otieno",
    ],
  },
} as const satisfies Record<string, { first: readonly string[]; last: readonly string[] }>;

/** Offices in the order each country fills them: the first person of a country is its president. */
const TITLES = [
  "President",
  "Prime Minister",
  "Foreign Minister",
  "Trade Minister",
  "Finance Minister",
  "Defence Minister",
  "Economy Minister",
  "Deputy Prime Minister",
  "Energy Minister",
  "Industry Minister",
  "Agriculture Minister",
  "Central Bank Governor",
  "Chief Trade Negotiator",
  "Ambassador to the United Nations",
];

const INTERNATIONAL_TITLES = [
  "United Nations Special Envoy",
  "Chair of the G20 Trade Working Group",
  "WTO Appellate Body Member",
  "IMF Executive Director",
];

/**
 * International bodies: name, acronym, whether prose writes "the" before the acronym, the member states
 * (of those the world has; empty for a body open to all), and the offices that belong to it.
 */
const INTERNATIONAL_BODIES: { name: string; short: string; shortArticle: boolean; members: string[]; titles: string[] }[] = [
  { name: "World Trade Organization", short: "WTO", shortArticle: true, members: [], titles: ["WTO Appellate Body Member"] },
  { name: "International Monetary Fund", short: "IMF", shortArticle: true, members: [], titles: ["IMF Executive Director"] },
  { name: "United Nations", short: "UN", shortArticle: true, members: [], titles: ["United Nations Special Envoy"] },
  { name: "World Bank", short: "World Bank", shortArticle: true, members: [], titles: [] },
  {
    name: "Group of 20",
    short: "G20",
    shortArticle: true,
    members: ["AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "KR", "MX", "RU", "SA", "ZA", "TR", "GB", "US"],
    titles: ["Chair of the G20 Trade Working Group"],
  },
  { name: "Group of Seven", short: "G7", shortArticle: true, members: ["CA", "FR", "DE", "IT", "JP", "GB", "US"], titles: [] },
  {
    name: "Association of Southeast Asian Nations",
    short: "ASEAN",
    shortArticle: false,
    members: ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"],
    titles: [],
  },
  {
    name: "Organization of the Petroleum Exporting Countries",
    short: "OPEC",
    shortArticle: false,
    members: ["DZ", "CG", "GQ", "GA", "IR", "IQ", "KW", "LY", "NG", "SA", "AE", "VE"],
    titles: [],
  },
  { name: "Southern Common Market", short: "Mercosur", shortArticle: false, members: ["AR", "BR", "PY", "UY", "BO"], titles: [] },
];

/** A large economy's trade ministry, named as such ministries often are. */
const MINISTRY_NAMES = [
  "Ministry of Trade and Industry",
  "Ministry of Commerce",
  "Ministry of Economy and Trade",
  "Ministry of Foreign Trade",
  "Department of Trade",
];

/** Invented company names: a stem and a trade ("Kestrel Motors"). */
const COMPANY_STEMS = [
  "Kestrel",
  "Northwind",
  "Bluepeak",
  "Sunward",
  "Ironvale",
  "Meridia",
  "Solvane",
  "Crestline",
  "Orvik",
  "Tessaro",
  "Halcyon",
  "Brightwater",
  "Quillon",
  "Varanta",
  "Lumeo",
  "Stratos",
  "Nordhaven",
  "Coralis",
  "Aurelle",
  "Kaimon",
];
const COMPANY_TRADES = [
  "Motors",
  "Steel",
  "Electronics",
  "Shipping",
  "Energy",
  "Pharma",
  "Foods",
  "Semiconductor",
  "Aerospace",
  "Textiles",
];

/** Party names; parties of two countries may share one, as they do. */
const PARTY_NAMES = [
  "National Renewal Party",
  "Democratic Alliance",
  "Progressive Union",
  "Liberal Reform Party",
  "Green Future Party",
  "Social Democratic Forum",
  "People’s Unity Party",
];

/** Bodies of no country: industry councils and federations. */
const OTHER_ORGANIZATIONS = [
  "Global Steel Producers Council",
  "International Federation of Shipowners",
  "Council of Farm Exporters",
  "Semiconductor Supply Chain Alliance",
];

const MAJOR_ECONOMIES = [
  "US",
  "CN",
  "JP",
  "DE",
  "GB",
  "FR",
  "IN",
  "BR",
  "KR",
  "CA",
  "MX",
  "AU",
  "IT",
  "ES",
  "ID",
  "TR",
  "SA",
  "ZA",
  "NG",
  "AR",
  "VN",
  "EG",
  "PL",
  "SE",
  "CH",
  "NL",
  "SG",
  "AE",
  "TH",
  "MY",
];

const AGREEMENT_KINDS: readonly (readonly [AgreementKind, number])[] = [
  ["TRADE", 45],
  ["INVESTMENT", 25],
  ["SECURITY", 20],
  ["OTHER", 10],
];

const KIND_WORDS: Record<AgreementKind, string> = { TRADE: "Trade", INVESTMENT: "Investment", SECURITY: "Security", OTHER: "Cooperation" };

// En dashes between party names, as style guides want: one more non-ASCII character in spans.
const AGREEMENT_NAMES: Record<AgreementKind, { pair: string[]; group: string[] }> = {
  TRADE: {
    pair: ["{A}–{B} Free Trade Agreement", "{A}–{B} Economic Partnership Agreement", "{A}–{B} Trade Accord"],
    group: ["{CAPITAL} Trade Accord", "Treaty of {CAPITAL}", "{CAPITAL} Customs Union Protocol"],
  },
  INVESTMENT: {
    pair: ["{A}–{B} Bilateral Investment Treaty", "{A}–{B} Investment Partnership"],
    group: ["{CAPITAL} Investment Framework", "{CAPITAL} Infrastructure Compact"],
  },
  SECURITY: {
    pair: ["{A}–{B} Security Pact", "{A}–{B} Defence Cooperation Agreement"],
    group: ["{CAPITAL} Security Compact", "{CAPITAL} Maritime Security Declaration"],
  },
  OTHER: {
    pair: ["{A}–{B} Memorandum on Climate Cooperation", "{A}–{B} Fisheries Agreement"],
    group: ["{CAPITAL} Accord on Digital Standards", "{CAPITAL} Declaration on Critical Minerals"],
  },
};

const COMMITMENTS: Record<AgreementKind, string[]> = {
  TRADE: [
    "eliminate tariffs on {SECTOR} imports",
    "open public procurement in {SECTOR} to {OTHER} firms",
    "buy more {OTHER} {SECTOR} products",
    "phase out quotas on {SECTOR}",
  ],
  INVESTMENT: [
    "invest in {SECTOR} projects in {OTHER} regions",
    "fund a joint {SECTOR} development bank",
    "finance new {SECTOR} plants for {OTHER} partners",
  ],
  SECURITY: [
    "fund joint naval exercises",
    "share intelligence on threats to {SECTOR}",
    "raise defence spending on {SECTOR}",
    "host {OTHER} training missions",
  ],
  OTHER: ["align regulation of {SECTOR} with {OTHER} standards", "fund research on {SECTOR}", "exchange data on {SECTOR}"],
};

const SECTORS = [
  "semiconductors",
  "agriculture",
  "automobiles",
  "energy",
  "critical minerals",
  "pharmaceuticals",
  "shipbuilding",
  "digital services",
  "financial services",
  "textiles",
  "steel",
  "renewable energy",
  "telecommunications",
  "infrastructure",
  "fisheries",
  "tourism",
  "aerospace",
];

const PRODUCTS = [
  "automobiles",
  "steel",
  "aluminium",
  "semiconductors",
  "solar panels",
  "electric vehicles",
  "lithium-ion batteries",
  "soybeans",
  "rice",
  "wine",
  "cheese",
  "textiles",
  "footwear",
  "lumber",
  "pharmaceuticals",
  "rare earth magnets",
  "machine tools",
  "smartphones",
  "beef",
  "coffee",
  "cocoa",
  "shrimp",
  "copper",
  "fertiliser",
  "aircraft parts",
  "furniture",
  "toys",
  "whisky",
  "olive oil",
];

const CURRENCY_SYMBOLS: Record<string, string | undefined> = { USD: "$", EUR: "€", GBP: "£" };

const RATES = [0, 2.5, 5, 7.5, 10, 12.5, 15, 20, 25, 27.5, 35, 50, 100];

const SOURCES = [
  "Meridian Wire",
  "The Harbour Ledger",
  "Continental Daily",
  "Le Courrier Économique",
  "Pacific Dispatch",
  "Nordic Tribune",
  "Global Trade Monitor",
  "Südwest Rundschau",
];

const QUARTERS = ["first", "second", "third", "fourth"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const WHEN = ["later this month", "next week", "before the end of the year", "on the sidelines of the summit", "in the coming days"];
const MOODS = ["constructive", "at a turning point", "under strain", "stronger than ever", "frank but friendly"];
const CRITICISMS = ["short-sighted", "a step backwards", "unacceptable", "a negotiating tactic", "regrettable"];
/** The response that names an organization: written with a mention of it (see TEMPLATES). */
const WTO_COMPLAINT = "file a complaint with the World Trade Organization";

const RESPONSES = ["respond in kind", WTO_COMPLAINT, "seek an exemption", "review its own tariffs", "keep talking"];

/** A sentence without mentions: fixed, or drawn (numbers, sectors) from the article's stream. */
type Filler = string | ((rng: Random) => string);

/** Sentences without mentions, between and after the ones that name entities. */
const FILLERS: Filler[] = [
  (rng) => `Exports of ${rng.pick(SECTORS)} rose ${rng.int(2, 40)}% in the ${rng.pick(QUARTERS)} quarter.`,
  (rng) => `Imports of ${rng.pick(PRODUCTS)} fell ${rng.int(2, 30)}% over the same period.`,
  (rng) => `About ${rng.int(3, 40) * 10} companies are expected to apply for exemptions.`,
  (rng) => `Negotiators met for ${rng.int(4, 19)} hours on the final day.`,
  (rng) => `The central bank left its benchmark rate at ${rng.int(1, 30) / 4}% at its last meeting.`,
  (rng) => `Industry groups said ${rng.pick(SECTORS)} would be the sector most affected.`,
  "Markets were little changed on the news.",
  "The talks are expected to resume next month.",
  "Officials declined to give further details.",
  "Business groups welcomed the announcement but asked for a longer transition period.",
  "The measure still requires parliamentary approval.",
  "Economists cautioned that the full effect would not be visible for several quarters.",
  "Shipping companies said they were studying the new rules.",
  "A joint statement is expected at the end of the meeting.",
  "Farmers’ associations said they had not been consulted.",
  "The announcement came after months of negotiations behind closed doors.",
  "Consumer groups warned that prices could rise.",
  "Details of the implementation schedule have not been published.",
  "Several delegations asked for more time to review the text.",
  "Customs data for the first quarter will be released next week.",
  "Industry lobbyists have pressed for the change for years.",
  "Both sides described the meeting as productive.",
];

/** Fillers with characters outside ASCII and outside the BMP (emoji are surrogate pairs in UTF-16). */
const WIDE_FILLERS = [
  "The two delegations shook hands for photographers 🤝 before the talks began.",
  "Traders were unmoved 📉 by the announcement, and the currency barely changed.",
  "A banner at the venue read “自由贸易” (free trade).",
  "One delegate wore a badge reading “平和” (peace).",
  "Officials posted a short video captioned “🌍 together” after the signing.",
  "The chef served ramen 🍜 and crème brûlée at the working lunch.",
];
