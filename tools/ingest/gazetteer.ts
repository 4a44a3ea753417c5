// The country gazetteer: ISO codes, names, demonyms and capitals from the world-countries
// package, plus the short forms wire copy uses ("U.S.", "Britain"), the European Union as a
// trade party (ISO 3166-1 reserves EU for it), and a finder for them in text.
import worldCountries from "world-countries";
import type { CountryKind } from "../../src/corpus/format.js";

/** How a surface form names a country: by name ("Japan", "U.S."), demonym ("Japanese") or capital ("Tokyo"). */
export type SurfaceKind = "name" | "demonym" | "capital";

/** One country as the gazetteer knows it. */
export interface GazetteerCountry {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  /** Common English name, the corpus's `name`. */
  name: string;
  /** Other names: official name, wire short forms, alternative spellings. */
  names: string[];
  /** The official name when it differs from the common one ("United States of America"). */
  officialName: string | null;
  /** Wire short forms ("U.S.", "America"), first the one agreement names use. */
  newsForms: string[];
  demonyms: string[];
  capital: string | null;
  /** The dotted wire abbreviation ("U.S.", "U.K."), when style uses one. */
  abbreviation: string | null;
  /** A sovereign state, or a customs union that makes trade policy for its members (the EU). */
  kind: CountryKind;
}

/** A place in the text where a gazetteer form occurs. */
export interface SurfaceHit {
  code: string;
  kind: SurfaceKind;
  start: number;
  end: number;
  text: string;
}

/**
 * Short forms news style uses that the ISO-oriented package lacks (wire copy writes "U.S." and
 * "Britain", not "United States of America" and "United Kingdom"). The first form is the one
 * agreement names use.
 */
const NEWS_FORMS: Record<string, string[]> = {
  US: ["U.S.", "U.S.A.", "US", "America", "United States"],
  GB: ["Britain", "U.K.", "UK", "Great Britain"],
  AE: ["U.A.E."],
  CN: ["PRC"],
  KR: ["ROK"],
  KP: ["DPRK"],
};

/**
 * Trade parties that are not states. The European Union sets one external tariff and signs trade
 * agreements for its members, so trade news treats it as a party like any state; ISO 3166-1
 * reserves EU for it. Brussels, where its institutions sit, stands for it where it acts
 * ("Brussels said it would retaliate"), as Washington stands for the United States; the news
 * uses Brussels for Belgium's government too rarely to keep that reading.
 */
const CUSTOMS_UNIONS: GazetteerCountry[] = [
  {
    code: "EU",
    name: "European Union",
    names: ["EU", "E.U."],
    officialName: null,
    newsForms: ["EU", "E.U."],
    // "European carmakers", "the European Commission": the news means the Union's.
    demonyms: ["European"],
    capital: "Brussels",
    // Not dotted, but the form ids and agreement names use: "eu-us-trade-agreement-2025".
    abbreviation: "EU",
    kind: "CUSTOMS_UNION",
  },
];

const COUNTRIES: GazetteerCountry[] = [...buildCountries(), ...CUSTOMS_UNIONS];
const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
const SURFACES: Map<string, { code: string; kind: SurfaceKind }> = buildSurfaces(COUNTRIES);
const FINDER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...SURFACES.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);

/** Given an ISO alpha-2 code, returns the gazetteer's country, or undefined. */
export function countryByCode(code: string): GazetteerCountry | undefined {
  return BY_CODE.get(code);
}

/** Given an exact surface form ("Japanese", "U.S.", "Tokyo"), returns its country and kind, or undefined. */
export function lookUpSurface(text: string): { code: string; kind: SurfaceKind } | undefined {
  return SURFACES.get(text);
}

/**
 * Given a body, returns every occurrence of a country name, demonym or capital, longest form
 * first ("North Korea", never "Korea"; "Japanese", never "Japan"), in text order. Matching is
 * case-sensitive: "china" is porcelain, "us" a pronoun.
 */
