/** One unit of work that may need another's result first. */
export type DependentTask<T> = { name: string; dependsOn?: string; run: (dependency: T | undefined) => Promise<T> };

/**
 * Runs tasks at most `jobs` at a time. A task starts once the task it depends on has finished (a dependency outside
 * the list is resolved by `outside`); among the tasks ready to start, those others depend on go first, then the
 * list's order — so the long chains (the joint model, then its ablations) start early. Rejects on the first failure
 * after the running tasks settle.
 */
export async function runWithDependencies<T>(
  tasks: readonly DependentTask<T>[],
  jobs: number,
  outside: (name: string) => T | undefined,
): Promise<Map<string, T>> {
  const names = new Set(tasks.map((task) => task.name));
  const needed = new Set(
    tasks.flatMap((task) => (task.dependsOn !== undefined && names.has(task.dependsOn) ? [task.dependsOn] : [])),
  );
  const waiting = [...tasks].sort((a, b) => Number(needed.has(b.name)) - Number(needed.has(a.name)));
  const done = new Map<string, T>();
  let running = 0;
  let failure: unknown;
  return new Promise((resolve, reject) => {
    const pump = () => {
      if (failure !== undefined) {
        if (running === 0) reject(failure);
        return;
      }
      if (waiting.length === 0 && running === 0) {
        resolve(done);
        return;
      }
      while (running < jobs) {
        const index = waiting.findIndex(
          (task) => task.dependsOn === undefined || !names.has(task.dependsOn) || done.has(task.dependsOn),
        );
        if (index < 0) {
          if (running === 0) reject(new Error(`tasks wait on each other: ${waiting.map((t) => t.name).join(", ")}`));
          return;
        }
        const [task] = waiting.splice(index, 1);
        if (task === undefined) return;
        running++;
        const dependsOn = task.dependsOn;
        Promise.resolve()
          .then(() =>
            task.run(
              dependsOn === undefined ? undefined : names.has(dependsOn) ? done.get(dependsOn) : outside(dependsOn),
            ),
          )
          .then(
            (result) => {
              running--;
              done.set(task.name, result);
              pump();
            },
            (error: unknown) => {
              running--;
              failure ??= error;
              pump();
            },
          );
      }
    };
    pump();
  });
}
