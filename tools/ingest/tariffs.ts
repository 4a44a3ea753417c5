// Tariffs: "U.S. tariffs on goods from Japan", "the levy on automobiles", "a 25 percent tariff on
// Chinese goods" — who imposes it (a modifier, the sentence's subject, or the tariff just named),
// on whom (a demonym, "from X"), on what, and the rate and previous rate the sentence gives.
import type { AgreementFinding, CountryMention, Mention, PersonFinding, TariffFinding, UnresolvedFinding } from "./findings.js";
import { isCapitalised, type AnalysedText, type Token } from "./textAnalysis.js";

const HEADS = new Set(["tariff", "tariffs", "levy", "levies", "duty", "duties"]);
/** Heads that are unambiguous enough to report when they cannot be resolved ("duty" often is not a tax). */
const REPORTED_HEADS = new Set(["tariff", "tariffs", "levy", "levies"]);
const DETERMINERS = new Set(["a", "an", "the", "its", "their", "these", "those", "this", "that"]);
/** Words that may open a product phrase without being the product: "on all Chinese goods". */
const PRODUCT_OPENERS = new Set(["the", "all", "some", "most", "remaining", "about", "nearly", "around", "roughly", "some"]);
/** How many sentences back "the levy" may reach for the tariff it refers to. */
const ANAPHORA_REACH = 2;
/** Tags that end a product phrase. */
const PRODUCT_STOP_TAGS = ["Preposition", "Conjunction", "Determiner", "Pronoun", "Adverb", "Modal", "Auxiliary", "PastTense", "Gerund"];
const RATE = String.raw`(\d+(?:\.\d+)?)\s*(?:percent|%)`;
/** "to 15 percent from the previous rate of 27.5 percent", "at 25 percent". */
const RATE_TO_FROM = new RegExp(String.raw`^[\s,]*(?:\w+\s+){0,2}?(?:to|at)\s+(?:as much as\s+|up to\s+)?${RATE}(?:\s+from\s+(?:the\s+previous\s+(?:rate|level)\s+of\s+|a\s+previous\s+|an?\s+earlier\s+)?${RATE})?`);
/** "from 10 percent to 25 percent". */
const RATE_FROM_TO = new RegExp(String.raw`^[\s,]*(?:\w+\s+){0,2}?from\s+${RATE}\s+to\s+${RATE}`);

/**
 * Given an analysed body, its country mentions, people and agreements, returns the tariffs it
 * mentions (one per imposer, target and product) and tariff words it could not resolve.
 */
export function findTariffs(
  text: AnalysedText,
  countries: CountryMention[],
  people: PersonFinding[],
  agreements: AgreementFinding[],
): { tariffs: TariffFinding[]; unresolved: UnresolvedFinding[] } {
  const unresolved: UnresolvedFinding[] = [];
  const phrases = text.tokens.map((t) => readPhrase(text, t, countries, people)).filter((p): p is TariffPhrase => p !== null);
  const byKey = new Map<string, TariffFinding>();
  const previousInSentence: { phrase: TariffPhrase; imposedBy: string; appliesTo: string }[] = [];

  for (const phrase of phrases) {
    if (phrase.product === null) {
      // "the levy", "the tariffs": a definite phrase refers to the tariff named shortly before.
      const antecedent = phrase.definite && REPORTED_HEADS.has(phrase.head.lower) ? latestTariff([...byKey.values()], phrase) : undefined;
      if (antecedent !== undefined) {
        antecedent.mentions.push(phrase.mention);
        continue;
      }
      if (REPORTED_HEADS.has(phrase.head.lower)) {
        unresolved.push({ entityType: "TARIFF", ...phrase.mention, reason: "no product or target country stated" });
      }
      continue;
    }
    const earlier = previousInSentence.filter((p) => p.phrase.mention.sentence === phrase.mention.sentence).at(-1);
    let imposedBy = phrase.imposer;
    let appliesTo = phrase.target;
    if (imposedBy === null && earlier !== undefined && !phrase.pronoun && earlier.imposedBy !== appliesTo) {
      imposedBy = earlier.imposedBy;
      appliesTo ??= earlier.appliesTo;
    }
    imposedBy ??= subjectBefore(countries, people, phrase, phrases);
    appliesTo ??= earlier?.appliesTo ?? null;
    if (imposedBy === null || appliesTo === null || imposedBy === appliesTo) {
      unresolved.push({ entityType: "TARIFF", ...phrase.mention, reason: imposedBy === null ? "no imposing country found" : "no target country found" });
      continue;
    }
    previousInSentence.push({ phrase, imposedBy, appliesTo });

    const rates = ratesAfter(text, phrase, phrases);
    const key = `${imposedBy}>${appliesTo}:${phrase.product}`;
    let tariff = byKey.get(key);
    if (tariff === undefined) {
      tariff = { imposedBy, appliesTo, product: phrase.product, ratePercent: null, previousRatePercent: null, agreement: null, mentions: [] };
      byKey.set(key, tariff);
    }
    tariff.mentions.push(phrase.mention);
    tariff.ratePercent ??= rates.rate ?? phrase.rate;
    tariff.previousRatePercent ??= rates.previous;
    tariff.agreement ??= agreements.find((a) => a.mentions.some((m) => m.sentence === phrase.mention.sentence)) ?? null;
  }
  return { tariffs: [...byKey.values()], unresolved };
}

