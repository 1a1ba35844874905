/**
 * Lets the event loop run — signal handlers, timers, other requests — in the middle of long work.
 * Queries on the embedded PGlite complete without returning to the event loop (the WASM engine
 * answers synchronously), so a loop of them would hold off even SIGTERM until it ends.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
