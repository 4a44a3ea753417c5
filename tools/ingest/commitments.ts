// Commitments under an agreement, read from the sentences that mention it: "a Japanese commitment
// to invest $550 billion in … such as A, B and C", "China committed to buy …", "purchases by
// Japan of U.S. agricultural … products", and tariff changes made under it ("Based on the deal,
// Trump lowered U.S. tariffs…").
import type { CommitmentRecord, MoneyRecord } from "../../src/corpus/format.js";
import type { AgreementFinding, CountryMention, TariffFinding } from "./findings.js";
import { lookUpSurface } from "./gazetteer.js";
import type { AnalysedText } from "./textAnalysis.js";

/** Adjectives that name a sector: "U.S. agricultural and other products" → agriculture. */
const SECTOR_ADJECTIVES = new Map(Object.entries({
  agricultural: "agriculture", farm: "agriculture", automotive: "automobiles", pharmaceutical: "pharmaceuticals",
  industrial: "industry", financial: "finance", energy: "energy", defense: "defense", digital: "digital",
  steel: "steel", aluminum: "aluminum", dairy: "dairy", seafood: "seafood", aerospace: "aerospace",
}));
/** Products too general to be a sector. */
const GENERIC_PRODUCTS = new Set(["goods", "products", "imports", "exports", "items", "merchandise", "commodities"]);
const CLAUSE_END = /,?\s+as well as\s|,\s+(?:while|but|and)\s|;|\.$/;
const CURRENCIES: Record<string, string> = { yen: "JPY", euro: "EUR", euros: "EUR", pounds: "GBP", pound: "GBP", yuan: "CNY", won: "KRW" };
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * Given an analysed body, its country mentions, agreements and tariffs, fills each agreement's
 * commitments from the sentences that mention it. Only parties to the agreement commit.
 */
export function findCommitments(text: AnalysedText, countries: CountryMention[], agreements: AgreementFinding[], tariffs: TariffFinding[]): void {
  for (const agreement of agreements) {
    const found: CommitmentRecord[] = [];
    for (const sentence of new Set(agreement.mentions.map((m) => m.sentence))) {
      const s = text.sentences[sentence];
      // "<Japanese|Japan's> commitment to <clause>"
      for (const c of countries.filter((c) => c.sentence === sentence)) {
        const opener = /^(?:['’]s)?\s+(?:new\s+|firm\s+)?(?:commitment|pledge|promise)\s+to\s+/.exec(text.body.slice(c.end, s.end));
        if (opener === null) continue;
        const clause = untilClauseEnd(text.body.slice(c.end + opener[0].length, s.end));
        found.push({ party: c.code, description: capitalise(clause), amount: money(clause), sectors: sectorsOf(clause) });
      }
      // "Under the deal, China committed to buy an additional $200 billion of U.S. goods"
      for (const c of countries.filter((c) => c.sentence === sentence)) {
        const verb = /^\s+(?:has\s+|had\s+|also\s+)?(?:committed|pledged|promised|agreed|vowed)\s+to\s+/.exec(text.body.slice(c.end, s.end));
        if (verb === null) continue;
        const clause = untilClauseEnd(text.body.slice(c.end + verb[0].length, s.end));
        found.push({ party: c.code, description: capitalise(clause), amount: money(clause), sectors: sectorsOf(clause) });
      }
      // "purchases by Japan of U.S. agricultural and other products"
      for (const m of s.text.matchAll(/\b(?:(?:increased|more|additional|greater)\s+)?purchases\s+by\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)*)\s+of\s+([^,;]+?)(?=,|;|\.$|$)/gu)) {
        const party = lookUpSurface(m[1]);
        if (party === undefined) continue;
        found.push({ party: party.code, description: capitalise(m[0]), amount: money(m[2]), sectors: sectorsOf(m[2]) });
      }
      // Tariff changes made under the agreement, one commitment per imposing party.
      const underIt = tariffs.filter((t) => t.agreement === agreement && t.mentions.some((m) => m.sentence === sentence));
      for (const party of new Set(underIt.map((t) => t.imposedBy))) {
        const sectors = underIt.filter((t) => t.imposedBy === party && !GENERIC_PRODUCTS.has(t.product)).map((t) => t.product);
        const clause = untilClauseEnd(s.text.replace(/^(?:Based on|Under|In line with|As part of)\s[^,]+,\s*/, ""));
        found.push({ party, description: capitalise(clause), amount: null, sectors: [...new Set(sectors)] });
      }
    }
    agreement.commitments = found.filter(
      (c, i) => agreement.parties.includes(c.party) && found.findIndex((o) => o.party === c.party && o.description === c.description) === i,
    );
  }
}

// Private: a clause up to where a coordinated one starts ("…, as well as", "; ", final stop).
function untilClauseEnd(text: string): string {
  const stop = text.search(CLAUSE_END);
  return (stop < 0 ? text : text.slice(0, stop)).trim();
}

// Private: the sectors a clause names: the list after "such as", else sector adjectives.
function sectorsOf(clause: string): string[] {
  const list = /\bsuch as\s+(.+)$/.exec(clause);
  if (list) return list[1].split(/,\s*(?:and\s+)?|\s+and\s+/).map((s) => s.trim()).filter(Boolean);
  const words = clause.toLowerCase().match(/\p{L}+/gu) ?? [];
  return [...new Set(words.map((w) => SECTOR_ADJECTIVES.get(w)).filter((s): s is string => s !== undefined))];
}

// Private: the first amount of money in a clause: "$550 billion", "1.5 trillion yen".
function money(clause: string): MoneyRecord | null {
  const dollars = /\$\s?(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)?/.exec(clause);
  if (dollars) return { amount: Number(dollars[1]) * (SCALE[dollars[2] ?? ""] ?? 1), currency: "USD" };
  const other = /(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)?\s+(yen|euros?|pounds?|yuan|won)\b/.exec(clause);
  if (other) return { amount: Number(other[1]) * (SCALE[other[2] ?? ""] ?? 1), currency: CURRENCIES[other[3]] };
  return null;
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
