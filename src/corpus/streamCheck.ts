// Validating a corpus file without holding its articles: one streaming pass keeps the entity
// sections (small) and, per article, only its id; mention references and spans are checked as
// each article passes. The problems are the ones validateCorpus reports, same paths and words,
// so an importer can refuse a bad file before writing any of it.
import { CorpusError, type CorpusProblem } from "./CorpusError.js";
import { z } from "zod";
import { CORPUS_SECTIONS, CorpusSchema, type ArticleRecord, type CorpusRecord, type EntityType } from "./format.js";
import { ENTITY_KINDS, KIND_OF_SECTION, KINDS, kindSpec, recordsOf, type EntityKind, type EntitySection } from "./kinds.js";
import { CHUNK_BYTES, JsonSyntaxError, readCorpusEntries } from "./records.js";
import { MAX_PROBLEMS, checkArticleSpans, checkRules, shapeProblem } from "./validate.js";

export { CORPUS_SECTIONS } from "./format.js";

/** A top-level array of records in a corpus file. */
export type CorpusSectionName = keyof typeof CORPUS_SECTIONS;

/** What a file that passed holds: records per section (a section the file may leave out, and does, is absent). */
export type CorpusCounts = Record<CorpusSectionName, number>;

/** Options of {@link checkCorpusFile}. */
export interface CheckCorpusOptions {
  /** Called every `every` records with the number read so far (for a progress display). */
  onRecords?: (read: number) => void;
  /** Read size; tests make it tiny. @default CHUNK_BYTES */
  chunkBytes?: number;
  /** Called with each top-level key that holds an array, in file order (a key may come twice). */
  onArray?: (key: string) => void;
}

/**
 * Given a corpus file of any size, resolves with its record counts when it is valid, or throws
 * the {@link CorpusError} validateCorpus would throw for it (problems in the same order, except
 * that any span problems of an article come right after its reference problems, as they do
 * there). Memory holds the entity sections and one id per article, never the articles.
 */
