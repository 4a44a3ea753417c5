// Coreference for people: once full names are known, later references are tied to them —
// surnames ("Takaichi"), titled surnames ("President Trump") and definite descriptions
// ("the former Japanese prime minister") — and appositives give each person a description.
import type { Mention, PersonFinding, UnresolvedFinding } from "./findings.js";
import type { SurfaceHit } from "./gazetteer.js";
import { familyName, normaliseTitle, PAST_ROLE_WORDS, ROLE_STATE_WORDS, TITLE_HEADS, type NamedPeople } from "./people.js";
import { isCapitalised, type AnalysedText, type Span, type Token } from "./textAnalysis.js";

/** Title heads as they appear lower-cased in descriptions ("the … prime minister"). */
const TITLE_HEADS_LOWER = new Set([...TITLE_HEADS].filter((t) => t !== "Vice" && t !== "Chief").map((t) => t.toLowerCase()));
/** How many sentences back a definite description may reach for its person. */
const DESCRIPTION_REACH = 2;
const LONGEST_DESCRIPTION = 300;

/**
 * Given the named people of an article, adds every later reference to them as a mention
 * (surnames, titled surnames, definite descriptions), the roles and nationality those
 * references state, and descriptions from appositives. Returns the people, mentions sorted,
 * and the references it could not tie to exactly one person.
 */
export function resolvePersonReferences(
  text: AnalysedText,
  named: NamedPeople,
  hits: SurfaceHit[],
): { people: PersonFinding[]; unresolved: UnresolvedFinding[] } {
  const people = named.people;
  const unresolved: UnresolvedFinding[] = [];
  const hitAt = new Map(hits.map((h) => [h.start, h]));
  const taken: Span[] = [...named.vessels, ...people.flatMap((p) => p.mentions)];
  const byAlias = () => {
    const map = new Map<string, PersonFinding[]>();
    for (const p of people) map.set(p.alias, [...(map.get(p.alias) ?? []), p]);
    return map;
  };

  // Titled surnames: "President Trump" is Donald Trump, and is President.
  let aliases = byAlias();
  for (const { surname, role, mention } of named.titledSurnames) {
    const matches = aliases.get(surname) ?? [];
    if (matches.length !== 1) {
      unresolved.push({ entityType: "PERSON", ...mention, reason: matches.length === 0 ? `no full name for "${surname}" in the article` : `"${surname}" could be ${matches.map((p) => p.name).join(" or ")}` });
      continue;
    }
    matches[0].mentions.push(mention);
    taken.push(mention);
    if (!matches[0].roles.some((r) => r.title === role.title)) matches[0].roles.push(role);
  }

  // Definite descriptions, before surnames so a role they add can fix a family name's position.
  for (const description of findDescriptions(text, hitAt)) {
    const person = resolveDescription(description, people);
    if (person === null) {
      unresolved.push({ entityType: "PERSON", ...description.mention, reason: "no earlier person fits this description" });
      continue;
    }
    person.mentions.push(description.mention);
    taken.push(description.mention);
    if (!person.roles.some((r) => r.title === description.title && r.country === description.country)) {
      person.roles.push({ title: description.title, country: description.country, current: description.current });
    }
    person.nationality ??= description.country;
    person.description ??= capitalise(description.withClause);
  }
  for (const p of people) p.alias = familyName(p.name, p.nationality);

  // Surnames standing alone.
  aliases = byAlias();
  for (const token of text.tokens) {
    const matches = aliases.get(token.text);
    if (matches === undefined || !isCapitalised(token)) continue;
    if (taken.some((s) => token.start >= s.start && token.end <= s.end)) continue;
    const next = text.tokens[token.index + 1];
    if (next !== undefined && next.sentence === token.sentence && token.after === " " && !token.possessive && isCapitalised(next)) continue;
    const mention: Mention = { start: token.start, end: token.end, text: token.text, sentence: token.sentence };
    if (matches.length !== 1) {
      unresolved.push({ entityType: "PERSON", ...mention, reason: `"${token.text}" could be ${matches.map((p) => p.name).join(" or ")}` });
      continue;
    }
    matches[0].mentions.push(mention);
  }

  for (const p of people) {
    p.mentions.sort((a, b) => a.start - b.start);
    p.description ??= appositive(text, p.mentions);
  }
  return { people, unresolved };
}