// Private: one tariff phrase: its span and what the phrase itself says.
interface TariffPhrase {
  head: Token;
  mention: Mention;
  /** A country modifying the head: "U.S. tariffs", "Beijing's levies". */
  imposer: string | null;
  /** A demonym or "from X" in the product phrase. */
  target: string | null;
  product: string | null;
  /** A rate in the phrase: "a 25 percent tariff", "tariffs of 25 percent". */
  rate: number | null;
  /** Opened by "its"/"their": the imposer is the subject, not the tariff before. */
  pronoun: boolean;
  /** Opened by "the", "these", "this": it may refer back to a tariff already named. */
  definite: boolean;
  /** Index of the last token of the phrase. */
  lastIndex: number;
}

// Private: the phrase a tariff word heads, or null when the word only modifies another noun
// ("tariff war", "tariff-free") or is not a tariff at all.
function readPhrase(text: AnalysedText, head: Token, countries: CountryMention[], people: PersonFinding[]): TariffPhrase | null {
  if (!HEADS.has(head.lower) || head.after.startsWith("-")) return null;
  const tokens = text.tokens;
  const same = (t: Token | undefined): t is Token => t !== undefined && t.sentence === head.sentence;
  const next = tokens[head.index + 1];
  if (same(next) && head.after === " " && next.tags.has("Noun") && !/^(on|of)$/.test(next.lower)) return null;
  const countryAt = (t: Token) => countries.find((c) => c.start === t.start);

  // Leftwards: determiner, rate and country modifiers.
  let first = head;
  let imposer: string | null = null;
  let rate: number | null = null;
  let pronoun = false;
  let definite = false;
  for (let i = head.index - 1; i >= head.index - 6; i--) {
    const t = tokens[i];
    if (!same(t) || t.after !== " ") break;
    if (DETERMINERS.has(t.lower)) {
      first = t;
      pronoun = t.lower === "its" || t.lower === "their";
      definite = /^(the|these|those|this|that)$/.test(t.lower);
      break;
    }
    const country = countryAt(t);
    if (country !== undefined) {
      imposer ??= country.code;
      first = t;
      if (t.possessive) break;
      continue;
    }
    // "Trump's new duties": a person's tariffs are their country's; the phrase starts after the name.
    const owner = t.possessive ? people.find((p) => p.nationality !== null && p.mentions.some((m) => m.end === t.end)) : undefined;
    if (owner !== undefined) {
      imposer ??= owner.nationality;
      break;
    }
    if (t.lower === "percent" && /^\d+(?:\.\d+)?$/.test(tokens[i - 1]?.text ?? "")) {
      rate = Number(tokens[i - 1].text);
      first = tokens[--i];
      continue;
    }
    if (!isCapitalised(t) && (t.tags.has("Adjective") || t.tags.has("Ordinal") || /^(new|higher|additional|retaliatory|punitive|extra|first|steep)$/.test(t.lower))) {
      first = t;
      continue;
    }
    break;
  }

  // Rightwards: "of 25 percent", then "on" and the product phrase, then "from X".
  let i = head.index + 1;
  if (same(tokens[i]) && tokens[i].lower === "of") {
    // "tariffs of 25 percent on", "tariffs of up to 25 percent on"
    let j = i + 1;
    while (same(tokens[j]) && /^(up|to|as|much|about|around|nearly)$/.test(tokens[j].lower)) j++;
    if (/^\d+(?:\.\d+)?$/.test(tokens[j]?.text ?? "") && tokens[j + 1]?.lower === "percent") {
      rate = Number(tokens[j].text);
      i = j + 2;
    }
  }
  let target: string | null = null;
  let product: string | null = null;
  let last = head;
  if (same(tokens[i]) && tokens[i].lower === "on" && tokens[i - 1].after === " ") {
    i++;
    // Amounts and quantifiers: "$200 billion worth of", "about $300 billion of".
    while (same(tokens[i]) && (PRODUCT_OPENERS.has(tokens[i].lower) || /^\$?\d/.test(tokens[i].text) || /^(billion|million|trillion|worth|of)$/.test(tokens[i].lower))) i++;
    const country = same(tokens[i]) ? countryAt(tokens[i]) : undefined;
    if (country !== undefined && (country.kind === "demonym" || tokens[i].possessive || country.kind === "name")) {
      target = country.code;
      while (same(tokens[i]) && tokens[i].start < country.end) i++;
    }
    const words: Token[] = [];
    // Nouns and adjectives; a word tagged as a verb only first ("Chinese imports", not "goods remain").
    const productWord = (t: Token) =>
      /^\p{Ll}+$/u.test(t.text) && !PRODUCT_STOP_TAGS.some((tag) => t.tags.has(tag)) &&
      (t.tags.has("Noun") || t.tags.has("Adjective") || (words.length === 0 && t.tags.has("PresentTense") && t.lower.endsWith("s")));
    while (same(tokens[i]) && productWord(tokens[i])) {
      words.push(tokens[i]);
      if (tokens[i].after !== " ") break;
      i++;
    }
    if (words.length > 0) {
      product = words.map((w) => w.lower).join(" ");
      last = words[words.length - 1];
      const from = tokens[last.index + 1];
      const source = tokens[last.index + 2];
      if (last.after === " " && same(from) && from.lower === "from" && same(source)) {
        const c = countryAt(source);
        if (c !== undefined && c.kind !== "capital") {
          target ??= c.code;
          last = text.tokens.find((t) => t.end === c.end) ?? source;
        }
      }
    }
  }
  const start = first.start;
  const end = product === null ? head.end : last.end;
  return {
    head,
    mention: { start, end, text: text.body.slice(start, end), sentence: head.sentence },
    imposer: imposer !== null && imposer !== target ? imposer : null,
    target,
    product,
    rate,
    pronoun,
    definite,
    lastIndex: product === null ? head.index : last.index,
  };
}

