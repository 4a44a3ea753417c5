// Merging one article's records into a corpus without duplicating entities: the same person
// (by name), country (by code), agreement (by kind and parties), tariff (by imposer, target and
// product) or organization (by name or alias, and country) found again keeps its existing record
// and id, gains the new evidence, aliases or members, and the new article's mentions (and roles)
// point at it. Histories (tariff rate observations, agreement status steps,
// role evidence) are unions: an observation already held is not added again, and a tariff's
// rate fields are recomputed from its history. An article whose body is already in the corpus is skipped.
import type {
  AgreementRecord,
  CommitmentRecord,
  CorpusRecord,
  EntityType,
  EvidenceRecord,
  OrganizationRecord,
  PersonRecord,
  RoleRecord,
  TariffChangeRecord,
  TariffRecord,
} from "../../src/corpus/format.js";
import { agreementHistory } from "../../src/corpus/agreementHistory.js";
import { ENTITY_KINDS, KINDS, type EntitySection } from "../../src/corpus/kinds.js";
import { currentRates, tariffChanges, tariffHistory } from "../../src/corpus/tariffHistory.js";
import { foldText } from "./foldedText.js";
import { freeId } from "./ids.js";
import type { ArticleExtraction } from "./records.js";

/** How many records of each kind (by corpus section) an article added to the corpus, or added to. */
export type MergeCounts = Record<EntitySection, number>;

/** Counts of zero for every kind. */
export function noMergeCounts(): MergeCounts {
  return Object.fromEntries(ENTITY_KINDS.map((kind) => [KINDS[kind].section, 0])) as MergeCounts;
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
  if (existingArticle !== undefined) {
    return { corpus: base, articleId: existingArticle.id, alreadyPresent: true, added: noMergeCounts(), matched: noMergeCounts() };
  }
  const corpus: CorpusRecord = options.inPlace === true ? base : structuredClone(base);
  const added = noMergeCounts();
  const matched = noMergeCounts();
  // Each kind's ids as the article's records have them → as the corpus has them (a country's code is its own).
  const ids = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, new Map<string, string>()])) as Record<EntityType, Map<string, string>>;
  // The article's id is settled first: its evidence spans must name it, not a namesake already there.
  const articleId = freeId(extraction.article.id, (x) => corpus.articles.some((a) => a.id === x));
  const evidence = <T extends { articleId: string }>(list: T[]): T[] => list.map((e) => ({ ...e, articleId }));
  // History entries and roles quote the article too: their evidence must name its settled id.
  const steps = <T extends { evidence: EvidenceRecord }>(list: T[] | undefined): T[] | undefined =>
    list?.map((h) => ({ ...h, evidence: { ...h.evidence, articleId } }));
  const role = (r: RoleRecord): RoleRecord => {
    const organizationId = r.organizationId == null ? r.organizationId : (ids.ORGANIZATION.get(r.organizationId) ?? r.organizationId);
    return {
      ...r,
      ...(organizationId !== undefined ? { organizationId } : {}),
      ...(r.evidence !== undefined ? { evidence: evidence(r.evidence) } : {}),
    };
  };

  for (const country of extraction.countries) {
    const existing = corpus.countries.find((c) => c.code === country.code);
    if (existing === undefined) {
      corpus.countries.push(country);
      added.countries++;
    } else {
      existing.aliases = union(
        existing.aliases,
        country.aliases.filter((a) => a !== existing.name),
      );
      matched.countries++;
    }
  }

  // Before people: their roles name organizations by the ids settled here.
  corpus.organizations ??= [];
  for (const organization of extraction.organizations) {
    const existing = corpus.organizations.find((o) => sameOrganization(o, organization));
    if (existing === undefined) {
      const id = freeId(organization.id, (x) => corpus.organizations!.some((o) => o.id === x));
      corpus.organizations.push({ ...organization, id });
      ids.ORGANIZATION.set(organization.id, id);
      added.organizations++;
      continue;
    }
    ids.ORGANIZATION.set(organization.id, existing.id);
    existing.aliases = union(
      existing.aliases,
      [organization.name, ...organization.aliases].filter((a) => a !== existing.name),
    );
    if (existing.country == null && organization.country != null) existing.country = organization.country;
    existing.members = union(existing.members, organization.members);
    matched.organizations++;
  }

  for (const person of extraction.people) {
    const existing = corpus.people.find((p) => samePerson(p, person));
    if (existing === undefined) {
      const id = freeId(person.id, (x) => corpus.people.some((p) => p.id === x));
      corpus.people.push({ ...person, id, roles: person.roles.map(role) });
      ids.PERSON.set(person.id, id);
      added.people++;
      continue;
    }
    ids.PERSON.set(person.id, existing.id);
    existing.aliases = union(
      existing.aliases,
      person.aliases.filter((a) => a !== existing.name),
    );
    existing.nationality ??= person.nationality;
    existing.description ??= person.description;
    for (const found of person.roles.map(role)) {
      const held = existing.roles.find((r) => r.title === found.title && r.country === found.country);
      if (held === undefined) {
        existing.roles.push(found);
        continue;
      }
      held.start ??= found.start;
      held.end ??= found.end;
      if (held.organizationId == null && found.organizationId != null) held.organizationId = found.organizationId;
      if (found.evidence !== undefined) held.evidence = unionBy([...(held.evidence ?? []), ...found.evidence], spanKey);
    }
    matched.people++;
  }

  for (const agreement of extraction.agreements) {
    const existing = corpus.agreements.find((a) => sameAgreement(a, agreement));
    if (existing === undefined) {
      const id = freeId(agreement.id, (x) => corpus.agreements.some((a) => a.id === x));
      const history = steps(agreement.history);
      corpus.agreements.push({ ...agreement, id, evidence: evidence(agreement.evidence), ...(history ? { history } : {}) });
      ids.AGREEMENT.set(agreement.id, id);
      added.agreements++;
      continue;
    }
    ids.AGREEMENT.set(agreement.id, existing.id);
    existing.concluded ??= agreement.concluded;
    existing.evidence.push(...evidence(agreement.evidence));
    for (const c of agreement.commitments) if (!existing.commitments.some((e) => sameCommitment(e, c))) existing.commitments.push(c);
    const history = steps(agreement.history);
    if (history !== undefined) {
      const steps = unionBy([...(existing.history ?? []), ...history], (h) => `${h.status} ${h.effective ?? "-"} ${spanKey(h.evidence)}`);
      const published = new Map(corpus.articles.map((a) => [a.id, a.publishedAt ?? null]));
      published.set(articleId, extraction.article.publishedAt ?? null);
      existing.history = agreementHistory({ ...existing, history: steps }, (id) => published.get(id) ?? null).map(
        ({ published: _, ...step }) => step,
      );
    }
    matched.agreements++;
  }

  const published = extraction.article.publishedAt ?? null;
  for (const tariff of extraction.tariffs) {
    const agreementId = tariff.agreementId == null ? null : (ids.AGREEMENT.get(tariff.agreementId) ?? null);
    const existing = corpus.tariffs.find((t) => sameTariff(t, tariff));
    if (existing === undefined) {
      const id = freeId(tariff.id, (x) => corpus.tariffs.some((t) => t.id === x));
      const history = steps(tariff.history);
      corpus.tariffs.push({ ...tariff, id, agreementId, evidence: evidence(tariff.evidence), ...(history ? { history } : {}) });
      ids.TARIFF.set(tariff.id, id);
      added.tariffs++;
      continue;
    }
    ids.TARIFF.set(tariff.id, existing.id);
    existing.agreementId ??= agreementId;
    const found = { ...tariff, evidence: evidence(tariff.evidence), history: steps(tariff.history) };
    // Both records' observations (a record without a history stands for the one its rate
    // fields imply), each once; the rate fields become what the merged history says.
    const before = tariffChanges(existing);
    const history = unionBy([...before, ...tariffChanges(found)], observationKey);
    existing.evidence.push(...found.evidence);
    // A record whose rate fields alone say it all stays that way (as a corpus without histories
    // is written) until the article adds an observation: then the history is written out, so each
    // observation keeps its own sentence (an implied one would quote the record's first evidence).
    if (existing.history !== undefined || history.length > before.length) {
      const articles = new Map(corpus.articles.map((a) => [a.id, a.publishedAt ?? null]));
      articles.set(articleId, published);
      // Written oldest first, as the stores serve it, so the file reads as the history it is.
      const ordered = tariffHistory({ ...existing, history }, (id) => articles.get(id) ?? null);
      existing.history = ordered.map(({ published: _, ...change }) => change);
      Object.assign(existing, currentRates(ordered));
    }
    matched.tariffs++;
  }

  corpus.articles.push({
    ...extraction.article,
    id: articleId,
    mentions: extraction.article.mentions.map((m) => ({ ...m, entityId: ids[m.entityType].get(m.entityId) ?? m.entityId })),
  });
  return { corpus, articleId, alreadyPresent: false, added, matched };
}

