// Findings become corpus records: one article with its mentions, and the people, countries,
// agreements, tariffs and organizations it mentions, each with a stable id and evidence sentences.
import type {
  AgreementRecord,
  AgreementStatusChangeRecord,
  ArticleRecord,
  CountryRecord,
  EntityType,
  EvidenceRecord,
  MentionRecord,
  OrganizationRecord,
  PersonRecord,
  TariffChangeRecord,
  TariffRecord,
  UnresolvedReferenceRecord,
} from "../../src/corpus/format.js";
import { currentRates, tariffHistory } from "../../src/corpus/tariffHistory.js";
import type { ArticleFindings } from "./extract.js";
import type { Mention, UnresolvedFinding } from "./findings.js";
import { countryByCode, shortName } from "./gazetteer.js";
import { agreementId, articleId, countrySlug, freeId, kindWord, organizationId, personId, tariffId } from "./ids.js";
import type { AnalysedText } from "./textAnalysis.js";

/** One article ready to merge into a corpus: its record and the entity records it mentions. */
export interface ArticleExtraction {
  article: ArticleRecord;
  people: PersonRecord[];
  countries: CountryRecord[];
  agreements: AgreementRecord[];
  tariffs: TariffRecord[];
  organizations: OrganizationRecord[];
  unresolved: UnresolvedFinding[];
}

/** What the article record carries besides its text: when and by whom it was published. */
export interface ArticleMetadata {
  /** ISO 8601 date-time with offset, or null when unknown. */
  publishedAt: string | null;
  source: string;
}

/** Order of entity types among mentions that share a span, longest first otherwise; a kind not placed here goes last. */
const TYPE_ORDER: Partial<Record<EntityType, number>> = { TARIFF: 0, AGREEMENT: 1, ORGANIZATION: 2, PERSON: 3, COUNTRY: 4 };

/**
 * Given one article's findings and metadata, returns its corpus records with ids derived from
 * each entity's identity, mentions in text order, and evidence quoting whole sentences. The
 * article's id is its source, date and the people (else countries) its lead names.
 */
