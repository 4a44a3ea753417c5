// compromise, made faster for ingestion without changing a tag. Chiefly a drop-in for its
// `bulkMatch`, the step of its post-tagger that picks, for each
// chunk of a sentence, which of its ~1,000 tagging patterns could apply there. compromise walks
// every hook word of the whole pattern net for every chunk (Object.keys per chunk, then concat),
// which profiling showed to be over a third of ingestion's CPU time; this walks only the words
// the chunk has, then restores the net's order, so the patterns run, and tag, in exactly the same
// order as before and the tags are identical (tests/ingest-formats.test.ts compares them). Each
// pattern is reached from one hook word only (of the words it needs, all of which must be present,
// the one fewest patterns hook on), and the candidates are then put in the order compromise's walk gives them. The
// post-tagger itself is replaced too, to skip the result views compromise builds and discards,
// and the chunker (noun and verb phrases, which the analysis never reads) is not run.
import nlp from "compromise";

/** One compiled pattern of the net, as compromise's buildNet leaves it (the fields read here). */
interface NetMatch {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

/** compromise's compiled net: patterns by the words and tags that hook them, and the unhooked ones. */
interface Net {
  hooks: Record<string, NetMatch[]>;
  always: NetMatch[];
}

type Term = unknown;
type CompromiseMethods = {
  two: { quickSplit: (docs: Term[][]) => { index: number[] }[][] };
  one: {
    buildNet: (matches: unknown[], world: unknown) => Net;
    bulkTagger: (found: unknown[], docs: Term[][], world: unknown) => void;
    bulkMatch: (document: Term[][], net: Net, methods: CompromiseMethods, opts?: { matchOne?: boolean }) => unknown[];
    cacheDoc: (document: Term[][]) => Set<string>[];
    match: (docs: Term[][], match: NetMatch) => { ptrs: number[][] };
  };
};

/** A net prepared once: hook words numbered in compromise's visiting order, patterns numbered by match text. */
interface PreparedNet {
  order: Map<string, number>;
  lists: NetMatch[][];
  /** Beside each list, its patterns' ids. */
  idLists: Int32Array[];
  /** Per pattern id, the last chunk that visited it (a stamp, so nothing is cleared per chunk). */
  stamps: Uint32Array;
  /**
   * Per hook word, the patterns visited from it when each pattern is visited from one word only:
   * the word of its needs whose list is shortest (a pattern with needs runs only if all are
   * present), or each of its wants when it has no needs. Null when two patterns share a match
   * text, which the order rule below does not cover.
   */
  anchors: { ids: Int32Array; patterns: NetMatch[] }[] | null;
  /** Per pattern id, the places it holds in the net, as hook word number * 65536 + list position, ascending. */
  places: { key: string; rank: number }[][];
}

const PREPARED = new WeakMap<Net, PreparedNet>();
let stamp = 0;

/** The part of a compromise View the post-tagger reads. */
interface View {
  world: World;
  docs: Term[][];
  methods: CompromiseMethods;
  update(pointers: number[][]): View;
  uncache(): void;
  unfreeze(): void;
}
interface World {
  hooks: string[];
  methods: CompromiseMethods;
  model: { two: { matches: unknown[] } };
  compute: Record<string, (view: View) => unknown>;
}

/**
 * Replaces compromise's bulkMatch with {@link bulkMatch} and its post-tagger with
 * {@link postTagger}, which tags the same matches without building the result views that
 * compromise's post-tagger builds and throws away, and takes the chunker off the hooks `nlp()`
 * runs. Safe to call more than once; called once when the text analysis loads.
 */
export function speedUpCompromise(): void {
  const world = (nlp as unknown as { world(): World }).world();
  world.methods.one.bulkMatch = bulkMatch;
  world.compute.postTagger = postTagger;
  const at = world.hooks.indexOf("chunks");
  if (at >= 0) world.hooks.splice(at, 1);
}

let postTaggerNet: Net | null = null;

// Private: compromise's postTagger (2-two/postTagger/compute/index.js) with its `view.sweep(net)`
// replaced by the two calls that do the tagging (match, then tag); the views sweep() would build
// for its return value, one per match, are what the post-tagger never reads.
function postTagger(view: View): View {
  const { world } = view;
  const { model, methods } = world;
  postTaggerNet ??= netOf(model.two.matches, world);
  // Patterns run over comma-split chunks of each sentence, as in compromise.
  const document = methods.two.quickSplit(view.docs);
  const pointers = document.map((terms) => [terms[0].index[0], terms[0].index[1], terms[0].index[1] + terms.length]);
  const chunks = view.update(pointers);
  const found = methods.one.bulkMatch(chunks.docs, postTaggerNet, chunks.methods, {});
  methods.one.bulkTagger(found, chunks.docs, chunks.world);
  view.uncache();
  view.unfreeze();
  return view;
}

// Private: the post-tagger's net. buildNet parses each pattern in place and cannot parse a
// `notIf` twice, so it is given copies, with a `notIf` compromise's own post-tagger already
// parsed (if it ran first) set back after the build.
function netOf(matches: unknown[], world: World): Net {
  const copies = matches.map((m) => ({ ...(m as { notIf?: unknown }) }));
  const parsed = copies.map((c) => (typeof c.notIf === "string" ? undefined : c.notIf));
  copies.forEach((c, i) => {
    if (parsed[i] !== undefined) c.notIf = undefined;
  });
  const net = world.methods.one.buildNet(copies, world);
  copies.forEach((c, i) => {
    if (parsed[i] !== undefined) c.notIf = parsed[i];
  });
  return net;
}

// Private: compromise's sweep (methods/sweep/index.js) with the same four steps: hooks, needs and
// ifNo and wants, unhooked patterns, minimum length; then every candidate is matched in order.
function bulkMatch(document: Term[][], net: Net, methods: CompromiseMethods, opts: { matchOne?: boolean } = {}): unknown[] {
  const docCache = methods.one.cacheDoc(document);
  const prepared = prepare(net);
  const { order, lists, idLists, stamps } = prepared;
  const results: unknown[] = [];
  const present: number[] = [];
  const candidates: NetMatch[] = [];
  for (let n = 0; n < document.length; n++) {
    const haves = docCache[n];
    present.length = 0;
    for (const key of haves) {
      const at = order.get(key);
      if (at !== undefined) present.push(at);
    }
    present.sort((a, b) => a - b);
    // A fresh stamp per chunk marks the patterns already seen in it (wrapping is harmless: the
    // array is cleared then).
    if (++stamp === 0xffffffff) {
      stamps.fill(0);
      stamp = 1;
    }
    candidates.length = 0;
    if (prepared.anchors !== null) {
      anchoredCandidates(prepared, prepared.anchors, present, haves, candidates);
    } else
      for (const at of present) {
        const list = lists[at];
        const idList = idLists[at];
        for (let k = 0; k < list.length; k++) {
          const id = idList[k];
          if (stamps[id] === stamp) continue;
          const m = list[k];
          stamps[id] = stamp;
          if (!allIn(m.needs, haves)) continue;
          if (m.ifNo !== undefined && anyIn(m.ifNo, haves)) continue;
          if (m.wants.length > 0 && countIn(m.wants, haves) < m.minWant) continue;
          candidates.push(m);
        }
      }
    for (const m of net.always) candidates.push(m);
    const words = document[n].length;
    for (const m of candidates) {
      if (words < m.minWords) continue;
      const res = methods.one.match([document[n]], m);
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        const todo: NetMatch & { pointer: number[] } = Object.assign({}, m, { pointer: ptr });
        if (m.unTag !== undefined) todo.unTag = m.unTag;
        results.push(todo);
      }
      if (res.ptrs.length > 0 && opts.matchOne === true) return [results[0]];
    }
  }
  return results;
}