// Private: the same person: same name (case and accents aside), or one's name is the other's alias.
function samePerson(existing: PersonRecord, found: PersonRecord): boolean {
  const name = foldText(found.name);
  return foldText(existing.name) === name || existing.aliases.some((a) => foldText(a) === name);
}

// Private: the same organization: a name of one (its name or an alias; case and accents aside) is
// the other's name, and they belong to the same country (or one's country is unknown): the
// Ministry of Commerce of China is not India's.
function sameOrganization(existing: OrganizationRecord, found: OrganizationRecord): boolean {
  if (existing.country != null && found.country != null && existing.country !== found.country) return false;
  const names = new Set([existing.name, ...existing.aliases].map(foldText));
  return names.has(foldText(found.name)) || found.aliases.some((a) => foldText(a) === foldText(existing.name));
}

// Private: the same agreement: same kind and parties, and not concluded in different years.
function sameAgreement(existing: AgreementRecord, found: AgreementRecord): boolean {
  if (existing.kind !== found.kind || existing.parties.length !== found.parties.length) return false;
  if (!found.parties.every((p) => existing.parties.includes(p))) return false;
  return existing.concluded == null || found.concluded == null || existing.concluded.slice(0, 4) === found.concluded.slice(0, 4);
}

function sameTariff(existing: TariffRecord, found: TariffRecord): boolean {
  return (
    existing.imposedBy === found.imposedBy &&
    existing.appliesTo === found.appliesTo &&
    foldText(existing.product) === foldText(found.product)
  );
}

function sameCommitment(a: CommitmentRecord, b: CommitmentRecord): boolean {
  return (
    a.party === b.party &&
    (a.amount?.amount ?? null) === (b.amount?.amount ?? null) &&
    union(a.sectors, b.sectors).length === a.sectors.length &&
    a.sectors.length === b.sectors.length
  );
}

// Private: what makes two tariff observations the same statement: what it says and where.
function observationKey(h: TariffChangeRecord): string {
  return `${h.status} ${h.ratePercent ?? "-"} ${h.previousRatePercent ?? "-"} ${h.effective ?? "-"} ${spanKey(h.evidence)}`;
}

// Private: an evidence span's identity: its article and offsets.
function spanKey(e: EvidenceRecord): string {
  return `${e.articleId}@${e.start}-${e.end}`;
}

// Private: the items with distinct keys, first occurrence kept, in order.
function unionBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
