// Cleanup that test helpers register while a file runs. Vitest 4 ignores an afterAll called from
// inside a beforeAll (the hook list is already fixed), so helpers that start servers, processes
// or databases from beforeAll register here; the one afterAll below, added when a test file
// first imports this module, runs every task, last registered first.
import { afterAll } from "vitest";

const tasks: (() => unknown)[] = [];

afterAll(async () => {
  for (const task of tasks.splice(0).reverse()) await task();
});

/** Runs `task` after the current test file, after the tasks registered later than it. */
export function onCleanup(task: () => unknown): void {
  tasks.push(task);
}