export async function checkCorpusFile(file: string, options: CheckCorpusOptions = {}): Promise<CorpusCounts> {
  const skeleton: Record<string, unknown> = {};
  const entities = Object.fromEntries(ENTITY_KINDS.map((kind) => [KINDS[kind].section, []])) as unknown as EntitySections;
  // A section the format lets a file leave out (organizations, in older corpora) is counted only when the file has it.
  const counts = Object.fromEntries(
    Object.keys(CORPUS_SECTIONS)
      .filter((section) => !(CorpusSchema.shape[section as CorpusSectionName] instanceof z.ZodOptional))
      .map((section) => [section, 0]),
  ) as CorpusCounts;
  const shapeProblems: CorpusProblem[] = [];
  const articles = new ArticleChecks();
  const finished = new Set<CorpusSectionName>();
  let current: string | null = null;
  let read = 0;
  // Ids of each entity section read whole so far, built once; null while it may still grow.
  const idSets = new Map<EntityType, Set<string>>();
  const knownIds = (type: EntityType): Set<string> | null => {
    const section = KINDS[type].section;
    if (!finished.has(section)) return null;
    let ids = idSets.get(type);
    if (!ids) idSets.set(type, (ids = keysOf(type, entities)));
    return ids;
  };

  try {
    for await (const entry of readCorpusEntries(file, options.chunkBytes ?? CHUNK_BYTES)) {
      if (entry.key !== current) {
        if (isSection(current)) finished.add(current);
        current = entry.key;
      }
      if (entry.kind === "value") {
        skeleton[entry.key] = entry.value;
        continue;
      }
      if (entry.kind === "array") {
        options.onArray?.(entry.key);
        skeleton[entry.key] = [];
        // A repeated key replaces the earlier array, as JSON.parse would.
        if (isSection(entry.key)) {
          if (entry.key === "articles") articles.reset();
          else entities[entry.key] = [];
          counts[entry.key] = 0;
          finished.delete(entry.key);
          idSets.clear();
        }
        continue;
      }
      if (!isSection(entry.key)) continue; // the skeleton check reports the unknown key
      if (++read % 10_000 === 0) options.onRecords?.(read);
      const parsed = CORPUS_SECTIONS[entry.key].safeParse(entry.value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (shapeProblems.length < MAX_PROBLEMS) shapeProblems.push(shapeProblem(issue, `$.${entry.key}[${entry.index}]`));
        }
        if (shapeProblems.length >= MAX_PROBLEMS) throw new CorpusError(file, shapeProblems);
        continue;
      }
      counts[entry.key] += 1;
      if (entry.key === "articles") {
        articles.add(parsed.data as ArticleRecord, entry.index, knownIds);
      } else {
        (entities[entry.key] as unknown[]).push(parsed.data);
        const kind = KIND_OF_SECTION.get(entry.key)!;
        for (const { evidence } of kindSpec(kind).evidence(parsed.data as never)) articles.needBody(evidence.articleId);
      }
    }
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    if (error instanceof JsonSyntaxError) throw new CorpusError(file, [{ path: error.path, reason: `not valid JSON: ${error.message}` }]);
    throw new CorpusError(file, [{ path: "$", reason: `cannot read the file: ${(error as Error).message}` }]);
  }
  options.onRecords?.(read);

  const top = CorpusSchema.safeParse(skeleton);
  if (!top.success) shapeProblems.unshift(...top.error.issues.map((issue) => shapeProblem(issue)));
  if (shapeProblems.length > 0) throw new CorpusError(file, shapeProblems.slice(0, MAX_PROBLEMS));

  // Evidence quoting an article that came before its agreement or tariff: read those bodies now.
  const missing = articles.missingBodies();
  if (missing.size > 0) {
    for await (const entry of readCorpusEntries(file, options.chunkBytes ?? CHUNK_BYTES)) {
      if (entry.kind === "item" && entry.key === "articles") {
        const a = entry.value as { id?: unknown; body?: unknown; publishedAt?: unknown };
        if (typeof a.id === "string" && missing.has(a.id) && typeof a.body === "string") {
          articles.keepBody(a.id, a.body, typeof a.publishedAt === "string" ? a.publishedAt : null);
        }
      }
    }
  }

  // The entity rules (duplicates, country and agreement references, evidence spans) are
  // checkRules' own, run over the entity sections and stand-ins for the quoted articles.
  const standIns = [...articles.bodies].map(([id, { body, publishedAt }]) => ({
    id,
    body,
    publishedAt,
    lead: "-",
    source: "-",
    mentions: [],
  }));
  const entityProblems = checkRules({ version: 1, articles: standIns, ...entities } as CorpusRecord, { articleSpans: false });
  const isDuplicate = (p: CorpusProblem) => p.reason.startsWith("duplicate ");
  const problems = [
    ...articles.duplicates,
    ...entityProblems.filter(isDuplicate),
    ...articles.problems(entities),
    ...entityProblems.filter((p) => !isDuplicate(p)),
  ].slice(0, MAX_PROBLEMS);
  if (problems.length > 0) throw new CorpusError(file, problems);
  return counts;
}

/** The entity sections of a corpus. */
type EntitySections = Pick<CorpusRecord, EntitySection>;

// Private: the keys of one kind's records read so far.
function keysOf(kind: EntityKind, entities: EntitySections): Set<string> {
  const spec = kindSpec(kind);
  return new Set(recordsOf(entities, kind).map((r) => spec.key(r)));
}

// Private: whether a top-level key names a section of records.
function isSection(key: string | null): key is CorpusSectionName {
  return key !== null && Object.hasOwn(CORPUS_SECTIONS, key);
}

/** A problem with the position validateCorpus would report it at: article index, then order within. */
interface Positioned {
  index: number;
  order: number;
  problem: CorpusProblem;
}

