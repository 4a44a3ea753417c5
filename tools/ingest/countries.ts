// Country mentions: gazetteer hits kept or dropped the way a careful annotator would. Names and
// demonyms count unless they are part of another name ("South China seas", "Sea of Japan");
// a capital counts only where it stands for the state ("Beijing's", "Tokyo and Washington",
// "Washington said"), never where it is the place ("in Tokyo", "southwest of Tokyo").
import type { CountryMention } from "./findings.js";
import type { SurfaceHit } from "./gazetteer.js";
import { isCapitalised, type AnalysedText, type Span, type Token } from "./textAnalysis.js";

/** Geographic features named after a country, which are not the country. */
const GEO_FEATURES = new Set(["sea", "seas", "ocean", "strait", "straits", "gulf", "bay", "peninsula", "channel"]);
/**
 * Prepositions after which a capital is the place: "in Tokyo", "southwest of Tokyo". Not "to":
 * "trips to Washington" and "shuttling to Washington" go to negotiate with the state; only a
 * verb of plain motion before "to" makes it the place ("flew to Tokyo").
 */
const LOCATIVE = new Set([
  "in",
  "at",
  "from",
  "near",
  "into",
  "inside",
  "outside",
  "around",
  "via",
  "through",
  "across",
  "of",
  "within",
  "throughout",
  "onto",
  "beyond",
]);
/** Verbs of travel whose object is the place: "visited Seoul". */
const MOTION = new Set([
  "visit",
  "visits",
  "visited",
  "visiting",
  "arrive",
  "arrives",
  "arrived",
  "arriving",
  "leave",
  "leaves",
  "left",
  "leaving",
  "reach",
  "reached",
  "tour",
  "toured",
  "touring",
  "return",
  "returned",
  "fly",
  "flew",
  "travel",
  "traveled",
  "travelled",
]);
/** Verbs of plain motion after which "to CAPITAL" is the place: "flew to Tokyo", "heading to Seoul". */
const MOTION_TO = new Set([
  ...MOTION,
  "flew",
  "flying",
  "fly",
  "headed",
  "heading",
  "head",
  "went",
  "go",
  "going",
  "goes",
  "came",
  "come",
  "coming",
  "moved",
  "move",
  "moving",
  "relocated",
]);
/** Words relating two parties, after which a capital is the state: "talks with Beijing". */
const RELATIONAL = new Set(["with", "against", "toward", "towards", "between", "for", "by", "on", "over"]);
/** Nouns after a possessive capital that make it the city: "Tokyo's governor", "Seoul's streets". */
const CITY_NOUNS = new Set([
  "governor",
  "governors",
  "mayor",
  "residents",
  "streets",
  "street",
  "district",
  "districts",
  "suburbs",
  "outskirts",
  "downtown",
  "airport",
  "airports",
  "subway",
  "population",
  "skyline",
  "ward",
  "wards",
  "neighborhood",
  "neighborhoods",
  "neighbourhood",
  "neighbourhoods",
  "hospitals",
  "hotel",
  "hotels",
  "metropolitan",
  "city",
  "police",
  "area",
  "venues",
  "stadium",
  "station",
  "marathon",
  "center",
  "centre",
  "port",
]);
/** Tags of words that cannot start a proper name before a country ("In Japan", not "New Jersey"). */
const FUNCTION_TAGS = ["Preposition", "Conjunction", "Determiner", "Pronoun", "Adverb", "Verb", "QuestionWord", "Value"];

/**
 * Given an analysed body, its gazetteer hits, and spans that are already something else
 * (people's names, ships' names), returns the country mentions in text order.
 */
export function findCountryMentions(text: AnalysedText, hits: SurfaceHit[], taken: Span[]): CountryMention[] {
  const startsAt = new Map(text.tokens.map((t) => [t.start, t]));
  const hitStarts = new Map(hits.map((h) => [h.start, h]));
  const hitEnds = new Map(hits.map((h) => [h.end, h]));
  const mentions: CountryMention[] = [];
  for (const hit of hits) {
    if (taken.some((s) => hit.start < s.end && hit.end > s.start)) continue;
    const first = startsAt.get(hit.start);
    if (first === undefined) continue;
    let last = first;
    while (last.end < hit.end && text.tokens[last.index + 1] !== undefined) last = text.tokens[last.index + 1];
    const keep =
      hit.kind === "capital" ? standsForState(text, first, last, hitStarts, hitEnds) : !partOfOtherName(text, first, last, hitEnds);
    if (keep) mentions.push({ code: hit.code, kind: hit.kind, start: hit.start, end: hit.end, text: hit.text, sentence: first.sentence });
  }
  return mentions;
}

