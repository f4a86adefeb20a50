import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./deps.js";
import { ApiError } from "./errors.js";

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
 * The client's address: the socket's on Node (a `CF-Connecting-IP` header there is just text
 * anyone can send), Cloudflare's header on Workers, where the platform sets it.
 */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  if (incoming) return incoming.socket?.remoteAddress ?? "unknown";
  return c.req.header("cf-connecting-ip") ?? "unknown";
}

/** Answers 429 with Retry-After once a client has used up its allowance. */
export function rateLimit(
  pick: (c: Context<AppEnv>) => RateLimiter | undefined,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limiter = pick(c);
    if (limiter && !(await limiter.limit({ key: clientAddress(c) })).success) {
      c.header("Retry-After", String(limiter.periodSeconds ?? 60));
      throw new ApiError(
        429,
        "rate_limited",
        "Too many requests. Please wait a minute and try again.",
      );
    }
    await next();
  };
}