// Private: the per-article checks, keeping ids, the bodies evidence quotes, and at most
// MAX_PROBLEMS problems in article order.
class ArticleChecks {
  private firstIndex = new Map<string, number>();
  readonly duplicates: CorpusProblem[] = [];
  private found: Positioned[] = [];
  /**
   * References to entities whose section had not been read yet, checked at the end: per entity,
   * its earliest MAX_PROBLEMS mentions (later ones could never be reported).
   */
  private pending = new Map<string, { type: EntityType; id: string; at: Positioned[] }>();
  private wanted = new Set<string>();
  /** Bodies (and publication times, which order histories) of the articles evidence quotes. */
  readonly bodies = new Map<string, { body: string; publishedAt: string | null }>();

  reset() {
    this.firstIndex.clear();
    this.duplicates.length = 0;
    this.found = [];
    this.pending.clear();
    this.bodies.clear();
  }

  /** Evidence quotes this article: keep its body when it passes (or fetch it later). */
  needBody(id: string) {
    this.wanted.add(id);
  }

  keepBody(id: string, body: string, publishedAt: string | null) {
    if (!this.bodies.has(id)) this.bodies.set(id, { body, publishedAt });
  }

  missingBodies(): Set<string> {
    return new Set([...this.wanted].filter((id) => this.firstIndex.has(id) && !this.bodies.has(id)));
  }

  /** Checks one article; `known` gives an entity section when it has been read whole, else null. */
  add(article: ArticleRecord, index: number, known: (type: EntityType) => Set<string> | null) {
    const first = this.firstIndex.get(article.id);
    if (first !== undefined) {
      if (this.duplicates.length < MAX_PROBLEMS) {
        this.duplicates.push({
          path: `$.articles[${index}].id`,
          reason: `duplicate id "${article.id}" (first used at $.articles[${first}])`,
        });
      }
      return this.checkMentions(article, index, known);
    }
    this.firstIndex.set(article.id, index);
    if (this.wanted.has(article.id)) this.bodies.set(article.id, { body: article.body, publishedAt: article.publishedAt ?? null });
    this.checkMentions(article, index, known);
  }

  /** Every problem of the articles in validateCorpus's order, pending references resolved against `entities`. */
  problems(entities: EntitySections): CorpusProblem[] {
    const ids = new Map(ENTITY_KINDS.map((kind) => [kind, keysOf(kind, entities)]));
    for (const p of this.pending.values()) if (!ids.get(p.type)!.has(p.id)) for (const at of p.at) this.report(at);
    return this.found.map((f) => f.problem);
  }

  private checkMentions(article: ArticleRecord, index: number, known: (type: EntityType) => Set<string> | null) {
    article.mentions.forEach((m, j) => {
      const at: Positioned = {
        index,
        order: j,
        problem: {
          path: `$.articles[${index}].mentions[${j}].entityId`,
          reason: `${m.entityType.toLowerCase()} "${m.entityId}" does not exist`,
        },
      };
      const ids = known(m.entityType);
      if (ids !== null) {
        if (!ids.has(m.entityId)) this.report(at);
        return;
      }
      const key = `${m.entityType}:${m.entityId}`;
      const entry = this.pending.get(key);
      if (!entry) this.pending.set(key, { type: m.entityType, id: m.entityId, at: [at] });
      else if (entry.at.length < MAX_PROBLEMS) entry.at.push(at);
    });
    let order = article.mentions.length;
    checkArticleSpans(article, index, (path, reason) => this.report({ index, order: order++, problem: { path, reason } }));
  }

  // Keeps the MAX_PROBLEMS earliest problems in article order.
  private report(p: Positioned) {
    this.found.push(p);
    this.found.sort((x, y) => x.index - y.index || x.order - y.order);
    if (this.found.length > MAX_PROBLEMS) this.found.length = MAX_PROBLEMS;
  }
}
