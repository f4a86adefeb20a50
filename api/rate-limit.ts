import type { Context, MiddlewareHandler } from "hono";
import { clientKey } from "./client-address.js";
import type { AppEnv } from "./deps.js";
import { ApiError } from "./errors.js";
import { BusyPage, type BusyReason } from "./pages/busy-page.js";
import { sendPage } from "./pages/layout.js";

/** The shape of the Workers rate-limit binding, which the Node limiter below also has. */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
  /** Seconds a client should wait after being limited. */
  readonly periodSeconds?: number;
}

/**
 * A fixed-window limiter held in memory, for the Node server. Keys are client addresses, kept
 * only for the current window and never written anywhere.
 */
export class MemoryRateLimiter implements RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly max: number,
    readonly periodSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async limit({ key }: { key: string }): Promise<{ success: boolean }> {
    const t = this.now();
    if (t - this.windowStart >= this.periodSeconds * 1000) {
      this.windowStart = t;
      this.counts = new Map();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return { success: n <= this.max };
  }
}

/**
 * Lets the event loop take its other work (a /health check, other pages) before going on. The
 * PDF and poster code is synchronous once it starts, so without this each admitted request would
 * run to the end before the next was even read, and the cap below would never see two at once.
 */
const yieldToEventLoop = () =>
  new Promise<void>((resolve) =>
    typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

/**
 * At most `max` pieces of heavy work (PDFs, posters) at once in this process, and `queue` more
 * waiting for a turn; beyond that, callers are told to come back. Keeps one client's burst from
 * queueing work that holds up every other page and /health.
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly max: number,
    readonly queue: number,
    /** Seconds to tell a refused client to wait. */
    readonly retryAfterSeconds = 5,
  ) {}

  /** A release function once a turn is free, or null at once when even the queue is full. */
  async acquire(): Promise<(() => void) | null> {
    if (this.running < this.max) this.running++;
    else if (this.waiting.length < this.queue) {
      // The turn passes straight from a finishing holder to the first waiter.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else return null;
    // Every turn starts after a pass of the event loop: requests that arrived meanwhile are
    // read (and counted here) first, and other pages get a look in between two PDFs.
    await yieldToEventLoop();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const nextInLine = this.waiting.shift();
      if (nextInLine) nextInLine();
      else this.running--;
    };
  }
}

/** Where a refusal is shown: a public page (HTML, with crisis routes) or a JSON answer. */
export type Answer = "page" | "json";

const wantsJson = (c: Context) => {
  const accept = c.req.header("accept") ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
};

function refuse(
  c: Context<AppEnv>,
  answer: Answer,
  reason: BusyReason,
  retryAfterSeconds: number,
): Response | Promise<Response> {
  c.header("Retry-After", String(retryAfterSeconds));
  c.header("Cache-Control", "no-store");
  if (answer === "page" && !wantsJson(c)) {
    const lang = c.req.query("lang") === "cy" || c.req.query("ui") === "cy" ? "cy" : "en";
    return sendPage(c, BusyPage({ lang, reason }), 429);
  }
  throw new ApiError(
    429,
    "rate_limited",
    reason === "busy"
      ? "Busy right now. Please wait a few seconds and try again."
      : "Too many requests. Please wait a minute and try again.",
  );
}

/** Answers 429 with Retry-After once a client has used up its allowance. */
export function rateLimit(
  pick: (c: Context<AppEnv>) => RateLimiter | undefined,
  answer: Answer = "json",
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limiter = pick(c);
    if (limiter && !(await limiter.limit({ key: clientKey(c) })).success) {
      return refuse(c, answer, "limited", limiter.periodSeconds ?? 60);
    }
    await next();
  };
}

/** Runs the request only with a turn of the semaphore; 429 with Retry-After when none is left. */
export function concurrencyCap(
  pick: (c: Context<AppEnv>) => Semaphore | undefined,
  answer: Answer = "page",
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const semaphore = pick(c);
    if (!semaphore) return next();
    const release = await semaphore.acquire();
    if (!release) return refuse(c, answer, "busy", semaphore.retryAfterSeconds);
    try {
      await next();
    } finally {
      release();
    }
  };
}
