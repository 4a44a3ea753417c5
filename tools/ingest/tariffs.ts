// Tariffs as sentence-level frames: a tariff phrase ("U.S. tariffs on goods from Japan", "the levy
// on automobiles", "a 25 percent tariff on Chinese goods", "a 20% tariff", "no tariffs on US goods")
// and the slots the sentence around it fills — who imposes it (a modifier, the subject, the
// tariff or agreement nearby), on whom (a demonym, "from X", "Goods from X will face …"), on what,
// the rate and the previous rate ("cut from A to B", "to B from A", "up from A", "doubled to B",
// "scrap its A% tariff", "which has stood at A … will fall to B"); a threatened or announced rate
// is never the previous one.
import type { TariffStatus } from "../../src/corpus/format.js";
import { isCalendarWord, readDate } from "./dates.js";
import type { AgreementFinding, CountryMention, Mention, PersonFinding, TariffFinding, UnresolvedFinding } from "./findings.js";
import { principalPair } from "./agreements.js";
import { isCapitalised, type AnalysedText, type Token } from "./textAnalysis.js";

const HEADS = new Set(["tariff", "tariffs", "levy", "levies", "duty", "duties"]);
/** Heads that are unambiguous enough to report when they cannot be resolved ("duty" often is not a tax). */
const REPORTED_HEADS = new Set(["tariff", "tariffs", "levy", "levies"]);
const DETERMINERS = new Set(["a", "an", "the", "its", "their", "these", "those", "this", "that", "no"]);
/** Lower-case nouns that qualify a tariff without being its product: "the 10% baseline tariff". */
const QUALIFIER_NOUNS = new Set([
  "baseline",
  "reciprocal",
  "sector",
  "sectoral",
  "blanket",
  "import",
  "penalty",
  "fentanyl",
  "retaliatory",
  "counter",
  "border",
]);
/** Verbs that end a tariff right before its phrase: "scrap its 19% tariff on ethanol" (a 0% rate). */
const REMOVAL_VERBS =
  /^(?:scrap|scraps|scrapped|scrapping|remove|removes|removed|removing|eliminate|eliminates|eliminated|eliminating|abolish|abolishes|abolished|lift|lifts|lifting|end|ends|ended|ending|waive|waives|waived)$/;
/** Words that make a rate threatened or announced rather than in force: "from the 25% Trump had threatened". */
const NOT_IN_FORCE = /\b(?:threat\w*|announc\w*|propos\w*|plann\w*|warn\w*|letter)\b/i;
/** Prepositions that make a country an object, not an imposing subject: "pass through Vietnam". */
const OBJECT_MARKER = /\b(?:in|into|to|from|with|of|for|on|at|by|than|through|across|against|over|toward|towards|about)\s+(?:the\s+)?$/i;

/** Words that may open a product phrase without being the product: "on all Chinese goods". */
const PRODUCT_OPENERS = new Set([
  "the",
  "all",
  "some",
  "most",
  "other",
  "remaining",
  "about",
  "nearly",
  "around",
  "roughly",
  "many",
  "its",
  "their",
]);
/** How many sentences back "the levy" may reach for the tariff it refers to. */
const ANAPHORA_REACH = 2;
/** Words that end a product phrase whatever their tag ("its 50% tariff on European cars over five years"). */
const PRODUCT_STOP_WORDS = new Set([
  "over",
  "under",
  "until",
  "within",
  "for",
  "by",
  "from",
  "after",
  "before",
  "since",
  "through",
  "starting",
  "beginning",
  "effective",
  "next",
  "last",
  "this",
]);
/** Tags that end a product phrase. */
const PRODUCT_STOP_TAGS = ["Preposition", "Conjunction", "Determiner", "Pronoun", "Adverb", "Modal", "Auxiliary", "PastTense", "Gerund"];

/**
 * Given an analysed body, its country mentions, people and agreements, returns the tariffs it
 * mentions (one per imposer, target and product) and tariff words it could not resolve.
 */