// Private: the tariff mentioned last within the few sentences before a phrase, if its imposer fits.
function latestTariff(tariffs: TariffFinding[], phrase: TariffPhrase): TariffFinding | undefined {
  let best: { tariff: TariffFinding; at: number } | undefined;
  for (const tariff of tariffs) {
    if (phrase.imposer !== null && tariff.imposedBy !== phrase.imposer) continue;
    for (const m of tariff.mentions) {
      if (m.start >= phrase.mention.start || m.sentence < phrase.mention.sentence - ANAPHORA_REACH) continue;
      if (best === undefined || m.start > best.at) best = { tariff, at: m.start };
    }
  }
  return best?.tariff;
}

// Private: the country or person (by nationality) nearest before a phrase in its sentence and
// outside other tariff phrases: the subject that imposes it ("Trump imposed the first duties…").
function subjectBefore(countries: CountryMention[], people: PersonFinding[], phrase: TariffPhrase, phrases: TariffPhrase[]): string | null {
  const inOther = (start: number) => phrases.some((p) => p !== phrase && start >= p.mention.start && start < p.mention.end);
  const candidates: { at: number; code: string }[] = [];
  for (const c of countries) {
    if (c.sentence === phrase.mention.sentence && c.end <= phrase.mention.start && !inOther(c.start)) candidates.push({ at: c.start, code: c.code });
  }
  for (const p of people) {
    if (p.nationality === null) continue;
    for (const m of p.mentions) {
      if (m.sentence === phrase.mention.sentence && m.end <= phrase.mention.start && !inOther(m.start)) candidates.push({ at: m.start, code: p.nationality });
    }
  }
  candidates.sort((a, b) => b.at - a.at);
  return candidates.find((c) => c.code !== phrase.target)?.code ?? null;
}

// Private: "…to 15 percent from 27.5 percent" between the phrase and the next tariff phrase.
function ratesAfter(text: AnalysedText, phrase: TariffPhrase, phrases: TariffPhrase[]): { rate: number | null; previous: number | null } {
  const sentenceEnd = text.sentences[phrase.mention.sentence].end;
  const nextPhrase = phrases.find((p) => p.mention.start >= phrase.mention.end && p.mention.sentence === phrase.mention.sentence);
  const region = text.body.slice(phrase.mention.end, nextPhrase?.mention.start ?? sentenceEnd);
  const toFrom = RATE_TO_FROM.exec(region);
  if (toFrom) return { rate: Number(toFrom[1]), previous: toFrom[2] === undefined ? null : Number(toFrom[2]) };
  const fromTo = RATE_FROM_TO.exec(region);
  if (fromTo) return { rate: Number(fromTo[2]), previous: Number(fromTo[1]) };
  return { rate: null, previous: null };
}
