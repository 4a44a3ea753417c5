// Agreements: noun phrases headed by "agreement", "deal", "pact", "accord", "treaty",
// "truce", "arrangement", "framework", "partnership" (when signed), "alliance" — their kind from the words around the head, their parties from the phrase or its
// context, when they were concluded, and which later phrases ("the bilateral deal") refer back.
import type { AgreementKind } from "../../src/corpus/format.js";
import { readDate } from "./dates.js";
import type { AgreementFinding, CountryMention, Mention, PersonFinding, UnresolvedFinding } from "./findings.js";
import { isCapitalised, type AnalysedText, type Token } from "./textAnalysis.js";

const HEADS = new Set(["agreement", "deal", "pact", "accord", "treaty", "alliance", "truce", "arrangement", "framework", "partnership"]);
/** Verbs that report what someone said, whose date is when the news was made: "…, Trump said on Wednesday". */
const REPORTING_VERBS = new Set(["said", "says", "announced", "told", "wrote", "confirmed", "declared", "stated", "added"]);
/** Words before an indefinite phrase that make the agreement only wished for: "ended without a deal", "talks on a deal". */
const HYPOTHETICAL_BEFORE =
  /^(?:without|no|toward|towards|seek|seeks|seeking|sought|hope|hopes|hoped|hoping|pursue|pursuing|negotiate|negotiating|negotiations|talks|possible|potential|future|eventual|want|wants|wanted|push|pushed|pushing|press|pressed|pressing|urge|urged|aim|aims|aiming|plan|plans|planned|would|could|might|if|whether|any)$/;
