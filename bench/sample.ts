// One measured sample of a started target: drives it with autocannon and reads the target's own
// CPU time from /proc, so CPU per request is known even when other processes share the machine
// (requests per second alone then measures the neighbours too). Shared by `npm run bench` and
// `npm run bench:pair`.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import type { Sample } from "./report.js";
import type { RunningTarget } from "./target.js";
import type { Workload } from "./workloads.js";

/** Linux's clock ticks per second, the unit of /proc/PID/stat's CPU times. */
const CLOCK_TICKS = 100;

/**
 * One autocannon run of `seconds` against `target` with `body` (or a body drawn per request);
 * any error, timeout or non-2xx answer fails the benchmark.
 */
export async function drive(
  target: RunningTarget,
  body: string,
  seconds: number,
  connections: number,
  draw?: Workload["draw"],
): Promise<Sample> {
  const before = cpuSeconds(target.pid);
  const result = await autocannon({
    url: target.url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections,
    duration: seconds,
    // A drawn workload sends a fresh body with every request.
    ...(draw ? { requests: [{ setupRequest: (request) => ({ ...request, body: draw(Math.random) }) }] } : {}),
  });
  const cpu = cpuSeconds(target.pid) - before;
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${target.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  }
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUs: requests > 0 ? Math.round((cpu * 1e6) / requests) : NaN,
  };
}

/**
 * Waits until a target is idle (under 5% of a core for half a second, or two minutes at most): the
 * service builds its search index in the background after start-up, and that work must not be
 * billed to the first workload measured.
 */
export async function settle(target: RunningTarget): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const before = cpuSeconds(target.pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const used = cpuSeconds(target.pid) - before;
    if (!(used >= 0.025)) return; // NaN (no /proc) counts as idle
  }
}

/** User + system CPU seconds a process has used (Linux /proc; NaN elsewhere). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
