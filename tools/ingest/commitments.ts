// Commitments under an agreement, read from the sentences that mention it: "a Japanese commitment
// to invest $550 billion in … such as A, B and C", "China committed to buy …", "purchases by
// Japan of U.S. agricultural … products", and tariff changes made under it ("Based on the deal,
// Trump lowered U.S. tariffs…"); and money pledged anywhere near it: a party as the subject of
// a verb of giving or buying with an amount as its object ("South Korea will invest $350 billion
// … and buy $100 billion worth of …", "Indian businesses had committed to invest about £6bn").
import type { CommitmentRecord, MoneyRecord } from "../../src/corpus/format.js";
import type { AgreementFinding, CountryMention, TariffFinding } from "./findings.js";
import { lookUpSurface } from "./gazetteer.js";
import { findMoney, type MoneyMention } from "./money.js";
import type { AnalysedText, Sentence } from "./textAnalysis.js";

/** Adjectives that name a sector: "U.S. agricultural and other products" → agriculture. */
const SECTOR_ADJECTIVES = new Map(
  Object.entries({
    agricultural: "agriculture",
    farm: "agriculture",
    automotive: "automobiles",
    pharmaceutical: "pharmaceuticals",
    industrial: "industry",
    financial: "finance",
    energy: "energy",
    defense: "defense",
    digital: "digital",
    steel: "steel",
    aluminum: "aluminum",
    dairy: "dairy",
    seafood: "seafood",
    aerospace: "aerospace",
  }),
);
/** Products too general to be a sector. */
const GENERIC_PRODUCTS = new Set(["goods", "products", "imports", "exports", "items", "merchandise", "commodities"]);
const CLAUSE_END = /,?\s+as well as\s|,\s+(?:while|but|and)\s|;|\.$/;

/**
 * Given an analysed body, its country mentions, agreements and tariffs, fills each agreement's
 * commitments from the sentences that mention it. Only parties to the agreement commit.
 */
export function findCommitments(
  text: AnalysedText,
  countries: CountryMention[],
  agreements: AgreementFinding[],
  tariffs: TariffFinding[],
): void {
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
        const verb = /^\s+(?:has\s+|had\s+|also\s+)?(?:committed|pledged|promised|agreed|vowed)\s+to\s+/.exec(
          text.body.slice(c.end, s.end),
        );
        if (verb === null) continue;
        const clause = untilClauseEnd(text.body.slice(c.end + verb[0].length, s.end));
        found.push({ party: c.code, description: capitalise(clause), amount: money(clause), sectors: sectorsOf(clause) });
      }
      // "purchases by Japan of U.S. agricultural and other products"
      for (const m of s.text.matchAll(
        /\b(?:(?:increased|more|additional|greater)\s+)?purchases\s+by\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)*)\s+of\s+([^,;]+?)(?=,|;|\.$|$)/gu,
      )) {
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
    for (const c of moneyCommitments(text, countries, agreement, agreements)) {
      if (!found.some((o) => o.party === c.party && o.amount?.amount === c.amount?.amount && o.amount?.currency === c.amount?.currency))
        found.push(c);
    }
    agreement.commitments = found.filter(
      (c, i) => agreement.parties.includes(c.party) && found.findIndex((o) => o.party === c.party && o.description === c.description) === i,
    );
  }
}