/** Verbs of making a deal in their base form: after "to" or a modal the deal is still to be made ("asked for more time to reach a deal", "failed to secure a deal"). */
const MAKING_VERBS = /^(?:reach|strike|sign|secure|seal|conclude|clinch|finalize|finalise|get|make|land|forge|agree)$/;
/** Words shortly after an indefinite phrase that make it hypothetical: "a free trade agreement … had been a goal". */
const HYPOTHETICAL_AFTER = /^(?:would|could|might|goal|elusive)$/;
/** Words in a sentence that make an agreement of unstated kind a trade one. */
const TRADE_CONTEXT = /\b(?:trade|tariffs?|levy|levies|duties|exports?|imports?)\b/i;
/** Words that give an agreement's kind. */
const KIND_WORDS = new Map<string, AgreementKind>([
  ...["trade", "economic", "commerce", "commercial", "tariff", "partnership", "market"].map((w) => [w, "TRADE"] as const),
  ...["security", "defense", "defence", "military"].map((w) => [w, "SECURITY"] as const),
  ["investment", "INVESTMENT"],
]);
/** Determiners that open an agreement phrase; "a"/"an" introduce a new one, the rest refer. */
const DETERMINERS = new Set(["a", "an", "the", "their", "its", "this", "that", "our", "his", "her"]);
/** Verbs that conclude an agreement: "signed a trade agreement", "a deal struck in July". */
const CONCLUDING_VERBS = new Set([
  "signed",
  "struck",
  "reached",
  "concluded",
  "clinched",
  "sealed",
  "inked",
  "forged",
  "agreed",
  "announced",
  "settled",
  "finalized",
  "finalised",
  "hammered",
]);
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
  people: PersonFinding[] = [],
): { agreements: AgreementFinding[]; unresolved: UnresolvedFinding[] } {
  const agreements: AgreementFinding[] = [];
  const unresolved: UnresolvedFinding[] = [];
  const lastMention = new Map<AgreementFinding, number>();
  /** The party whose verb concluded an agreement ("Cambodia signed …"). */
  const subjects = new Map<AgreementFinding, string>();
  const pair = principalPair(countries);
  const tradeStory = countries.length > 0 && text.tokens.some((t) => /^(?:tariffs?|levy|levies)$/.test(t.lower));

  for (const head of text.tokens) {
    const phrase = readPhrase(text, head, countries, published);
    if (phrase === null) continue;
    const { mention, explicit, definite, concludedBy, concluded } = phrase;
    // A deal of unstated kind in a story about trade (or a sentence about it) is a trade deal.
    const kind =
      phrase.kind ?? (head.lower !== "alliance" && (tradeStory || TRADE_CONTEXT.test(text.sentences[head.sentence].text)) ? "TRADE" : null);
    if (phrase.undatedExpression) {
      unresolved.push({
        entityType: "AGREEMENT",
        ...mention,
        reason: "when it was concluded needs the publication date (--published) to resolve",
      });
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
    } else if (head.lower === "partnership" && !concludedBy) {
      // "a partnership" is an agreement only when the text says it was signed or struck.
      continue;
    } else if (!concludedBy && hypothetical(text, head, mention)) {
      continue;
    } else if (/\bas\s+$/i.test(text.body.slice(Math.max(0, mention.start - 4), mention.start))) {
      // "described the deal as a framework": a description of an agreement already named, not another one.
      continue;
    }

    if (agreement === null && definite && head.lower === "partnership") continue;
    if (agreement === null) {
      // Named in the phrase or right after it ("with Argentina, Brazil, Paraguay and Uruguay"), the
      // sentence's subject for "an agreement with X", then the pair the sentence or the story is about.
      const parties = unique([...explicit, ...phrase.context]);
      const inSentence = countries.filter((c) => c.sentence === head.sentence && !(c.start >= mention.start && c.end <= mention.end));
      const subject =
        phrase.context.length > 0
          ? inSentence.filter(
              (c) =>
                c.end <= mention.start &&
                !/\b(?:in|into|to|from|with|of|for|on|at|by|through|between)\s+(?:the\s+)?$/i.test(
                  text.body.slice(text.sentences[head.sentence].start, c.start),
                ),
            )[0]
          : undefined;
      if (subject !== undefined && !parties.includes(subject.code)) parties.push(subject.code);
      // "…, while Thailand signed a framework for a similar deal": the verb's subject is a party, and
      // with nobody named across the table, so is the other side of the deal its sentence has
      // just told of ("Cambodia signed an agreement with the United States …").
      const verbSubject = phrase.verbBefore === null ? null : clauseSubject(text, countries, phrase.verbBefore);
      if (verbSubject !== null && !parties.includes(verbSubject)) {
        parties.push(verbSubject);
        const previous = agreements.findLast((a) => subjects.has(a) && a.mentions.some((m) => m.sentence === head.sentence));
        const across = previous?.parties.find((p) => p !== subjects.get(previous) && p !== verbSubject);
        if (parties.length < 2 && across !== undefined && previous!.parties.length === 2) parties.push(across);
      }
      // "the bilateral alliance" is the story's own pair; otherwise the sentence's countries come first.
      const nearby = /\bbilateral\b/i.test(mention.text)
        ? [...pair, ...inSentence.map((c) => c.code)]
        : [...inSentence.map((c) => c.code), ...pair];
      for (const c of [...coordinatedBefore(text, countries, mention), ...nearby]) {
        if (parties.length >= 2) break;
        if (!parties.includes(c)) parties.push(c);
      }
      // "the deal" with nothing before it, or "a deal" no verb says was made, needs both its parties from the text.
      const needed = definite || !concludedBy ? 2 : 1;
      if (parties.length < needed) {
        const reason =
          parties.length === 0
            ? "no party named or implied"
            : definite
              ? "no agreement earlier in the article that this could refer to"
              : "only one party named or implied";
        unresolved.push({ entityType: "AGREEMENT", ...mention, reason });
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
      if (verbSubject !== null && sameIdentity === undefined) subjects.set(agreement, verbSubject);
    }
    agreement.mentions.push(mention);
    agreement.concluded ??= concluded;
    lastMention.set(agreement, mention.start);
  }
  for (const agreement of agreements) agreement.concluded ??= concludedFromStory(text, countries, people, agreements, agreement, published);
  return { agreements, unresolved };
}

/**
 * Given an agreement whose phrases carry no date, returns when the story says it was made, as
 * news copy tells it: a sentence naming it — or, when it is the story's only agreement, one
 * naming all its parties (countries, or people of theirs) and speaking of terms or a deal —
 * with a concluding verb and a date
 * ("The United States and China agreed on Monday to …", "Prabowo agreed to the terms in a phone
 * call with U.S. President Donald Trump on Tuesday", "Trump announced the accord … on
 * Wednesday"); else the date of the report that first names it ("… under a trade deal that
 * sets a 15% tariff, President Donald Trump said on Wednesday"); else, for the story's own deal
 * (its parties the two countries the story is about), the date the lead gives: of a concluding
 * verb when the lead speaks of a deal ("… signed a strategic economic partnership on Tuesday"),
 * else of its reporting verb ("Trump said Thursday he would lower tariffs … after talks with Xi"). Null when none is given.
 */
function concludedFromStory(
  text: AnalysedText,
  countries: CountryMention[],
  people: PersonFinding[],
  agreements: AgreementFinding[],
  agreement: AgreementFinding,
  published: string | null,
): string | null {
  if (published === null || agreement.mentions.length === 0) return null;
  const tokens = text.tokens;
  const named = new Set(agreement.mentions.map((m) => m.sentence));
  const only = agreements.length === 1;
  // Sentences that name another agreement and not this one speak of that one.
  const other = new Set(agreements.filter((a) => a !== agreement).flatMap((a) => a.mentions.map((m) => m.sentence)));
  const partiesIn = (sentence: number) =>
    new Set([
      ...countries.filter((c) => c.sentence === sentence).map((c) => c.code),
      ...people.filter((p) => p.nationality !== null && p.mentions.some((m) => m.sentence === sentence)).map((p) => p.nationality!),
    ]);
  for (const sentence of text.sentences) {
    const about =
      named.has(sentence.index) ||
      (only &&
        !other.has(sentence.index) &&
        /\b(?:terms|deal|agreement|pact|accord|framework|arrangement|truce|treaty|partnership)\b/i.test(sentence.text) &&
        agreement.parties.every((p) => partiesIn(sentence.index).has(p)));
    if (!about) continue;
    for (let i = sentence.first; i < sentence.last; i++) {
      const verb = tokens[i];
      if (!CONCLUDING_VERBS.has(verb.lower) || !verb.tags.has("Verb")) continue;
      // "… on Wednesday settled the terms", "… Tuesday signed": a date right before the verb.
      const right = [i - 2, i - 1]
        .filter((j) => j >= sentence.first)
        .map((j) => readDate(tokens, j, published))
        .find((d) => d !== null && d.next === i);
      const date = right ?? dateShortlyAfter(tokens, i + 1, published, 14);
      if (date?.date) return date.date;
    }
  }
  const reported = (sentenceIndex: number) => {
    const sentence = text.sentences[sentenceIndex];
    for (let i = sentence.first; i < sentence.last; i++) {
      if (!REPORTING_VERBS.has(tokens[i].lower)) continue;
      const date = readDate(tokens, i + 1, published) ?? (tokens[i + 2] !== undefined ? readDate(tokens, i + 2, published) : null);
      if (date?.date && tokens[date.next - 1]?.sentence === sentenceIndex) return date.date;
    }
    return null;
  };
  const first = agreement.mentions.reduce((a, b) => (b.start < a.start ? b : a));
  const firstReport = reported(first.sentence);
  if (firstReport !== null) return firstReport;
  const pair = principalPair(countries);
  if (agreement.parties.length === 2 && agreement.parties.every((p) => pair.includes(p)) && text.sentences.length > 0) {
    const lead = text.sentences[0];
    const speaksOfDeal = /\b(?:terms|deal|agreement|pact|accord|framework|arrangement|truce|treaty|partnership)\b/i.test(lead.text);
    for (let i = lead.first; i < lead.last && speaksOfDeal; i++) {
      if (!CONCLUDING_VERBS.has(tokens[i].lower) || !tokens[i].tags.has("Verb")) continue;
      const date = dateShortlyAfter(tokens, i + 1, published, 14);
      if (date?.date) return date.date;
    }
    return reported(0);
  }
  return null;
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
  /** The concluding verb right before the phrase ("Thailand signed a framework …"), whose subject is a party. */
  verbBefore: Token | null;
  properName: string | null;
}

// Private: the phrase headed by `head`, or null when the word does not head an agreement phrase.
function readPhrase(text: AnalysedText, head: Token, countries: CountryMention[], published: string | null): Phrase | null {
  if (!HEADS.has(head.lower) || head.after.startsWith("-")) return null;
  const tokens = text.tokens;
  const next = tokens[head.index + 1];
  const sameSentence = (t: Token | undefined): t is Token => t !== undefined && t.sentence === head.sentence;
  // "deal talks", "alliance partners": the head modifies another noun.
  if (
    !head.possessive &&
    sameSentence(next) &&
    head.after === " " &&
    next.tags.has("Noun") &&
    !next.tags.has("ProperNoun") &&
    !next.tags.has("Pronoun") &&
    !next.tags.has("Date")
  )
    return null;

  // "the framework of a reciprocal trade deal", "a framework for a similar deal": the deal is the
  // agreement; "the framework for its promised investment" is no agreement at all.
  if (head.lower === "framework" && sameSentence(next) && /^(?:of|for)$/.test(next.lower)) return null;
  // A framework is an agreement only in a story about deals or trade, not "a legal framework".
  if (
    head.lower === "framework" &&
    !TRADE_CONTEXT.test(text.sentences[head.sentence].text) &&
    !/\b(?:deal|agreement|pact)\b/i.test(text.body)
  )
    return null;

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
  // "a deal struck in July" belongs to the phrase; "The agreement, concluded in December," dates it without being part of it.
  if (!head.possessive && sameSentence(participle) && head.after === ", " && CONCLUDING_VERBS.has(participle.lower)) {
    const date = readDate(tokens, participle.index + 1, published);
    if (date !== null && tokens[date.next - 1].sentence === head.sentence) {
      concluded = date.date;
      undatedExpression = date.date === null;
      concludedBy = true;
    }
  }
  if (!head.possessive && sameSentence(participle) && head.after === " " && CONCLUDING_VERBS.has(participle.lower)) {
    const date = readDate(tokens, participle.index + 1, published);
    if (date !== null && tokens[date.next - 1].sentence === head.sentence) {
      last = tokens[date.next - 1];
      concluded = date.date;
      undatedExpression = date.date === null;
      concludedBy = true;
    }
  }
  // A passive after it: "The agreement was reached Tuesday at the White House".
  // … or a relative clause: "the trade deal they announced in May".
  const auxiliary = tokens[head.index + 1];
  const passive = tokens[head.index + 2];
  if (
    !concludedBy &&
    !head.possessive &&
    head.after === " " &&
    sameSentence(passive) &&
    /^(?:was|were|they|we|both)$/.test(auxiliary.lower) &&
    CONCLUDING_VERBS.has(passive.lower)
  ) {
    const date = readDate(tokens, passive.index + 1, published);
    concludedBy = true;
    if (date !== null && tokens[date.next - 1].sentence === head.sentence) {
      concluded = date.date;
      undatedExpression = date.date === null;
    }
  }
  // A relative clause with its own subject: "the truce the two countries reached in Geneva in May",
  // "the deal Tokyo and Washington struck in July".
  if (!concludedBy && !head.possessive && head.after === " ") {
    for (let i = head.index + 1; i <= head.index + 5 && sameSentence(tokens[i]); i++) {
      const t = tokens[i];
      if (CONCLUDING_VERBS.has(t.lower) && i > head.index + 1) {
        concludedBy = true;
        const date = dateShortlyAfter(tokens, i + 1, published);
        if (date !== null) {
          concluded = date.date;
          undatedExpression = date.date === null;
        }
        break;
      }
      const subjectWord =
        DETERMINERS.has(t.lower) ||
        /^(?:two|both|and|they|we|he|she|it|sides|countries|governments|leaders|nations)$/.test(t.lower) ||
        isCapitalised(t);
      if (!subjectWord || t.after !== " ") break;
    }
  }
  let verbBefore: Token | null = null;
  // A concluding verb shortly before: "Japan and Britain signed a free trade agreement on Friday",
  // "agreed on Thursday to a trade deal".
  for (let i = first.index - 1; i >= first.index - 5 && !concludedBy; i--) {
    if (!sameSentence(tokens[i])) break;
    if (CONCLUDING_VERBS.has(tokens[i].lower) && tokens[i].tags.has("Verb")) {
      concludedBy = true;
      verbBefore = tokens[i];
      const between = i + 1 < first.index ? readDate(tokens, i + 1, published) : null;
      const date =
        between !== null && between.next <= first.index
          ? between
          : !last.possessive && last.after === " "
            ? dateShortlyAfter(tokens, last.index + 1, published)
            : null;
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
    verbBefore,
    properName: capitalHead && nameStart !== undefined ? text.body.slice(nameStart.start, head.end) : null,
  };
}

// Private: "with Britain", "with the United States", "between Japan and Britain", "between U.S.
// President Donald Trump and European Commission President …" right after a phrase (or after its
// participle and date): the countries named before the clause ends.
function countriesAfter(text: AnalysedText, countries: CountryMention[], last: Token): string[] {
  let i = last.index + 1;
  // "the framework trade deal struck a day earlier between …"
  for (
    let skipped = 0;
    skipped < 5 &&
    text.tokens[i] !== undefined &&
    !/^(with|between)$/.test(text.tokens[i].lower) &&
    !/[,;.]/.test(text.tokens[i - 1].after);
    skipped++
  )
    i++;
  const next = text.tokens[i];
  if (next === undefined || next.sentence !== last.sentence || last.possessive || !/^(with|between)$/.test(next.lower)) return [];
  // Countries one after another, with only names, titles, commas, "and" and "the" between them.
  const codes: string[] = [];
  let at = next.end;
  for (const c of countries) {
    if (c.start < at || c.sentence !== next.sentence) continue;
    if (!/^(?:[\s,]|and\b|the\b|\p{Lu}[\p{L}.'’-]*)*$/u.test(text.body.slice(at, c.start))) break;
    if (!codes.includes(c.code)) codes.push(c.code);
    at = c.end;
  }
  return codes;
}

// Private: a date expression starting within a few words after a phrase, before its clause ends:
// "signed a critical minerals agreement at the White House on Monday".
function dateShortlyAfter(tokens: Token[], at: number, published: string | null, reach = 5): ReturnType<typeof readDate> {
  const sentence = tokens[at]?.sentence;
  for (let i = at; i < at + reach && tokens[i]?.sentence === sentence; i++) {
    const date = readDate(tokens, i, published);
    if (date !== null) return date;
    if (/[,;]/.test(tokens[i].after)) break;
  }
  return null;
}

// Private: whether an indefinite phrase speaks of an agreement only hoped for, sought or
// refused ("ended without a deal", "talks on a first-stage agreement", "a deal would …",
// "failed to secure a deal", "more time to reach a deal").
function hypothetical(text: AnalysedText, head: Token, mention: Mention): boolean {
  const tokens = text.tokens;
  const firstIndex = tokens.findIndex((t) => t.start === mention.start);
  const verb = tokens[firstIndex - 1];
  const beforeVerb = tokens[firstIndex - 2];
  if (
    verb !== undefined &&
    MAKING_VERBS.test(verb.lower) &&
    /^(?:to|will|would|could|can|may|might|should|must|cannot)$/.test(beforeVerb?.lower ?? "")
  )
    return true;
  for (let i = firstIndex - 1; i >= Math.max(0, firstIndex - 6); i--) {
    if (tokens[i].sentence !== head.sentence) break;
    if (HYPOTHETICAL_BEFORE.test(tokens[i].lower)) return true;
  }
  for (let i = head.index + 1; i <= head.index + 6; i++) {
    if (tokens[i] === undefined || tokens[i].sentence !== head.sentence) break;
    if (HYPOTHETICAL_AFTER.test(tokens[i].lower)) return true;
  }
  return false;
}

// Private: the country that is the subject of a verb: the nearest country mention before it in
// its clause (after the last comma, "while", "but" or "and"), not the object of a preposition.
function clauseSubject(text: AnalysedText, countries: CountryMention[], verb: Token): string | null {
  const sentenceStart = text.sentences[verb.sentence].start;
  const before = text.body.slice(sentenceStart, verb.start);
  const boundary = [...before.matchAll(/[,;]|\s(?:while|but|whereas|and)\s/g)].at(-1);
  const clauseStart = boundary === undefined ? sentenceStart : sentenceStart + boundary.index + boundary[0].length;
  const candidates = countries.filter(
    (c) =>
      c.sentence === verb.sentence &&
      c.start >= clauseStart &&
      c.end <= verb.start &&
      !/\b(?:in|into|to|from|with|of|for|on|at|by|through|between)\s+(?:the\s+)?$/i.test(text.body.slice(clauseStart, c.start)),
  );
  return candidates.at(-1)?.code ?? null;
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

/**
 * Given an article's country mentions, returns the two countries it is mostly about (most
 * mentions, earliest first on ties): the parties of an unnamed "bilateral" agreement in a
 * two-country story, and the other side of a tariff whose sentence names only one.
 */
export function principalPair(countries: CountryMention[]): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (const c of countries) {
    const entry = counts.get(c.code) ?? { n: 0, first: c.start };
    entry.n++;
    counts.set(c.code, entry);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, 2)
    .map(([code]) => code);
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