export function findTariffs(
  text: AnalysedText,
  countries: CountryMention[],
  people: PersonFinding[],
  agreements: AgreementFinding[],
  published: string | null = null,
): { tariffs: TariffFinding[]; unresolved: UnresolvedFinding[] } {
  const unresolved: UnresolvedFinding[] = [];
  const phrases = text.tokens.map((t) => readPhrase(text, t, countries, people)).filter((p): p is TariffPhrase => p !== null);
  const byKey = new Map<string, TariffFinding>();
  const previousInSentence: { phrase: TariffPhrase; imposedBy: string; appliesTo: string }[] = [];

  for (const phrase of phrases) {
    if (phrase.product === null) {
      // "the levy", "the tariffs", "the 25 percent duty": a definite phrase refers to the tariff named shortly before.
      // "the sector levies", "separate duties": another tariff, not the one just named.
      const another = /\b(?:sector|sectoral|separate|other)\b/i.test(phrase.mention.text);
      const refers = phrase.definite && !another && (REPORTED_HEADS.has(phrase.head.lower) || phrase.rate !== null);
      const antecedent = refers ? latestTariff([...byKey.values()], phrase) : undefined;
      if (antecedent !== undefined) {
        antecedent.mentions.push(phrase.mention);
        continue;
      }
      // "Goods from Vietnam will face a 20% tariff", "would charge no tariffs": a rate makes it a tariff on goods in general.
      if (phrase.rate !== null && !phrase.definite) {
        phrase.product = "goods";
        phrase.target ??= goodsOrigin(text, countries, phrase);
      } else {
        if (REPORTED_HEADS.has(phrase.head.lower)) {
          unresolved.push({ entityType: "TARIFF", ...phrase.mention, reason: "no product or target country stated" });
        }
        continue;
      }
    }
    if (phrase.genericSource) {
      unresolved.push({ entityType: "TARIFF", ...phrase.mention, reason: "applies to a class of countries, not one" });
      continue;
    }
    const earlier = previousInSentence.filter((p) => p.phrase.mention.sentence === phrase.mention.sentence).at(-1);
    let imposedBy = phrase.imposer;
    let appliesTo = phrase.target ?? (phrase.imposer === null ? facingSubject(text, countries, phrase) : null);
    if (imposedBy === null && earlier !== undefined && !phrase.pronoun && earlier.imposedBy !== appliesTo) {
      imposedBy = earlier.imposedBy;
      appliesTo ??= earlier.appliesTo;
    }
    const sentenceAgreement = agreements.find((a) => a.mentions.some((m) => m.sentence === phrase.mention.sentence));
    if (imposedBy === null) {
      // The subject before the phrase imposes it; a country only after it ("…, while Thailand
      // signed …") yields to the party across the table of a deal named before the phrase
      // ("Cambodia signed an agreement with the United States that keeps the 19% tariff on Cambodian goods").
      const subject = subjectBefore(text, countries, people, phrase, phrases, appliesTo);
      const dealBefore = agreements.find((a) =>
        a.mentions.some((m) => m.sentence === phrase.mention.sentence && m.end <= phrase.mention.start),
      );
      const across = appliesTo !== null ? otherParty(dealBefore, appliesTo) : null;
      imposedBy = subject !== null && (!subject.after || across === null) ? subject.code : (across ?? null);
    }
    appliesTo ??= earlier?.appliesTo ?? null;
    // Slots the sentence leaves open, from the story: the party across the table in an agreement
    // the sentence names, the country imposing the tariff named last, the other of the story's pair.
    const latest = [...byKey.values()].at(-1);
    if (imposedBy === null && appliesTo !== null) {
      imposedBy =
        otherParty(sentenceAgreement, appliesTo) ??
        [...byKey.values()].reverse().find((t) => t.imposedBy !== appliesTo)?.imposedBy ??
        otherParty(
          agreements.find((a) => a.parties.includes(appliesTo!) && a.parties.length === 2),
          appliesTo,
        ) ??
        principalPair(countries).find((c) => c !== appliesTo) ??
        null;
    }
    if (appliesTo === null && imposedBy !== null) {
      appliesTo =
        countries.find(
          (c) =>
            c.sentence === phrase.mention.sentence &&
            c.code !== imposedBy &&
            (c.start < phrase.mention.start || c.start >= phrase.mention.end),
        )?.code ??
        otherParty(sentenceAgreement, imposedBy) ??
        (latest !== undefined && latest.appliesTo !== imposedBy ? latest.appliesTo : null) ??
        null;
    }
    if (imposedBy === null || appliesTo === null || imposedBy === appliesTo) {
      unresolved.push({
        entityType: "TARIFF",
        ...phrase.mention,
        reason: imposedBy === null ? "no imposing country found" : "no target country found",
      });
      continue;
    }
    previousInSentence.push({ phrase, imposedBy, appliesTo });

    const rates = ratesOf(text, phrase, phrases);
    const key = `${imposedBy}>${appliesTo}:${phrase.product}`;
    let tariff = byKey.get(key);
    if (tariff === undefined) {
      tariff = {
        imposedBy,
        appliesTo,
        product: phrase.product,
        ratePercent: null,
        previousRatePercent: null,
        agreement: null,
        mentions: [],
      };
      byKey.set(key, tariff);
    }
    tariff.mentions.push(phrase.mention);
    tariff.ratePercent ??= rates.rate ?? phrase.rate;
    tariff.previousRatePercent ??= rates.previous;
    // One observation per statement of a rate, with what kind of statement it is and when it applies.
    const stated = rates.rate ?? phrase.rate;
    if (stated !== null) {
      const status = statusOf(text, phrase, rates.end, agreements);
      tariff.observations ??= [];
      tariff.observations.push({
        ratePercent: stated,
        previousRatePercent: rates.previous,
        status,
        effective: effectiveDate(text, phrase, status, published),
        sentence: phrase.mention.sentence,
      });
    }
    // Set under the agreement its sentence names, else the one agreement between its two countries.
    const between = agreements.filter((a) => a.parties.includes(imposedBy!) && a.parties.includes(appliesTo!));
    tariff.agreement ??=
      (sentenceAgreement !== undefined && between.includes(sentenceAgreement) ? sentenceAgreement : undefined) ??
      (between.length === 1 ? between[0] : null);
  }
  previousFromNextSentence(text, [...byKey.values()]);
  // A rate only threatened or put off is not set under a deal, unless a sentence stating it names the deal.
  for (const tariff of byKey.values()) {
    const observations = tariff.observations ?? [];
    const agreement = tariff.agreement;
    if (agreement === null || observations.length === 0) continue;
    if (!observations.every((o) => o.status === "THREATENED" || o.status === "PAUSED")) continue;
    if (!tariff.mentions.some((m) => agreement.mentions.some((a) => a.sentence === m.sentence))) tariff.agreement = null;
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
  /** "on imports from countries with which …": goods of a class of countries, no one target. */
  genericSource: boolean;
}

// Private: the phrase a tariff word heads, or null when the word only modifies another noun
// ("tariff war", "tariff-free") or is not a tariff at all.
function readPhrase(text: AnalysedText, head: Token, countries: CountryMention[], people: PersonFinding[]): TariffPhrase | null {
  if (!HEADS.has(head.lower) || head.after.startsWith("-")) return null;
  const tokens = text.tokens;
  const same = (t: Token | undefined): t is Token => t !== undefined && t.sentence === head.sentence;
  const next = tokens[head.index + 1];
  // "tariff war", "tariff increase": the word modifies a noun. A name after it starts a clause: "the 25 percent duty Trump had threatened".
  if (same(next) && head.after === " " && next.tags.has("Noun") && !isCapitalised(next) && !/^(on|of)$/.test(next.lower)) return null;
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
      // "no tariffs on US goods": a rate of zero.
      if (t.lower === "no") rate = 0;
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
    // "a 20% tariff": compromise keeps the sign on the number.
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(t.text);
    if (percent !== null) {
      rate = Number(percent[1]);
      first = t;
      continue;
    }
    if (QUALIFIER_NOUNS.has(t.lower)) {
      first = t;
      continue;
    }
    // "… and lower duties on farm products": a comparative after "and", "to" or a modal is the verb.
    if (
      /^(?:lower|higher|raise|cut)$/.test(t.lower) &&
      /^(?:and|or|to|will|would|could|can|may|might|should|must)$/.test(tokens[i - 1]?.lower ?? "")
    )
      break;
    if (
      !isCapitalised(t) &&
      (t.tags.has("Adjective") || t.tags.has("Ordinal") || /^(new|higher|additional|retaliatory|punitive|extra|first|steep)$/.test(t.lower))
    ) {
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
    } else if (/^\d+(?:\.\d+)?%$/.test(tokens[j]?.text ?? "")) {
      rate = Number(tokens[j].text.slice(0, -1));
      i = j + 1;
    }
  }
  let target: string | null = null;
  let product: string | null = null;
  let last = head;
  if (same(tokens[i]) && tokens[i].lower === "on" && tokens[i - 1].after === " ") {
    i++;
    // Amounts and quantifiers: "$200 billion worth of", "about $300 billion of".
    while (
      same(tokens[i]) &&
      (PRODUCT_OPENERS.has(tokens[i].lower) ||
        /^(?:[A-Z]{0,2}\$|[€£¥₹])?\d/.test(tokens[i].text) ||
        /^(billion|million|trillion|bn|worth|of)$/.test(tokens[i].lower))
    )
      i++;
    const country = same(tokens[i]) ? countryAt(tokens[i]) : undefined;
    if (country !== undefined && (country.kind === "demonym" || tokens[i].possessive || country.kind === "name")) {
      target = country.code;
      while (same(tokens[i]) && tokens[i].start < country.end) i++;
    }
    const words: Token[] = [];
    // Nouns and adjectives; a word tagged as a verb only first ("Chinese imports", not "goods remain").
    const productWord = (t: Token) =>
      /^\p{Ll}+$/u.test(t.text) &&
      !PRODUCT_STOP_TAGS.some((tag) => t.tags.has(tag)) &&
      (t.tags.has("Noun") || t.tags.has("Adjective") || (words.length === 0 && t.tags.has("PresentTense") && t.lower.endsWith("s")));
    while (same(tokens[i]) && productWord(tokens[i]) && !PRODUCT_STOP_WORDS.has(tokens[i].lower)) {
      words.push(tokens[i]);
      if (tokens[i].after !== " ") break;
      i++;
    }
    if (words.length > 0) {
      product = words.map((w) => w.lower).join(" ");
      last = words[words.length - 1];
      const from = tokens[last.index + 1];
      const source = tokens[last.index + 2];
      // "from China", "from the European Union"
      const sourceAt = same(source) && source.lower === "the" ? tokens[last.index + 3] : source;
      if (last.after === " " && same(from) && from.lower === "from" && same(sourceAt)) {
        const c = countryAt(sourceAt);
        if (c !== undefined && c.kind !== "capital") {
          target ??= c.code;
          last = text.tokens.find((t) => t.end === c.end) ?? sourceAt;
        }
      }
    }
  }
  const start = first.start;
  const end = product === null ? head.end : last.end;
  const afterProduct = text.body.slice(end, text.sentences[head.sentence].end);
  const genericSource =
    target === null &&
    /^\s+from\s+(?:other\s+|many\s+|several\s+|some\s+)?(?:countries|nations|economies|partners|suppliers|trading partners)\b/i.test(
      afterProduct,
    );
  return {
    genericSource,
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

// Private: the country or person (by nationality) nearest before a phrase in its sentence, outside
// other tariff phrases and not the object of a preposition ("pass through Vietnam"): the subject
// that imposes it ("Trump imposed the first duties…"); else the nearest such after it in the
// sentence ("…, Trump wrote").
function subjectBefore(
  text: AnalysedText,
  countries: CountryMention[],
  people: PersonFinding[],
  phrase: TariffPhrase,
  phrases: TariffPhrase[],
  target: string | null = null,
): { code: string; after: boolean } | null {
  const inOther = (start: number) => phrases.some((p) => p !== phrase && start >= p.mention.start && start < p.mention.end);
  const sentenceStart = text.sentences[phrase.mention.sentence].start;
  const isObject = (start: number) => OBJECT_MARKER.test(text.body.slice(sentenceStart, start));
  const candidates: { at: number; code: string; after: boolean }[] = [];
  const consider = (start: number, end: number, code: string) => {
    if (inOther(start) || isObject(start)) return;
    if (end <= phrase.mention.start) candidates.push({ at: start, code, after: false });
    else if (start >= phrase.mention.end) candidates.push({ at: start, code, after: true });
  };
  for (const c of countries) if (c.sentence === phrase.mention.sentence) consider(c.start, c.end, c.code);
  for (const p of people) {
    if (p.nationality === null) continue;
    for (const m of p.mentions) if (m.sentence === phrase.mention.sentence) consider(m.start, m.end, p.nationality);
  }
  const before = candidates.filter((c) => !c.after).sort((a, b) => b.at - a.at);
  const after = candidates.filter((c) => c.after).sort((a, b) => a.at - b.at);
  const found = [...before, ...after].find((c) => c.code !== (target ?? phrase.target));
  return found === undefined ? null : { code: found.code, after: found.after };
}

/** Verbs that put a rate off: "paused", "suspended", "delayed", "hold off on", "put on hold". */
const PAUSED_WORDS =
  /\b(?:suspend\w*|paus(?:e|es|ed|ing)|on hold|delay\w*|postpon\w*|defer\w*|(?:hold|holds|holding|held)\s+off|put\s+off)\b/i;
/** A rate held over the other side: a threat, a warning, a condition. */
const THREAT_WORDS = /\b(?:threat\w*|warn\w*|could|might|unless|ultimatum)\b/i;
/** A rate set by letter ("received an identical letter setting a 25% tariff", "said in a letter it will"). */
const LETTER_WORDS = /\bletters?\b/i;
/** What a following sentence says when it calls the statement before it a threat or a letter. */
const CHARACTERISING_WORDS = /\b(?:threat\w*|warn\w*|letters?)\b/i;
/** The change has happened ("took effect", "came into force") or, in the present, is scheduled ("takes effect on Thursday"). */
const STARTED_WORDS =
  /\b(?:(?:took|takes|taken|taking|take)\s+effect|(?:came|come|comes|coming)\s+into\s+(?:force|effect)|(?:went|gone|goes|go)\s+into\s+effect|kick(?:ed|s)?\s+in|entered\s+into\s+force)\b/i;
const STARTED_PAST = /\b(?:took|taken|came|went|gone|kicked|entered)\b/i;
/** The rate goes on: "will stay at", "would remain", "keeps the 19% tariff", "left unchanged", "continue to face". */
const CONTINUING_WORDS =
  /\b(?:stay|stays|stayed|remain|remains|remained|keep|keeps|kept|unchanged|continu(?:e|es|ed|ing) to (?:face|pay|apply|be charged))\b/i;
/** The rate is charged now: "is now", "currently", "already". */
const NOW_WORDS = /\b(?:now|currently|already)\b/i;
/**
 * A rate to apply later: a future, a plan, a pending act, an infinitive of the change ("will fall
 * to", "would face", "set to", "agreed to cut", "proposed raising", "waiting for Trump to sign",
 * "clearing the way for Washington to cut").
 */
const FUTURE_WORDS =
  /\b(?:will|would|shall|going to|set to|is to|are to|to be|plans?|planned|planning|intends?|intended|expect(?:s|ed)? to|agree[sd]? to|propos\w*|once|waiting for|yet to|pending|(?:clear|clears|cleared|clearing|pave|paves|paved|paving) the way)\b|['’]ll\b|\bto (?:cut|lower|reduce|raise|lift|increase|impose|halve|double|slash|scrap|remove|drop|set)\b/i;
/** A deal that sets a rate: its terms apply later unless the text says they have started. */
const DEAL_WORDS = /\b(?:deal|agreement|pact|accord|framework|truce|arrangement|treaty|under which)\b/i;
/** Verbs of saying or deciding, whose own date is not when a rate applies ("said on Saturday he would …"). */
const SAYING_VERBS =
  /^(?:said|says|told|wrote|announced|proposed|decided|threatened|warned|agreed|signed|posted|unveiled|confirmed|added|declared)$/;
/** Verbs that report a statement rather than make it ("…, he said"). */
const REPORTING_VERBS = new Set(["said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "announced", "stated"]);
const N_PERCENT = String.raw`\d+(?:\.\d+)?\s*(?:percent|per cent|%)`;

// Private: the status of the rate a statement gives, from the words that make the statement —
// the phrase's clause through the rate it states (the whole sentence before it when the clause
// has no verb: "…, with no tariffs on US goods, he said"), without what describes the rate it
// replaces ("up from the 10% now charged", ", which has stood at 27.5 percent since April,",
// "currently stand at 27.5%, and") — and the two sentences after it when one of them calls it a
// threat or a letter and states no other rate ("Trump announced the rate in a letter …"). In order:
// PAUSED (put off: "paused", "delayed", "hold off on"), THREATENED (a threat, a warning, a
// condition, a rate set by letter), a start ("took effect": IN_EFFECT; "takes effect on
// Thursday", "will take effect": ANNOUNCED), a rate that goes on ("will stay at": IN_EFFECT),
// a future, plan or pending act (ANNOUNCED), "now"/"currently" (IN_EFFECT), a deal's terms
// ("a deal that cuts …": ANNOUNCED), else IN_EFFECT (a present or past statement: "face",
// "doubled to 50% on Wednesday").
function statusOf(text: AnalysedText, phrase: TariffPhrase, rateEnd: number, agreements: AgreementFinding[]): TariffStatus {
  const sentence = text.sentences[phrase.mention.sentence];
  let [start, end] = clauseOf(text, phrase);
  end = Math.max(end, rateEnd);
  const hasVerb = (from: number, to: number) =>
    text.tokens.some(
      (t) =>
        t.start >= from &&
        t.end <= to &&
        (t.start < phrase.mention.start || t.start >= phrase.mention.end) &&
        t.tags.has("Verb") &&
        !REPORTING_VERBS.has(t.lower),
    );
  if (!hasVerb(start, end)) start = sentence.start;
  const words = text.body
    .slice(start, end)
    .replace(/,\s*(?:which|who|that)\b[^,]*,/gi, " ")
    .replace(/,\s*(?:currently|now|already)\b[^,]*,/gi, " ")
    .replace(/\b(?:up|down)\s+from\b[^,;]*/gi, " ")
    .replace(
      new RegExp(String.raw`\b(?:currently|now|already)\s+(?:\w+\s+){0,2}?(?:at\s+|above\s+|below\s+)?${N_PERCENT}[^,;]*[,;]?`, "gi"),
      " ",
    );
  if (PAUSED_WORDS.test(words)) return "PAUSED";
  const future = FUTURE_WORDS.test(words);
  if (THREAT_WORDS.test(words) || LETTER_WORDS.test(words)) return "THREATENED";
  if (STARTED_WORDS.test(words)) return STARTED_PAST.test(words) ? "IN_EFFECT" : "ANNOUNCED";
  if (CONTINUING_WORDS.test(words)) return "IN_EFFECT";
  if (future) {
    // "… to 25% from Aug. 1." followed by "Trump announced the rate in a letter …" / "The threat …".
    const deal =
      DEAL_WORDS.test(text.body.slice(sentence.start, end)) ||
      agreements.some((a) => a.mentions.some((m) => m.sentence === sentence.index));
    // The next two sentences; one stating a rate of its own speaks of that rate, not this one.
    const following = text.sentences.slice(phrase.mention.sentence + 1, phrase.mention.sentence + 3);
    const characterised = following.some((n) => CHARACTERISING_WORDS.test(n.text) && !new RegExp(N_PERCENT, "i").test(n.text));
    return characterised && !deal ? "THREATENED" : "ANNOUNCED";
  }
  if (NOW_WORDS.test(words)) return "IN_EFFECT";
  return DEAL_WORDS.test(words) || agreements.some((a) => a.mentions.some((m) => m.start >= start && m.end <= end))
    ? "ANNOUNCED"
    : "IN_EFFECT";
}

// Private: the span of a phrase's own clause: from the last comma, semicolon, "while" or "but"
// before it to the first one after it that ends more than a short aside ("Tariffs on British
// cars, currently above 100%, will drop to 10% for …").
function clauseOf(text: AnalysedText, phrase: TariffPhrase): [number, number] {
  const sentence = text.sentences[phrase.mention.sentence];
  const before = text.body.slice(sentence.start, phrase.mention.start);
  const after = text.body.slice(phrase.mention.end, sentence.end);
  const boundary = /[,;:]|\s(?:while|but|whereas)\s/g;
  const opening = [...before.matchAll(boundary)].at(-1);
  // Short asides between commas belong to the clause: ", currently above 100%,".
  let closing: RegExpExecArray | null;
  let from = 0;
  for (;;) {
    boundary.lastIndex = from;
    closing = boundary.exec(after);
    // A conjunction always ends the clause ("keeps the 20% tariff but could exempt …"); only commas open asides.
    if (closing === null || !/^[,;:]$/.test(closing[0]) || after.slice(from, closing.index).trim().split(/\s+/).filter(Boolean).length > 3)
      break;
    from = closing.index + closing[0].length;
  }
  return [
    opening === undefined ? sentence.start : sentence.start + opening.index + opening[0].length,
    closing === null ? sentence.end : phrase.mention.end + closing.index,
  ];
}

// Private: when the rate applies, from a date expression in the phrase's sentence: "from Aug. 1"
// first, else "on Wednesday", "in August", and "since April" only for a rate already in force
// (for a coming rate it dates the old one). A coming rate's month without a year is the next one.
function effectiveDate(text: AnalysedText, phrase: TariffPhrase, status: TariffStatus, published: string | null): string | null {
  const sentence = text.sentences[phrase.mention.sentence];
  const [start, end] = clauseOf(text, phrase);
  const coming = status === "ANNOUNCED" || status === "THREATENED";
  const leads = coming
    ? ["from", "starting", "beginning", "effective", "on", "in"]
    : ["from", "starting", "effective", "on", "in", "since"];
  for (const lead of leads) {
    for (let i = sentence.first; i < sentence.last; i++) {
      if (text.tokens[i].lower !== lead || text.tokens[i].start < start || text.tokens[i].end > end) continue;
      const date = readDate(text.tokens, i, published);
      if (date === null || date.date === null) continue;
      // "said on Saturday he would raise", "on Wednesday proposed raising": when it was said or decided, not when it applies.
      if (SAYING_VERBS.test(text.tokens[i - 1]?.lower ?? "") || SAYING_VERBS.test(text.tokens[date.next]?.lower ?? "")) continue;
      const words = text.tokens.slice(i, date.next);
      const monthOnly = !words.some((t) => /^\d{4}$/.test(t.text)) && !words.some((t) => /day$/.test(t.lower));
      if (coming && monthOnly && published !== null && date.date.length >= 7 && date.date < published.slice(0, date.date.length)) {
        return `${Number(date.date.slice(0, 4)) + 1}${date.date.slice(4)}`;
      }
      // A coming rate's weekday is the next one: "takes effect on Thursday".
      const weekdayOnly = words.length <= 2 && words.some((t) => /day$/.test(t.lower) && isCalendarWord(t.lower));
      if (coming && weekdayOnly && published !== null && date.date.length === 10 && date.date < published.slice(0, 10)) {
        const next = new Date(`${date.date}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 7);
        return next.toISOString().slice(0, 10);
      }
      return date.date;
    }
  }
  return null;
}

// Private: where goods "from X", "X's exports", "Philippine exports" come from in a phrase's
// sentence, for a tariff phrase that names no product ("… will face a 20% tariff").
function goodsOrigin(text: AnalysedText, countries: CountryMention[], phrase: TariffPhrase): string | null {
  const sentence = text.sentences[phrase.mention.sentence];
  for (const c of countries.filter((c) => c.sentence === sentence.index && c.end <= phrase.mention.start)) {
    const before = text.body.slice(sentence.start, c.start);
    const after = text.body.slice(c.end, phrase.mention.start);
    if (/\b(?:goods|exports|products|imports|shipments)\s+from\s+(?:the\s+)?$/i.test(before)) return c.code;
    if (/^(?:['’]s)?\s+(?:\w+\s+)?(?:goods|exports|products|imports|shipments)\b/i.test(after)) return c.code;
  }
  return null;
}

// Private: the rate in force a statement replaces, when the next sentence gives it: "… a 50%
// tariff on Brazilian goods from Aug. 1. The rate would replace the 10% that Brazilian
// exporters have paid since April." A threatened or announced rate named there is not one in
// force ("The new rate replaces the 25 percent duty Trump had threatened").
function previousFromNextSentence(text: AnalysedText, tariffs: TariffFinding[]): void {
  const replaces =
    /^(?:The|This|That|Its)\s+(?:new\s+|lower\s+|higher\s+)?(?:rate|tariff|levy|duty)\s+(?:\w+\s+){0,2}?(?:replaces|replaced|would replace|will replace)\s+(?:the\s+|a\s+)?(\d+(?:\.\d+)?)\s*(?:percent|per cent|%)([^.;]*)/i;
  for (const sentence of text.sentences) {
    const m = replaces.exec(sentence.text);
    if (m === null || NOT_IN_FORCE.test(m[2]) || sentence.index === 0) continue;
    const stated = tariffs
      .flatMap((t) => (t.observations ?? []).filter((o) => o.sentence === sentence.index - 1).map((o) => ({ t, o })))
      .at(-1);
    if (stated === undefined || stated.o.previousRatePercent !== null || stated.o.ratePercent === Number(m[1])) continue;
    stated.o.previousRatePercent = Number(m[1]);
    stated.t.previousRatePercent ??= Number(m[1]);
  }
}

// Private: the country a sentence says will face or pay the tariff ("Pakistan, …, will face a
// 19% tariff on its goods"): the nearest country before the phrase, not a prepositional object,
// with "face"/"pay"/"be hit with" between it and the phrase. It is the target, not the imposer.
function facingSubject(text: AnalysedText, countries: CountryMention[], phrase: TariffPhrase): string | null {
  const sentenceStart = text.sentences[phrase.mention.sentence].start;
  const before = countries.filter(
    (c) =>
      c.sentence === phrase.mention.sentence &&
      c.end <= phrase.mention.start &&
      !OBJECT_MARKER.test(text.body.slice(sentenceStart, c.start)),
  );
  for (let i = before.length - 1; i >= 0; i--) {
    const between = text.body.slice(before[i].end, phrase.mention.start);
    if (/\b(?:face|faces|faced|facing|pay|pays|paid|paying|be hit with|be charged)\s+(?:\w+\s+)?$/i.test(between)) return before[i].code;
  }
  return null;
}

// Private: the other party of a two-party agreement.
function otherParty(agreement: AgreementFinding | undefined, code: string): string | null {
  if (agreement === undefined || agreement.parties.length !== 2 || !agreement.parties.includes(code)) return null;
  return agreement.parties.find((p) => p !== code) ?? null;
}

// Private: the rate and previous rate a phrase's sentence gives it, read from the words after
// the phrase up to the next tariff phrase ("will be cut from 145% to 30%", "to 35% from 25%",
// "to 25% from Aug. 1, up from the 10% now charged", "which has stood at 27.5 percent …, will
// also fall to 15 percent", "now totals 145%", "to zero") and the verb before it ("scrap its
// 19% tariff": 0 from 19; "doubled to 50%": from 25). A rate said to be threatened or announced
// is never the previous one.
function ratesOf(
  text: AnalysedText,
  phrase: TariffPhrase,
  phrases: TariffPhrase[],
): { rate: number | null; previous: number | null; end: number } {
  const sentence = text.sentences[phrase.mention.sentence];
  const nextPhrase = phrases.find((p) => p.mention.start >= phrase.mention.end && p.mention.sentence === phrase.mention.sentence);
  const region = text.body.slice(phrase.mention.end, nextPhrase?.mention.start ?? sentence.end);
  const before = text.body.slice(sentence.start, phrase.mention.start);
  const N = String.raw`(\d+(?:\.\d+)?)\s*(?:percent|per cent|%)`;
  const inForce = (words: string) => !NOT_IN_FORCE.test(words);
  let rate: number | null = null;
  let previous: number | null = null;
  let current: number | null = null;
  // Where the words stating the rate end (the statement's verb may come after the phrase).
  let end = phrase.mention.end;
  const through = (m: RegExpExecArray | RegExpMatchArray) => {
    end = Math.max(end, phrase.mention.end + (m.index ?? 0) + m[0].length);
  };

  const fromTo = new RegExp(String.raw`\bfrom\s+((?:[\w.]+\s+){0,4}?)${N}\s+to\s+(?:as much as\s+|up to\s+)?(?:${N}|(zero))`).exec(region);
  const toFrom = new RegExp(
    String.raw`\bto\s+(?:as much as\s+|up to\s+)?(?:${N}|(zero))[\s,]+(?:(?:up|down)\s+)?from\s+((?:[\w.]+\s+){0,5}?)${N}(\s+\w+(?:\s+\w+)?)?`,
  ).exec(region);
  if (fromTo !== null) {
    through(fromTo);
    rate = fromTo[4] !== undefined ? 0 : Number(fromTo[3]);
    previous = inForce(fromTo[1]) ? Number(fromTo[2]) : null;
  } else if (toFrom !== null) {
    through(toFrom);
    rate = toFrom[2] !== undefined ? 0 : Number(toFrom[1]);
    previous = inForce(`${toFrom[3]} ${toFrom[5] ?? ""}`) ? Number(toFrom[4]) : null;
  } else {
    const stood = new RegExp(String.raw`\b(?:stood|stands|stand|has been|have been|had been|currently)\s+(?:at\s+)?${N}`).exec(region);
    // The new rate: the first "to N" or "at N" that is not the rate in force just read.
    const to = [...region.matchAll(new RegExp(String.raw`\b(?:to|at)\s+(?:as much as\s+|up to\s+)?(?:${N}|(zero))`, "g"))].find(
      (m) => stood === null || m.index < stood.index || m.index >= stood.index + stood[0].length,
    );
    const upFrom = new RegExp(String.raw`\b(?:up|down)\s+from\s+((?:[\w.]+\s+){0,4}?)${N}(\s+\w+(?:\s+\w+)?)?`).exec(region);
    const totals = new RegExp(String.raw`^\s*(?:\w+\s+){0,2}?(?:totals?|totalled|totaled|reaches|reached|is|are|was|were)\s+${N}`).exec(
      region,
    );
    if (stood !== null) current = Number(stood[1]);
    if (to !== undefined) {
      through(to);
      rate = to[2] !== undefined ? 0 : Number(to[1]);
    } else if (totals !== null) {
      through(totals);
      rate = Number(totals[1]);
    }
    if (current !== null) {
      if (rate === null || rate === current) rate = current;
      else previous = current;
    }
    if (upFrom !== null && inForce(`${upFrom[1]} ${upFrom[3] ?? ""}`)) previous = Number(upFrom[2]);
  }

  // The rate inside the phrase is the one in force when the sentence moves it: "raise its 25% tariff to 50%".
  if (rate !== null && phrase.rate !== null && rate !== phrase.rate) previous ??= phrase.rate;
  // "scrap its 19% tariff on ethanol"
  if (
    REMOVAL_VERBS.test(
      before
        .trim()
        .split(/\s+/)
        .slice(-2)
        .find((w) => REMOVAL_VERBS.test(w.toLowerCase()))
        ?.toLowerCase() ?? "",
    )
  ) {
    previous ??= phrase.rate ?? rate;
    rate = 0;
  }
  // "doubled to 50%", "halved to 75%"
  const change = /\b(doubled|double|doubles|doubling|halved|halve|halves|halving)\b/i.exec(`${before} ${region.slice(0, 40)}`);
  if (change !== null && rate !== null && previous === null) previous = /^doubl/i.test(change[1]) ? rate / 2 : rate * 2;
  return { rate, previous, end };
}