export function findSurfaces(body: string): SurfaceHit[] {
  const hits: SurfaceHit[] = [];
  for (const m of body.matchAll(FINDER)) {
    // "US$550 billion" names a currency, not the country.
    if (body[m.index + m[0].length] === "$") continue;
    const entry = SURFACES.get(m[0])!;
    hits.push({ ...entry, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return hits;
}

/** Cities that file news without being capitals, and their countries. */
const NEWS_CITIES: Record<string, string> = {
  "New York": "US",
  "Los Angeles": "US",
  Chicago: "US",
  Detroit: "US",
  Houston: "US",
  "San Francisco": "US",
  "Palm Beach": "US",
  Toronto: "CA",
  Montreal: "CA",
  Vancouver: "CA",
  Calgary: "CA",
  Osaka: "JP",
  Yokohama: "JP",
  Nagoya: "JP",
  Shanghai: "CN",
  Shenzhen: "CN",
  Guangzhou: "CN",
  Busan: "KR",
  Gyeongju: "KR",
  Incheon: "KR",
  Mumbai: "IN",
  Bengaluru: "IN",
  "Sao Paulo": "BR",
  "São Paulo": "BR",
  "Rio de Janeiro": "BR",
  Sydney: "AU",
  Melbourne: "AU",
  Geneva: "CH",
  Zurich: "CH",
  Frankfurt: "DE",
  Munich: "DE",
  Milan: "IT",
  "Ho Chi Minh City": "VN",
  Johannesburg: "ZA",
  Dubai: "AE",
  Istanbul: "TR",
  Monterrey: "MX",
  Surabaya: "ID",
  Auckland: "NZ",
  Turnberry: "GB",
  Edinburgh: "GB",
};

/**
 * Given a dateline as written ("TOKYO", "JAKARTA, Indonesia", "SEOUL/WASHINGTON", "TORONTO"),
 * returns the country the story is filed from (its first place), or null when none is known.
 */
export function countryOfDateline(dateline: string | null): string | null {
  if (dateline === null) return null;
  // "CITY, Country" names the country; "CITY1/CITY2" files from the first city.
  const [city, country] = dateline.split(/\s*,\s*/);
  const place = city.split(/\s*\/\s*/)[0];
  for (const part of country !== undefined ? [country, place] : [place]) {
    const written = part
      .trim()
      .toLowerCase()
      .replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());
    const surface = SURFACES.get(written);
    if (surface !== undefined && (surface.kind !== "demonym" || part !== place)) return surface.code;
    if (NEWS_CITIES[written] !== undefined) return NEWS_CITIES[written];
  }
  return null;
}

/** Given a code, returns how headlines and agreement names write it: "U.S.", "Britain", "Japan". */
export function shortName(code: string): string {
  const country = BY_CODE.get(code);
  if (country?.kind === "CUSTOMS_UNION") return country.newsForms[0];
  return NEWS_FORMS[code]?.[0] ?? country?.name ?? code;
}

// Private: the package's countries reduced to what extraction needs.
function buildCountries(): GazetteerCountry[] {
  return worldCountries
    .filter((c) => /^[A-Z]{2}$/.test(c.cca2))
    .map((c) => {
      const news = NEWS_FORMS[c.cca2] ?? [];
      const official = latin(c.name.official) ? [c.name.official] : [];
      const alternatives = c.altSpellings.filter((a) => a.length >= 3 && latin(a) && /\p{Lu}/u.test(a) && !a.includes(","));
      const names = unique([...news, ...official, ...alternatives]).filter((n) => n !== c.name.common);
      const demonym = c.demonyms?.eng;
      return {
        code: c.cca2,
        name: c.name.common,
        names,
        officialName: official[0] !== undefined && official[0] !== c.name.common ? official[0] : null,
        newsForms: news.filter((n) => n !== c.name.common),
        demonyms: demonym ? unique([demonym.m, demonym.f]) : [],
        capital: c.capital[0] ? c.capital[0].replace(/\s+D\.C\.$/, "") : null,
        abbreviation: news.find((n) => /^(?:\p{Lu}\.){2,}$/u.test(n)) ?? null,
        kind: "SOVEREIGN_STATE" as const,
      };
    });
}

// Private: surface form → country. A form two countries share goes to the one independent
// state among them ("American" is the United States, not American Samoa); when that does not
// decide it ("Congolese", "Kingston"), the form is left out rather than guessed.
function buildSurfaces(countries: GazetteerCountry[]): Map<string, { code: string; kind: SurfaceKind }> {
  const independent = new Set(worldCountries.filter((c) => c.independent).map((c) => c.cca2));
  const candidates = new Map<string, { code: string; kind: SurfaceKind }[]>();
  const add = (text: string, code: string, kind: SurfaceKind) => {
    if (text.trim() === "") return;
    const list = candidates.get(text) ?? [];
    if (!list.some((e) => e.code === code)) list.push({ code, kind });
    candidates.set(text, list);
  };
  // Names first so a capital spelled like its country ("Singapore") counts as the name.
  for (const c of countries) for (const n of [c.name, ...c.names]) add(n, c.code, "name");
  for (const c of countries) for (const d of c.demonyms) add(d, c.code, "demonym");
  for (const c of countries) if (c.capital !== null && !candidates.has(c.capital)) add(c.capital, c.code, "capital");
  // A customs union's seat is its capital in the news, not the host state's ("Brussels" is the EU).
  for (const c of countries)
    if (c.kind === "CUSTOMS_UNION" && c.capital !== null) candidates.set(c.capital, [{ code: c.code, kind: "capital" }]);

  const surfaces = new Map<string, { code: string; kind: SurfaceKind }>();
  for (const [text, list] of candidates) {
    const kept = list.length === 1 ? list : list.filter((e) => independent.has(e.code) || CUSTOMS_UNIONS.some((u) => u.code === e.code));
    if (kept.length === 1) surfaces.set(text, kept[0]);
  }
  return surfaces;
}

function latin(text: string): boolean {
  return /^[\p{Script=Latin}\s.'’()-]+$/u.test(text);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