// Private: a definite description of a person and what it says.
interface Description {
  mention: Mention;
  title: string;
  country: string | null;
  current: boolean;
  /** The description with a following relative clause, for the person's description. */
  withClause: string;
}

// Private: "the [former] [Japanese] prime minister", "Japan's former prime minister" — a title
// in lower case with no name after it, so it refers back to someone already named.
function findDescriptions(text: AnalysedText, hitAt: Map<number, SurfaceHit>): Description[] {
  const found: Description[] = [];
  const tokens = text.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const opener = tokens[i];
    const openerHit = hitAt.get(opener.start);
    const possessiveCountry = opener.possessive && openerHit !== undefined && openerHit.kind === "name" ? openerHit.code : null;
    if (opener.lower !== "the" && possessiveCountry === null) continue;
    let country = possessiveCountry;
    let current = true;
    let j = i + 1;
    const sameSentence = (k: number) => tokens[k] !== undefined && tokens[k].sentence === opener.sentence;
    for (let pass = 0; pass < 2; pass++) {
      while (sameSentence(j) && ROLE_STATE_WORDS.has(tokens[j].lower)) {
        if (PAST_ROLE_WORDS.has(tokens[j].lower)) current = false;
        j++;
      }
      const hit = sameSentence(j) ? hitAt.get(tokens[j].start) : undefined;
      if (pass === 0 && country === null && hit !== undefined && hit.kind !== "capital") {
        country = hit.code;
        while (sameSentence(j) && tokens[j].start < hit.end) j++;
      }
    }
    let k = j;
    while (k < j + 3 && sameSentence(k) && /^\p{Ll}+$/u.test(tokens[k].text) && !TITLE_HEADS_LOWER.has(tokens[k].lower)) k++;
    if (!sameSentence(k) || !TITLE_HEADS_LOWER.has(tokens[k].lower)) continue;
    const after = tokens[k + 1];
    if (after !== undefined && after.sentence === opener.sentence && tokens[k].after === " " && isCapitalised(after)) continue;
    const start = opener.start;
    const end = tokens[k].end;
    found.push({
      mention: { start, end, text: text.body.slice(start, end), sentence: opener.sentence },
      title: normaliseTitle(text.body.slice(tokens[j].start, tokens[k].end)),
      country,
      current,
      withClause: clauseFrom(text, start, tokens[k]),
    });
    i = k;
  }
  return found;
}

// Private: the person a description refers to — among people mentioned shortly before, those
// whose nationality does not contradict it; "former" rules out whoever holds the title now and
// a present-tense title needs someone known to hold it. The most recently mentioned wins.
function resolveDescription(d: Description, people: PersonFinding[]): PersonFinding | null {
  let best: { person: PersonFinding; at: number } | null = null;
  for (const person of people) {
    const earlier = person.mentions.filter((m) => m.start < d.mention.start && m.sentence >= d.mention.sentence - DESCRIPTION_REACH);
    if (earlier.length === 0) continue;
    if (d.country !== null && person.nationality !== null && person.nationality !== d.country) continue;
    const holds = person.roles.some((r) => r.current && r.title === d.title && (d.country === null || r.country === d.country));
    if (!d.current && holds) continue;
    if (d.current && !holds) continue;
    const at = Math.max(...earlier.map((m) => m.start));
    if (best === null || at > best.at) best = { person, at };
  }
  return best?.person ?? null;
}

// Private: "Takaichi, a hard-line conservative …, aims" → "A hard-line conservative …".
function appositive(text: AnalysedText, mentions: Mention[]): string | null {
  for (const m of mentions) {
    const rest = text.body.slice(m.end, text.sentences[m.sentence].end);
    const match = /^,\s+((?:a|an|the)\s[^,;]+?)(?:,|;|\.$|$)/.exec(rest);
    if (match && match[1].length <= LONGEST_DESCRIPTION) return capitalise(match[1]);
  }
  return null;
}

// Private: the text from `start` to the end of the clause after `last` (next comma or sentence end).
function clauseFrom(text: AnalysedText, start: number, last: Token): string {
  const sentenceEnd = text.sentences[last.sentence].end;
  const rest = text.body.slice(last.end, sentenceEnd);
  const stop = rest.search(/[,;]|\.$/);
  const clause = text.body.slice(start, stop < 0 ? sentenceEnd : last.end + stop).trim();
  return clause.length <= LONGEST_DESCRIPTION ? clause : text.body.slice(start, last.end);
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
