// Agreements: noun phrases headed by "agreement", "deal", "pact", "accord", "treaty",
// "alliance" — their kind from the words around the head, their parties from the phrase or its
// context, when they were concluded, and which later phrases ("the bilateral deal") refer back.
import type { AgreementKind } from "../../src/corpus/format.js";
import { readDate } from "./dates.js";
import type { AgreementFinding, CountryMention, Mention, UnresolvedFinding } from "./findings.js";
import { isCapitalised, type AnalysedText, type Token } from "./textAnalysis.js";

const HEADS = new Set(["agreement", "deal", "pact", "accord", "treaty", "alliance", "truce"]);
/** Words that give an agreement's kind. */
const KIND_WORDS = new Map<string, AgreementKind>([
  ...["trade", "economic", "commerce", "commercial", "tariff", "partnership", "market"].map((w) => [w, "TRADE"] as const),
  ...["security", "defense", "defence", "military"].map((w) => [w, "SECURITY"] as const),
  ["investment", "INVESTMENT"],
]);
/** Determiners that open an agreement phrase; "a"/"an" introduce a new one, the rest refer. */
const DETERMINERS = new Set(["a", "an", "the", "their", "its", "this", "that", "our", "his", "her"]);
/** Verbs that conclude an agreement: "signed a trade agreement", "a deal struck in July". */
const CONCLUDING_VERBS = new Set(["signed", "struck", "reached", "concluded", "clinched", "sealed", "inked", "forged", "agreed"]);
/** Tags of words that may sit between a determiner and the head ("the first major trade deal"). */
const MODIFIER_TAGS = ["Adjective", "Noun", "Value", "Ordinal", "Cardinal"];

/**
 * Given an analysed body, its country mentions and publication date, returns the agreements
 * it mentions, each with every phrase that refers to it, plus phrases it could not resolve.
 * An indefinite phrase only counts when the text says the agreement was made ("signed a
 * deal", "a deal struck in July"); "ended without a deal" names no agreement.
 */
export function findAgreements(
  text: AnalysedText,
  countries: CountryMention[],
  published: string | null,
): { agreements: AgreementFinding[]; unresolved: UnresolvedFinding[] } {
  const agreements: AgreementFinding[] = [];
  const unresolved: UnresolvedFinding[] = [];
  const lastMention = new Map<AgreementFinding, number>();
  const pair = principalPair(countries);

  for (const head of text.tokens) {
    const phrase = readPhrase(text, head, countries, published);
    if (phrase === null) continue;
    const { mention, kind, explicit, definite, concludedBy, concluded } = phrase;
    if (phrase.undatedExpression) {
      unresolved.push({ entityType: "AGREEMENT", ...mention, reason: "when it was concluded needs the publication date (--published) to resolve" });
    }

    let agreement: AgreementFinding | null = null;
    if (definite) {
      let best: AgreementFinding | null = null;
      for (const a of agreements) {
        if (kind !== null && a.kind !== kind) continue;
        if (head.lower === "alliance" && a.kind !== "SECURITY") continue;
        if (!explicit.every((c) => a.parties.includes(c))) continue;
        if (best === null || lastMention.get(a)! > lastMention.get(best)!) best = a;
      }
      agreement = best;
      if (agreement === null && kind === null && explicit.length === 0 && head.lower !== "alliance") {
        unresolved.push({ entityType: "AGREEMENT", ...mention, reason: "no agreement earlier in the article that this could refer to" });
        continue;
      }
    } else if (!concludedBy) {
      continue;
    }

    if (agreement === null) {
      const parties = [...explicit];
      for (const c of [...phrase.context, ...coordinatedBefore(text, countries, mention), ...pair]) {
        if (parties.length >= 2) break;
        if (!parties.includes(c)) parties.push(c);
      }
      if (parties.length === 0) {
        unresolved.push({ entityType: "AGREEMENT", ...mention, reason: "no party named or implied" });
        continue;
      }
      const sameIdentity = agreements.find((a) => a.kind === (kind ?? kindOfHead(head)) && sameSet(a.parties, parties));
      agreement = sameIdentity ?? {
        kind: kind ?? kindOfHead(head),
        parties: [...parties].sort(),
        concluded: null,
        properName: phrase.properName,
        head: head.lower,
        commitments: [],
        mentions: [],
      };
      if (sameIdentity === undefined) agreements.push(agreement);
    }
    agreement.mentions.push(mention);
    agreement.concluded ??= concluded;
    lastMention.set(agreement, mention.start);
  }
  return { agreements, unresolved };
}

// Private: one agreement phrase around a head noun.
interface Phrase {
  mention: Mention;
  kind: AgreementKind | null;
  /** Countries named inside the phrase ("the Japan-U.S. security treaty"). */
  explicit: string[];
  /** Countries named right after it ("with Britain", "between Japan and Britain"). */
  context: string[];
  definite: boolean;
  /** Whether the text says it was made: a concluding verb before it or a participle after it. */
  concludedBy: boolean;
  concluded: string | null;
  /** A date expression ("in July") that only a publication date could resolve. */
  undatedExpression: boolean;
  properName: string | null;
}