/** Verbs whose object is money a party puts up: "invest $550 billion", "buy $15 billion worth of". */
const GIVING_VERB =
  /\b(?:invest(?:s|ed|ing)?|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|spend(?:s|ing)?|spent|provid(?:e|es|ed|ing)|put(?:s|ting)?|contribut(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|commit(?:s|ted|ting)?|order(?:s|ed|ing)?|import(?:s|ed|ing)?|inject(?:s|ed|ing)?|allocat(?:e|es|ed|ing))\b/g;
/** What may stand between a giving verb and its amount without ending the clause. */
const MAX_VERB_GAP = 80;
/** Words that make the country after them an object, not the subject: "invest in the United States". */
const OBJECT_MARKER =
  /\b(?:in|into|to|from|with|of|for|on|at|by|than|through|between|across|against|over|under|toward|towards)\s+(?:the\s+)?$/i;

// Private: money commitments by the agreement's parties in the sentences near it. An amount
// counts when a giving verb precedes it in its clause (or it "will go to" something, or it is
// "its promised $550 billion of investment"), and the
// committing party is the nearest country before the verb that is not a prepositional object
// ("the bloc" standing for the EU); "the same amount" repeats the last amount pledged.
function moneyCommitments(
  text: AnalysedText,
  countries: CountryMention[],
  agreement: AgreementFinding,
  all: AgreementFinding[],
): CommitmentRecord[] {
  const found: CommitmentRecord[] = [];
  let last: MoneyRecord | null = null;
  for (const s of text.sentences) {
    if (owningAgreement(s, all) !== agreement) continue;
    const amounts: (MoneyMention | { start: number; end: number; text: string; same: true })[] = [
      ...findMoney(s.text).map((m) => ({ ...m, start: m.start + s.start, end: m.end + s.start })),
      ...[...s.text.matchAll(/\b(?:the same amount|a matching amount|as much)\b/g)].map((m) => ({
        start: s.start + m.index,
        end: s.start + m.index + m[0].length,
        text: m[0],
        same: true as const,
      })),
    ].sort((a, b) => a.start - b.start);
    for (const m of amounts) {
      const before = text.body.slice(s.start, m.start);
      const verbs = [...before.matchAll(GIVING_VERB)];
      const verb = verbs.at(-1);
      const gap = verb === undefined ? "" : before.slice(verb.index + verb[0].length);
      const afterVerb = verb !== undefined && gap.length <= MAX_VERB_GAP && !/[,;:()]/.test(gap);
      const goesTo = /^\s+(?:will|would)\s+(?:go|be invested|be spent|be channell?ed)\b/.test(text.body.slice(m.end, s.end));
      // "its promised $550 billion of investment", "Japan's pledged $550 billion in investments": an amount its owner has put up.
      const owned =
        /\b(?:its|their|\p{Lu}[\p{L}.]*['’]s)\s+(?:promised|pledged|committed|planned|proposed|new|additional)?\s*$/u.test(before) &&
        /^\s+(?:of|in)\s+(?:new\s+|additional\s+|direct\s+)?(?:investments?|purchases|spending|financing|funding|loans|aid)\b/.test(
          text.body.slice(m.end, s.end),
        );
      if (!afterVerb && !goesTo && !owned) continue;
      const subjectEnd = afterVerb && !owned ? s.start + verb!.index : m.start;
      const party =
        subjectBefore(text, countries, s, subjectEnd, agreement) ?? (goesTo ? subjectBefore(text, countries, s, s.end, agreement) : null);
      if (party === null) continue;
      const amount: MoneyRecord | null = "same" in m ? last : { amount: m.amount, currency: m.currency };
      if (amount === null) continue;
      last = amount;
      // What the amount buys or goes to, up to the next amount: "worth of U.S. energy" in "buy $15 billion worth of U.S. energy and $4.5 billion of …".
      const nextAmount = amounts.find((o) => o.start > m.start);
      const object = text.body.slice(m.end, nextAmount?.start ?? s.end).replace(/\s+and\s*$/, "");
      const clause = untilClauseEnd(object.replace(/^[\s,]+/, ""));
      const description = `${afterVerb ? `${verb![0]} ` : ""}${m.text}${clause === "" ? "" : ` ${clause}`}`.replace(/\s+/g, " ").trim();
      found.push({ party, description: capitalise(description), amount, sectors: sectorsOf(clause) });
    }
  }
  return found;
}

// Private: the agreement a sentence speaks under: one it mentions, else the latest mentioned
// before it, else the first mentioned after it (a story's opening commitments precede "the deal").
function owningAgreement(s: Sentence, agreements: AgreementFinding[]): AgreementFinding | undefined {
  const at = (a: AgreementFinding, test: (sentence: number) => boolean) =>
    a.mentions.filter((m) => test(m.sentence)).map((m) => m.sentence);
  const inSentence = agreements.find((a) => at(a, (i) => i === s.index).length > 0);
  if (inSentence !== undefined) return inSentence;
  let best: { a: AgreementFinding; distance: number } | undefined;
  for (const a of agreements) {
    for (const i of a.mentions.map((m) => m.sentence)) {
      const distance = i < s.index ? s.index - i : 1000 + i - s.index;
      if (best === undefined || distance < best.distance) best = { a, distance };
    }
  }
  return best?.a;
}

// Private: the party that is the subject before an offset: the nearest country mention of the
// agreement's parties in the sentence that no preposition governs, or the EU for "the bloc".
function subjectBefore(
  text: AnalysedText,
  countries: CountryMention[],
  s: Sentence,
  end: number,
  agreement: AgreementFinding,
): string | null {
  const candidates = countries.filter((c) => c.sentence === s.index && c.end <= end && agreement.parties.includes(c.code));
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i];
    // "the airline group that owns British Airways": a demonym opening a company's name is not the party.
    if (c.kind === "demonym" && /^\s\p{Lu}/u.test(text.body.slice(c.end, c.end + 2))) continue;
    if (!OBJECT_MARKER.test(text.body.slice(s.start, c.start))) return c.code;
  }
  if (agreement.parties.includes("EU") && /\b(?:the|this) bloc\b/i.test(text.body.slice(s.start, end))) return "EU";
  return null;
}

// Private: a clause up to where a coordinated one starts ("…, as well as", "; ", final stop).
function untilClauseEnd(text: string): string {
  const stop = text.search(CLAUSE_END);
  return (stop < 0 ? text : text.slice(0, stop)).trim();
}

// Private: the sectors a clause names: the list after "such as", else sector adjectives.
function sectorsOf(clause: string): string[] {
  const list = /\bsuch as\s+(.+)$/.exec(clause);
  if (list)
    return list[1]
      .split(/,\s*(?:and\s+)?|\s+and\s+/)
      .map((s) => s.trim())
      .filter(Boolean);
  const words = clause.toLowerCase().match(/\p{L}+/gu) ?? [];
  return [...new Set(words.map((w) => SECTOR_ADJECTIVES.get(w)).filter((s): s is string => s !== undefined))];
}

// Private: the first amount of money in a clause: "$550 billion", "1.5 trillion yen", "£6bn".
function money(clause: string): MoneyRecord | null {
  const [first] = findMoney(clause);
  return first === undefined ? null : { amount: first.amount, currency: first.currency };
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