// Private: "South China seas", "Sea of Japan", "New Jersey": the hit is a piece of another name.
function partOfOtherName(text: AnalysedText, first: Token, last: Token, hitEnds: Map<number, SurfaceHit>): boolean {
  const next = neighbour(text, last, 1);
  if (next !== undefined && last.after === " " && !last.possessive && GEO_FEATURES.has(next.lower)) return true;
  const prev = neighbour(text, first, -1);
  if (prev !== undefined && prev.lower === "of") {
    const before = neighbour(text, prev, -1);
    if (before !== undefined && isCapitalised(before) && GEO_FEATURES.has(before.lower)) return true;
  }
  return prev !== undefined && joinsAsName(prev, hitEnds);
}

// Private: whether a capital stands for its state here rather than the city.
function standsForState(
  text: AnalysedText,
  first: Token,
  last: Token,
  hitStarts: Map<number, SurfaceHit>,
  hitEnds: Map<number, SurfaceHit>,
): boolean {
  const next = neighbour(text, last, 1);
  // A word before a comma does not govern the capital: "In return, Hanoi will give".
  const before = neighbour(text, first, -1);
  const prev = before !== undefined && before.after.trim() === "" ? before : undefined;
  // Part of a longer proper name: "George Washington", "Washington Post", "Tokyo Stock Exchange".
  if (prev !== undefined && joinsAsName(prev, hitEnds)) return false;
  if (next !== undefined && last.after === " " && !last.possessive && isCapitalised(next)) return false;

  // A compound adjective is about the city: "a Beijing-based diplomat", "Tokyo-bound flights".
  if (last.after === "-" && next !== undefined && !isCapitalised(next)) return false;
  if (last.possessive) return next === undefined || !CITY_NOUNS.has(next.lower);

  // Coordinated with another state: "Tokyo and Washington", "between Washington and Beijing".
  const groupStart = coordinationStart(text, first, last, hitStarts, hitEnds);
  if (groupStart !== null) {
    const before = neighbour(text, groupStart, -1);
    return before === undefined || !(LOCATIVE.has(before.lower) || MOTION.has(before.lower));
  }
  if (prev !== undefined && (LOCATIVE.has(prev.lower) || MOTION.has(prev.lower))) return false;
  if (prev !== undefined && prev.lower === "to") {
    const verb = neighbour(text, prev, -1);
    return verb === undefined || !MOTION_TO.has(verb.lower);
  }
  if (prev !== undefined && RELATIONAL.has(prev.lower)) return true;
  // The object of any other verb is the state: "criticized New Delhi", "urged Beijing".
  if (prev?.tags.has("Verb") && !prev.tags.has("Copula") && !prev.tags.has("Auxiliary")) return true;
  // The subject of a verb, adverbs aside: "Washington would", "Beijing also said".
  let verb = next;
  while (verb?.tags.has("Adverb") && last.after === " ") verb = neighbour(text, verb, 1);
  return verb !== undefined && ["Verb", "Modal", "Auxiliary", "Copula"].some((tag) => verb.tags.has(tag));
}

// Private: when a capital is one of "X and Y", the first token of the pair; null otherwise.
function coordinationStart(
  text: AnalysedText,
  first: Token,
  last: Token,
  hitStarts: Map<number, SurfaceHit>,
  hitEnds: Map<number, SurfaceHit>,
): Token | null {
  const next = neighbour(text, last, 1);
  const afterNext = next === undefined ? undefined : neighbour(text, next, 1);
  if (next !== undefined && afterNext !== undefined && !last.possessive && /^(and|or)$/.test(next.lower) && hitStarts.has(afterNext.start))
    return first;
  const prev = neighbour(text, first, -1);
  const beforePrev = prev === undefined ? undefined : neighbour(text, prev, -1);
  if (prev !== undefined && beforePrev !== undefined && /^(and|or)$/.test(prev.lower)) {
    const other = hitEnds.get(beforePrev.end);
    if (other !== undefined) return text.tokens.find((t) => t.start === other.start) ?? beforePrev;
  }
  return null;
}

// Private: whether `prev` is a capitalised word that runs into the next one as one name.
function joinsAsName(prev: Token, hitEnds: Map<number, SurfaceHit>): boolean {
  return (
    isCapitalised(prev) &&
    prev.after === " " &&
    !prev.possessive &&
    !hitEnds.has(prev.end) &&
    !/^(?:\p{Lu}\.)+$/u.test(prev.text) &&
    !FUNCTION_TAGS.some((tag) => prev.tags.has(tag)) &&
    !prev.tags.has("Honorific") &&
    !prev.tags.has("Actor")
  );
}

// Private: the token `step` places away within the same sentence.
function neighbour(text: AnalysedText, token: Token, step: 1 | -1): Token | undefined {
  const other = text.tokens[token.index + step];
  return other !== undefined && other.sentence === token.sentence ? other : undefined;
}