// Private: the phrase headed by `head`, or null when the word does not head an agreement phrase.
function readPhrase(text: AnalysedText, head: Token, countries: CountryMention[], published: string | null): Phrase | null {
  if (!HEADS.has(head.lower) || head.after.startsWith("-")) return null;
  const tokens = text.tokens;
  const next = tokens[head.index + 1];
  const sameSentence = (t: Token | undefined): t is Token => t !== undefined && t.sentence === head.sentence;
  // "deal talks", "alliance partners": the head modifies another noun.
  if (!head.possessive && sameSentence(next) && head.after === " " && next.tags.has("Noun") && !next.tags.has("ProperNoun") && !next.tags.has("Pronoun") && !next.tags.has("Date")) return null;

  // Leftwards to the determiner or possessive that opens the phrase.
  let first: Token | null = null;
  let determiner: string | null = null;
  for (let i = head.index - 1; i >= head.index - 8; i--) {
    const t = tokens[i];
    if (!sameSentence(t) || !(t.after === " " || t.after === "-")) break;
    if (DETERMINERS.has(t.lower)) {
      first = t;
      determiner = t.lower;
      break;
    }
    if (t.possessive && isCapitalised(t)) {
      first = t;
      determiner = "possessive";
      break;
    }
    if (t.possessive) break;
    const modifier = isCapitalised(t) || KIND_WORDS.has(t.lower) || MODIFIER_TAGS.some((tag) => t.tags.has(tag)) || /^\d+$/.test(t.text);
    if (!modifier) break;
  }
  if (first === null || determiner === null) return null;

  // Rightwards: a participle with a date belongs to the phrase ("a trade agreement struck in July").
  let last = head;
  let concluded: string | null = null;
  let concludedBy = false;
  let undatedExpression = false;
  const participle = tokens[head.index + 1];
  if (!head.possessive && sameSentence(participle) && head.after === " " && CONCLUDING_VERBS.has(participle.lower)) {
    const date = readDate(tokens, participle.index + 1, published);
    if (date !== null && tokens[date.next - 1].sentence === head.sentence) {
      last = tokens[date.next - 1];
      concluded = date.date;
      undatedExpression = date.date === null;
      concludedBy = true;
    }
  }
  // A concluding verb shortly before: "Japan and Britain signed a free trade agreement on Friday".
  for (let i = first.index - 1; i >= first.index - 3 && !concludedBy; i--) {
    if (!sameSentence(tokens[i])) break;
    if (CONCLUDING_VERBS.has(tokens[i].lower) && tokens[i].tags.has("Verb")) {
      concludedBy = true;
      const date = !last.possessive && last.after === " " ? readDate(tokens, last.index + 1, published) : null;
      concluded = date?.date ?? null;
      undatedExpression = date !== null && date.date === null;
    }
  }

  const start = first.start;
  const end = last.end;
  const mention: Mention = { start, end, text: text.body.slice(start, end), sentence: head.sentence };
  const inside = countries.filter((c) => c.start >= start && c.end <= head.end);
  const words = tokens.slice(first.index, head.index + 1).map((t) => t.lower);
  const kinds = words.map((w) => KIND_WORDS.get(w)).filter((k): k is AgreementKind => k !== undefined);
  const capitalHead = isCapitalised(head) && tokens[head.index - 1] !== undefined && isCapitalised(tokens[head.index - 1]);
  const nameStart = tokens[first.index + 1];
  return {
    mention,
    kind: kinds[0] ?? null,
    explicit: unique(inside.map((c) => c.code)),
    context: countriesAfter(text, countries, last),
    definite: determiner !== "a" && determiner !== "an",
    concludedBy,
    concluded,
    undatedExpression,
    properName: capitalHead && nameStart !== undefined ? text.body.slice(nameStart.start, head.end) : null,
  };
}

// Private: "with Britain", "between Japan and Britain" right after a phrase.
function countriesAfter(text: AnalysedText, countries: CountryMention[], last: Token): string[] {
  const next = text.tokens[last.index + 1];
  if (next === undefined || next.sentence !== last.sentence || last.possessive || !/^(with|between)$/.test(next.lower)) return [];
  const codes: string[] = [];
  let at = next.end;
  for (const c of countries) {
    if (c.start < at) continue;
    const gap = text.body.slice(at, c.start);
    if (!/^\s*(?:and\s+)?$/.test(gap)) break;
    codes.push(c.code);
    at = c.end;
  }
  return codes;
}

// Private: "Tokyo and Washington … their alliance": the pair of coordinated countries nearest
// before a phrase in its sentence, the likeliest parties of an agreement it does not name.
function coordinatedBefore(text: AnalysedText, countries: CountryMention[], mention: Mention): string[] {
  const inSentence = countries.filter((c) => c.sentence === mention.sentence && c.end <= mention.start);
  for (let i = inSentence.length - 1; i > 0; i--) {
    const [a, b] = [inSentence[i - 1], inSentence[i]];
    if (/^\s+and\s+$/.test(text.body.slice(a.end, b.start)) && a.code !== b.code) return [a.code, b.code];
  }
  return [];
}

// Private: the two countries an article is mostly about (most mentions, earliest first on ties);
// an unnamed "bilateral" agreement in a two-country story is theirs.
function principalPair(countries: CountryMention[]): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (const c of countries) {
    const entry = counts.get(c.code) ?? { n: 0, first: c.start };
    entry.n++;
    counts.set(c.code, entry);
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).slice(0, 2).map(([code]) => code);
}

function kindOfHead(head: Token): AgreementKind {
  return head.lower === "alliance" ? "SECURITY" : "OTHER";
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
