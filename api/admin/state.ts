import type { Deps } from "../deps.js";
import { SlidingWindow } from "./sliding-window.js";

const MINUTE = 60_000;

/** Limits that live in the process: per-instance on Workers, which is enough to slow guessing. */
export interface AdminState {
  /** Failed logins per account (by lower-cased email). */
  loginByAccount: SlidingWindow;
  /** Failed logins per client IP. */
  loginByIp: SlidingWindow;
}

export const LOGIN_LIMITS = {
  perAccount: { limit: 5, windowMs: 15 * MINUTE },
  perIp: { limit: 20, windowMs: 15 * MINUTE },
};

// Keyed by the deps object, so every app (and every test) has its own counters.
const states = new WeakMap<Deps, AdminState>();

export function adminState(deps: Deps): AdminState {
  let state = states.get(deps);
  if (!state) {
    state = {
      loginByAccount: new SlidingWindow(
        LOGIN_LIMITS.perAccount.limit,
        LOGIN_LIMITS.perAccount.windowMs,
      ),
      loginByIp: new SlidingWindow(LOGIN_LIMITS.perIp.limit, LOGIN_LIMITS.perIp.windowMs),
    };
    states.set(deps, state);
  }
  return state;
}
