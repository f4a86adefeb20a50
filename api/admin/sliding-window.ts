/**
 * An in-process sliding-window counter (login throttling). Time comes from the caller (deps.now()), so tests
 * can move the clock. Memory is bounded: idle keys are dropped, and the oldest when over the cap.
 */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again: 0 when it is under its limit. */
  retryAfter(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    if (recent.length < this.limit) return 0;
    return Math.max(1, (recent[recent.length - this.limit] ?? nowMs) + this.windowMs - nowMs);
  }

  /** Counts one attempt against `key`. */
  record(key: string, nowMs: number): void {
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.prune(nowMs);
  }

  /** Counts an attempt if `key` is under its limit; otherwise answers how long to wait. */
  take(key: string, nowMs: number): number {
    const wait = this.retryAfter(key, nowMs);
    if (wait === 0) this.record(key, nowMs);
    return wait;
  }

  /** Takes back one attempt counted at `atMs` (one that turned out to be legitimate). */
  release(key: string, atMs: number): void {
    const times = this.hits.get(key);
    const i = times?.lastIndexOf(atMs) ?? -1;
    if (times && i >= 0) times.splice(i, 1);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
  }

  private prune(nowMs: number): void {
    for (const [key, times] of this.hits) {
      if ((times.at(-1) ?? 0) <= nowMs - this.windowMs) this.hits.delete(key);
    }
    // Map order is insertion order and record() re-inserts, so the first keys are the stalest.
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
