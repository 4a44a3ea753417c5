// Cleanup that test helpers register while a file runs. Vitest 4 ignores an afterAll called from
// inside a beforeAll (the hook list is already fixed), so helpers that start servers, processes
// or databases from beforeAll register here; the one afterAll below, added when a test file
// first imports this module, runs every task, last registered first.
import { afterAll } from "vitest";

const tasks: (() => unknown)[] = [];
let fileDone = false;

afterAll(async () => {
  // One at a time from the end, so a task registered while earlier ones run is run too; one that
  // fails does not keep the others (a server still running, say) from running.
  const errors: unknown[] = [];
  for (let task = tasks.pop(); task; task = tasks.pop())
    await Promise.resolve()
      .then(task)
      .catch((error: unknown) => errors.push(error));
  fileDone = true;
  if (errors.length > 0) throw errors[0];
});

/**
 * Runs `task` after the current test file, after the tasks registered later than it. Registered
 * once the file is over (a start that outlived its timed-out beforeAll), it runs at once, so what
 * was started late is still stopped.
 */
export function onCleanup(task: () => unknown): void {
  if (fileDone) void Promise.resolve().then(task);
  else tasks.push(task);
}