// Private: numbers the net's hook words in the order compromise visits them (Object.keys order)
// and its patterns by match text, since compromise drops a repeated match text, not a repeated object.
function prepare(net: Net): PreparedNet {
  let prepared = PREPARED.get(net);
  if (prepared === undefined) {
    const keys = Object.keys(net.hooks);
    const byText = new Map<string, number>();
    const objects: NetMatch[] = [];
    let shared = false;
    const idLists = keys.map((key) =>
      Int32Array.from(net.hooks[key], (m) => {
        if (!byText.has(m.match)) {
          byText.set(m.match, byText.size);
          objects.push(m);
        } else if (objects[byText.get(m.match)!] !== m) shared = true;
        return byText.get(m.match)!;
      }),
    );
    const places: { key: string; rank: number }[][] = objects.map(() => []);
    keys.forEach((key, i) => {
      idLists[i].forEach((id, k) => {
        places[id].push({ key, rank: i * 65536 + k });
      });
    });
    let anchors: PreparedNet["anchors"] = null;
    if (!shared && keys.every((key) => net.hooks[key].length < 65536)) {
      const lists = keys.map(() => ({ ids: [] as number[], patterns: [] as NetMatch[] }));
      const at = new Map(keys.map((key, i) => [key, i]));
      objects.forEach((m, id) => {
        const hooks = m.needs.length > 0 ? [m.needs.reduce((a, b) => (net.hooks[b].length < net.hooks[a].length ? b : a))] : m.wants;
        for (const key of hooks) {
          lists[at.get(key)!].ids.push(id);
          lists[at.get(key)!].patterns.push(m);
        }
      });
      anchors = lists.map((l) => ({ ids: Int32Array.from(l.ids), patterns: l.patterns }));
    }
    prepared = {
      order: new Map(keys.map((key, i) => [key, i])),
      lists: keys.map((key) => net.hooks[key]),
      idLists,
      stamps: new Uint32Array(byText.size),
      anchors,
      places,
    };
    PREPARED.set(net, prepared);
  }
  return prepared;
}

// Private: the candidates of one chunk by way of the anchors: the patterns that pass the needs,
// ifNo and wants tests, in the order compromise's walk gives them (by the first place each holds
// in the net among the hook words the chunk has).
function anchoredCandidates(
  prepared: PreparedNet,
  anchors: NonNullable<PreparedNet["anchors"]>,
  present: number[],
  haves: Set<string>,
  candidates: NetMatch[],
): void {
  const { stamps, places } = prepared;
  const ranked: { rank: number; m: NetMatch }[] = [];
  for (const at of present) {
    const { ids, patterns } = anchors[at];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (stamps[id] === stamp) continue;
      stamps[id] = stamp;
      const m = patterns[k];
      if (!allIn(m.needs, haves)) continue;
      if (m.ifNo !== undefined && anyIn(m.ifNo, haves)) continue;
      if (m.wants.length > 0 && countIn(m.wants, haves) < m.minWant) continue;
      const first = places[id].find((p) => haves.has(p.key))!;
      ranked.push({ rank: first.rank, m });
    }
  }
  ranked.sort((a, b) => a.rank - b.rank);
  for (const r of ranked) candidates.push(r.m);
}

function allIn(words: string[], haves: Set<string>): boolean {
  for (const w of words) if (!haves.has(w)) return false;
  return true;
}

function anyIn(words: string[], haves: Set<string>): boolean {
  for (const w of words) if (haves.has(w)) return true;
  return false;
}

function countIn(words: string[], haves: Set<string>): number {
  let count = 0;
  for (const w of words) if (haves.has(w)) count++;
  return count;
}
