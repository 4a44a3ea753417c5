// Preloaded into every news replica (`node --import …`) by newsReplicas.ts, so a replica never
// outlives the process that started it, however that process ended: a SIGKILL or a crash runs
// none of its exit handlers. The replica's stdin is a pipe from that process which is never
// written to; the kernel closes its end when the process is gone, so end-of-file here means the
// replica is an orphan, and it ends itself at once.
//
// At once, with SIGKILL, not by draining: its stdout, a pipe to the same dead process, is broken
// too, and pino's final flush retries a write that fails with EPIPE forever (sonic-boom retries
// any error there), so a replica that logs "draining" would never exit. Its only clients were
// behind the gateway of the process that is gone.
const orphaned = () => process.kill(process.pid, "SIGKILL");
process.stdin.once("end", orphaned);
process.stdin.once("error", orphaned);
process.stdin.resume(); // read (nothing ever arrives) so that the end is noticed
// The watch alone must not keep the replica alive: the server does, for as long as it runs.
(process.stdin as { unref?: () => void }).unref?.();