export function toRecords(findings: ArticleFindings, meta: ArticleMetadata): ArticleExtraction {
  const { article, text } = findings;
  const lead = text.sentences[0];
  const leadPeople = findings.people
    .filter((p) => p.mentions.some((m) => m.sentence === 0))
    .sort((a, b) => a.mentions[0].start - b.mentions[0].start)
    .slice(0, 3)
    .map((p) => p.alias);
  const leadCountries = [...new Set(findings.countries.filter((c) => c.sentence === 0).map((c) => countrySlug(c.code)))].slice(0, 3);
  const keys = leadPeople.length > 0 ? leadPeople : leadCountries.length > 0 ? leadCountries : lead.text.split(/\s+/).slice(0, 4);
  const id = articleId(meta.source, meta.publishedAt, keys);
  const evidence = (mentions: Mention[]) => evidenceOf(text, id, mentions);
  const sentence = (i: number): EvidenceRecord => sentenceEvidence(text, id, i);
  const mentions: MentionRecord[] = [];
  const mention = (entityType: EntityType, entityId: string, m: Mention) =>
    mentions.push({ entityType, entityId, text: m.text, start: m.start, end: m.end });

  // Organizations first: a role names the organization whose office it is by its id.
  const organizationIds = new Map<string, string>();
  const organizations: OrganizationRecord[] = findings.organizations.map((o) => {
    const oid = freeId(organizationId(o), (x) => [...organizationIds.values()].includes(x));
    organizationIds.set(o.name, oid);
    o.mentions.forEach((m) => mention("ORGANIZATION", oid, m));
    // No country is written for a body of none, as hand-made corpora leave it out.
    return {
      id: oid,
      name: o.name,
      aliases: o.aliases,
      kind: o.kind,
      ...(o.country !== null ? { country: o.country } : {}),
      members: o.members,
    };
  });

  const personIds = new Set<string>();
  const people: PersonRecord[] = findings.people.map((p) => {
    const pid = freeId(personId(p.name), (x) => personIds.has(x));
    personIds.add(pid);
    p.mentions.forEach((m) => mention("PERSON", pid, m));
    return {
      id: pid,
      name: p.name,
      aliases: p.alias !== p.name ? [p.alias] : [],
      description: p.description,
      nationality: p.nationality,
      roles: p.roles.map((r) => ({
        title: r.title,
        country: r.country,
        ...(r.organization !== null && organizationIds.has(r.organization) ? { organizationId: organizationIds.get(r.organization) } : {}),
        current: r.current,
        start: r.start ?? null,
        end: r.end ?? null,
        ...(r.sentences !== undefined && r.sentences.length > 0
          ? { evidence: [...new Set(r.sentences)].sort((x, y) => x - y).map(sentence) }
          : {}),
      })),
    };
  });

  const agreementIds = new Map<object, string>();
  const agreements: AgreementRecord[] = findings.agreements.map((a) => {
    const aid = freeId(agreementId(a), (x) => [...agreementIds.values()].includes(x));
    agreementIds.set(a, aid);
    a.mentions.forEach((m) => mention("AGREEMENT", aid, m));
    return {
      id: aid,
      name: a.properName ?? `${a.parties.map(shortName).join("-")} ${[kindWord(a.kind), a.head].filter(Boolean).join(" ")}`,
      kind: a.kind,
      parties: a.parties,
      concluded: a.concluded,
      summary: null,
      commitments: a.commitments,
      evidence: evidence(a.mentions),
      ...(a.statusSteps !== undefined && a.statusSteps.length > 0
        ? {
            history: a.statusSteps.map(
              (step): AgreementStatusChangeRecord => ({
                status: step.status,
                effective: step.effective,
                evidence: sentence(step.sentence),
              }),
            ),
          }
        : {}),
    };
  });

  const tariffIds = new Set<string>();
  const tariffs: TariffRecord[] = findings.tariffs.map((t) => {
    const tid = freeId(tariffId(t), (x) => tariffIds.has(x));
    tariffIds.add(tid);
    t.mentions.forEach((m) => mention("TARIFF", tid, m));
    const record: TariffRecord = {
      id: tid,
      imposedBy: t.imposedBy,
      appliesTo: t.appliesTo,
      product: t.product,
      ratePercent: t.ratePercent,
      previousRatePercent: t.previousRatePercent,
      agreementId: t.agreement === null ? null : (agreementIds.get(t.agreement) ?? null),
      evidence: evidence(t.mentions),
    };
    if (t.observations === undefined || t.observations.length === 0) return record;
    // One observation per statement; the rate fields become what they say (announced or
    // threatened rates never become the rate in effect).
    record.history = t.observations.map(
      (o): TariffChangeRecord => ({
        ratePercent: o.ratePercent,
        previousRatePercent: o.previousRatePercent,
        status: o.status,
        effective: o.effective,
        evidence: sentence(o.sentence),
      }),
    );
    return { ...record, ...currentRates(tariffHistory(record, () => meta.publishedAt)) };
  });

  findings.countries.forEach((c) => mention("COUNTRY", c.code, c));
  const codes = new Set<string>([
    ...findings.countries.map((c) => c.code),
    ...people.flatMap((p) => [p.nationality, ...p.roles.map((r) => r.country)]).filter((c): c is string => c != null),
    ...agreements.flatMap((a) => [...a.parties, ...a.commitments.map((c) => c.party)]),
    ...tariffs.flatMap((t) => [t.imposedBy, t.appliesTo]),
    ...organizations.map((o) => o.country).filter((c): c is string => c != null),
  ]);
  // A body's members are written among the countries the article has anyway: a corpus gains no
  // country record that no article names (ASEAN's ten would come with one mention of it).
  for (const o of organizations) o.members = o.members.filter((code) => codes.has(code));
  const countries = [...codes].sort().map((code) =>
    countryRecord(
      code,
      findings.countries.filter((c) => c.code === code).map((c) => c.text),
    ),
  );

  mentions.sort((a, b) => a.start - b.start || b.end - a.end || (TYPE_ORDER[a.entityType] ?? 9) - (TYPE_ORDER[b.entityType] ?? 9));
  const unique = mentions.filter((m, i) => i === 0 || !sameMention(m, mentions[i - 1]));
  return {
    article: {
      id,
      headline: article.headline,
      lead: lead.text,
      body: article.body,
      dateline: article.dateline,
      publishedAt: meta.publishedAt,
      source: meta.source,
      copyright: article.copyright,
      mentions: unique,
      unresolved: findings.unresolved.map(
        (u): UnresolvedReferenceRecord => ({ entityType: u.entityType, text: u.text, start: u.start, end: u.end, reason: u.reason }),
      ),
    },
    people,
    countries,
    agreements,
    tariffs,
    organizations,
    unresolved: findings.unresolved,
  };
}

// Private: a country's record: gazetteer name, and aliases from the gazetteer and the article.
function countryRecord(code: string, seen: string[] = []): CountryRecord {
  const g = countryByCode(code);
  if (g === undefined) return { code, name: code, aliases: [...new Set(seen)] };
  const aliases = [g.officialName, ...g.newsForms, ...g.demonyms, g.capital, ...seen].filter((a): a is string => a != null && a !== g.name);
  // The kind is written only where it is not the default, as hand-made corpora leave it out.
  return { code, name: g.name, aliases: [...new Set(aliases)], ...(g.kind === "SOVEREIGN_STATE" ? {} : { kind: g.kind }) };
}

// Private: one evidence span per sentence the mentions sit in, in text order.
function evidenceOf(text: AnalysedText, articleId: string, mentions: Mention[]): EvidenceRecord[] {
  const sentences = [...new Set(mentions.map((m) => m.sentence))].sort((a, b) => a - b);
  return sentences.map((i) => sentenceEvidence(text, articleId, i));
}

// Private: the evidence span of one whole sentence.
function sentenceEvidence(text: AnalysedText, articleId: string, index: number): EvidenceRecord {
  const s = text.sentences[index];
  return { articleId, quote: s.text, start: s.start, end: s.end };
}

function sameMention(a: MentionRecord, b: MentionRecord): boolean {
  return a.entityType === b.entityType && a.entityId === b.entityId && a.start === b.start && a.end === b.end;
}
