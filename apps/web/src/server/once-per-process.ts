const holder = globalThis as typeof globalThis & { __interventionsOnce?: Map<string, Promise<unknown>> };

/**
 * A resource opened once per process, kept on globalThis so that dev-server reloads reuse it. A failed
 * opening is not kept: the next call tries again (the database may come up later).
 */
export function oncePerProcess<T>(key: string, open: () => Promise<T>): Promise<T> {
  holder.__interventionsOnce ??= new Map();
  const opened = holder.__interventionsOnce;
  let promise = opened.get(key) as Promise<T> | undefined;
  if (!promise) {
    const opening = open();
    opening.catch(() => {
      if (opened.get(key) === opening) opened.delete(key);
    });
    opened.set(key, opening);
    promise = opening;
  }
  return promise;
}

/** Removes what was opened under `key` and hands it back, for whoever closes it (tests, shutdown). */
export function forgetOpened<T>(key: string): Promise<T> | undefined {
  const opening = holder.__interventionsOnce?.get(key) as Promise<T> | undefined;
  holder.__interventionsOnce?.delete(key);
  return opening;
}
