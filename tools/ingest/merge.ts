// Merging one article's records into a corpus without duplicating entities: the same person
// (by name), country (by code), agreement (by kind and parties) or tariff (by imposer, target and
// product) found again keeps its existing record and id, gains the new evidence, and the new
// article's mentions point at it. An article whose body is already in the corpus is skipped.
import type { AgreementRecord, CommitmentRecord, CorpusRecord, PersonRecord, TariffRecord } from "../../src/corpus/format.js";
import { foldText } from "../../src/text/fold.js";
import { freeId } from "./ids.js";
import type { ArticleExtraction } from "./records.js";

/** How many records of each kind an article added to the corpus, and how many it added to. */
export interface MergeCounts {
  people: number;
  countries: number;
  agreements: number;
  tariffs: number;
}

/** What merging one article did. */
export interface MergeOutcome {
  corpus: CorpusRecord;
  /** The article's id in the corpus (the existing one when it was already there). */
  articleId: string;
  /** True when the corpus already held this article's body; nothing changed. */
  alreadyPresent: boolean;
  added: MergeCounts;
  /** Existing entities the article mentions again (their records gained evidence or details). */
  matched: MergeCounts;
}

/**
 * Given a corpus and one article's records, returns a new corpus with the article added and its
 * entities merged into the existing ones. The input corpus is not modified, unless `inPlace` is
 * set: a batch copies its base once and merges every article into that copy, since a copy per
 * article costs time in the square of the batch's size.
 */
export function mergeArticle(base: CorpusRecord, extraction: ArticleExtraction, options: { inPlace?: boolean } = {}): MergeOutcome {
  const existingArticle = base.articles.find((a) => a.body === extraction.article.body);
  const none = { people: 0, countries: 0, agreements: 0, tariffs: 0 };
  if (existingArticle !== undefined) {
    return { corpus: base, articleId: existingArticle.id, alreadyPresent: true, added: { ...none }, matched: { ...none } };
  }
  const corpus: CorpusRecord = options.inPlace === true ? base : structuredClone(base);
  const added = { ...none };
  const matched = { ...none };
  const ids = { PERSON: new Map<string, string>(), AGREEMENT: new Map<string, string>(), TARIFF: new Map<string, string>() };
  // The article's id is settled first: its evidence spans must name it, not a namesake already there.
  const articleId = freeId(extraction.article.id, (x) => corpus.articles.some((a) => a.id === x));
  const evidence = <T extends { articleId: string }>(list: T[]): T[] => list.map((e) => ({ ...e, articleId }));

  for (const country of extraction.countries) {
    const existing = corpus.countries.find((c) => c.code === country.code);
    if (existing === undefined) {
      corpus.countries.push(country);
      added.countries++;
    } else {
      existing.aliases = union(existing.aliases, country.aliases.filter((a) => a !== existing.name));
      matched.countries++;
    }
  }

  for (const person of extraction.people) {
    const existing = corpus.people.find((p) => samePerson(p, person));
    if (existing === undefined) {
      const id = freeId(person.id, (x) => corpus.people.some((p) => p.id === x));
      corpus.people.push({ ...person, id });
      ids.PERSON.set(person.id, id);
      added.people++;
      continue;
    }
    ids.PERSON.set(person.id, existing.id);
    existing.aliases = union(existing.aliases, person.aliases.filter((a) => a !== existing.name));
    existing.nationality ??= person.nationality;
    existing.description ??= person.description;
    for (const role of person.roles) {
      if (!existing.roles.some((r) => r.title === role.title && r.country === role.country)) existing.roles.push(role);
    }
    matched.people++;
  }

  for (const agreement of extraction.agreements) {
    const existing = corpus.agreements.find((a) => sameAgreement(a, agreement));
    if (existing === undefined) {
      const id = freeId(agreement.id, (x) => corpus.agreements.some((a) => a.id === x));
      corpus.agreements.push({ ...agreement, id, evidence: evidence(agreement.evidence) });
      ids.AGREEMENT.set(agreement.id, id);
      added.agreements++;
      continue;
    }
    ids.AGREEMENT.set(agreement.id, existing.id);
    existing.concluded ??= agreement.concluded;
    existing.evidence.push(...evidence(agreement.evidence));
    for (const c of agreement.commitments) if (!existing.commitments.some((e) => sameCommitment(e, c))) existing.commitments.push(c);
    matched.agreements++;
  }

  const published = extraction.article.publishedAt ?? null;
  for (const tariff of extraction.tariffs) {
    const agreementId = tariff.agreementId == null ? null : (ids.AGREEMENT.get(tariff.agreementId) ?? null);
    const existing = corpus.tariffs.find((t) => sameTariff(t, tariff));
    if (existing === undefined) {
      const id = freeId(tariff.id, (x) => corpus.tariffs.some((t) => t.id === x));
      corpus.tariffs.push({ ...tariff, id, agreementId, evidence: evidence(tariff.evidence) });
      ids.TARIFF.set(tariff.id, id);
      added.tariffs++;
      continue;
    }
    ids.TARIFF.set(tariff.id, existing.id);
    // A later article's rates are the current ones; an earlier article only fills gaps.
    const newer = published !== null && existing.evidence.every((e) => time(publishedAt(corpus, e.articleId)) < time(published));
    if (newer && tariff.ratePercent != null) {
      existing.ratePercent = tariff.ratePercent;
      existing.previousRatePercent = tariff.previousRatePercent ?? existing.previousRatePercent;
    } else {
      existing.ratePercent ??= tariff.ratePercent;
      existing.previousRatePercent ??= tariff.previousRatePercent;
    }
    existing.agreementId ??= agreementId;
    existing.evidence.push(...evidence(tariff.evidence));
    matched.tariffs++;
  }

  corpus.articles.push({
    ...extraction.article,
    id: articleId,
    mentions: extraction.article.mentions.map((m) => (m.entityType === "COUNTRY" ? m : { ...m, entityId: ids[m.entityType].get(m.entityId) ?? m.entityId })),
  });
  return { corpus, articleId, alreadyPresent: false, added, matched };
}

// Private: the same person: same name (case and accents aside), or one's name is the other's alias.
function samePerson(existing: PersonRecord, found: PersonRecord): boolean {
  const name = foldText(found.name);
  return foldText(existing.name) === name || existing.aliases.some((a) => foldText(a) === name);
}

// Private: the same agreement: same kind and parties, and not concluded in different years.
function sameAgreement(existing: AgreementRecord, found: AgreementRecord): boolean {
  if (existing.kind !== found.kind || existing.parties.length !== found.parties.length) return false;
  if (!found.parties.every((p) => existing.parties.includes(p))) return false;
  return existing.concluded == null || found.concluded == null || existing.concluded.slice(0, 4) === found.concluded.slice(0, 4);
}

function sameTariff(existing: TariffRecord, found: TariffRecord): boolean {
  return existing.imposedBy === found.imposedBy && existing.appliesTo === found.appliesTo && foldText(existing.product) === foldText(found.product);
}

function sameCommitment(a: CommitmentRecord, b: CommitmentRecord): boolean {
  return a.party === b.party && (a.amount?.amount ?? null) === (b.amount?.amount ?? null) && union(a.sectors, b.sectors).length === a.sectors.length && a.sectors.length === b.sectors.length;
}

function publishedAt(corpus: CorpusRecord, articleId: string): string | null {
  return corpus.articles.find((a) => a.id === articleId)?.publishedAt ?? null;
}

function time(iso: string | null): number {
  return iso === null ? Number.NEGATIVE_INFINITY : Date.parse(iso);
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
