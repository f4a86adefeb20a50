import type { Deps } from "../deps.js";
import { signingKey } from "./login-token.js";
import { SlidingWindow } from "./sliding-window.js";
import { randomToken } from "./tokens.js";

const MINUTE = 60_000;

/** Limits that live in the process: per-instance on Workers, which is enough to slow guessing. */
export interface AdminState {
  /** Sign-in attempts per account (by lower-cased email). */
  loginByAccount: SlidingWindow;
  /** Sign-in attempts per client address (see clientKey). */
  loginByIp: SlidingWindow;
  /** Current-password checks per user, on changing one's own password. */
  passwordByUser: SlidingWindow;
  /** Password-reset requests per client address, and per email address asked about. */
  resetByIp: SlidingWindow;
  resetByAccount: SlidingWindow;
  /** Second-factor codes tried per user at sign-in. */
  twoFactorByUser: SlidingWindow;
  /** The key that signs the sign-in form's cookie. */
  loginKey: Promise<CryptoKey>;
}

export const LOGIN_LIMITS = {
  perAccount: { limit: 5, windowMs: 15 * MINUTE },
  perIp: { limit: 20, windowMs: 15 * MINUTE },
  passwordCheck: { limit: 5, windowMs: 15 * MINUTE },
  resetPerIp: { limit: 5, windowMs: 15 * MINUTE },
  /** Beyond this, more requests for the same address send nothing (and say the same). */
  resetPerAccount: { limit: 3, windowMs: 60 * MINUTE },
  twoFactor: { limit: 5, windowMs: 15 * MINUTE },
};

// Keyed by the deps object, so every app (and every test) has its own counters.
const states = new WeakMap<Deps, AdminState>();

export function adminState(deps: Deps): AdminState {
  let state = states.get(deps);
  if (!state) {
    const window = (l: { limit: number; windowMs: number }) =>
      new SlidingWindow(l.limit, l.windowMs);
    state = {
      loginByAccount: window(LOGIN_LIMITS.perAccount),
      loginByIp: window(LOGIN_LIMITS.perIp),
      passwordByUser: window(LOGIN_LIMITS.passwordCheck),
      resetByIp: window(LOGIN_LIMITS.resetPerIp),
      resetByAccount: window(LOGIN_LIMITS.resetPerAccount),
      twoFactorByUser: window(LOGIN_LIMITS.twoFactor),
      // Without a configured secret, a key made now: forms shown before a restart need reloading.
      loginKey: signingKey(deps.sessionSecret ?? randomToken(32)),
    };
    states.set(deps, state);
  }
  return state;
}

/**
 * Counts a sign-in attempt against its account and its address before the password is checked,
 * so attempts still in flight count too. Answers 0 when the attempt may go ahead, else the
 * milliseconds to wait; a refused attempt is not counted, so a flood does not lengthen the wait.
 */
export function takeLoginAttempt(
  state: AdminState,
  account: string,
  address: string,
  nowMs: number,
): number {
  const wait = Math.max(
    state.loginByAccount.retryAfter(account, nowMs),
    state.loginByIp.retryAfter(address, nowMs),
  );
  if (wait === 0) {
    state.loginByAccount.record(account, nowMs);
    state.loginByIp.record(address, nowMs);
  }
  return wait;
}

/** A right password clears the account's count and gives the address its attempt back. */
export function loginSucceeded(
  state: AdminState,
  account: string,
  address: string,
  attemptMs: number,
): void {
  state.loginByAccount.reset(account);
  state.loginByIp.release(address, attemptMs);
}

/** "Wait 3 minutes", for a wait in milliseconds. */
export function waitMessage(waitMs: number): string {
  const minutes = Math.ceil(waitMs / MINUTE);
  return `Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
}
