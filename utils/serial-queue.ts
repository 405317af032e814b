/**
 * Runs async jobs one at a time, in the order they arrive. The background
 * applies every command and alarm through one queue, so two views pressing
 * buttons at once still read and write the state in turn.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(job: () => Promise<T>): Promise<T> {
    const result = tail.then(job, job);
    tail = result.catch(() => undefined);
    return result;
  };
}
