/**
 * What every public form that writes something (`/add-your-service`, "ask to update" on a service
 * page) checks before it reads a field, with no third-party captcha: the same-site check, a timed
 * token signed with the server's key (at least 3 seconds and at most 2 hours old), and the
 * per-client limit for public forms. Each form adds a honeypot field, whose filling gets the same
 * answer as a success and keeps nothing.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { fromSameSite } from "../admin/http.js";
import { checkLoginToken, issueLoginToken } from "../admin/login-token.js";
import { adminState } from "../admin/state.js";
import { clientKey } from "../client-address.js";
import type { AppEnv } from "../deps.js";

type C = Context<AppEnv>;

/** A person takes longer than this to fill in a form; a script does not. */
const MIN_FILL_MS = 3_000;

/** The honeypot's field name: a hidden "homepage" box that only scripts fill. */
export const HONEYPOT = "homepage";

export const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** A new token for the form's hidden `_form` field. */
export async function formToken(c: C): Promise<string> {
  const deps = c.get("deps");
  return (await issueLoginToken(await adminState(deps).loginKey, deps.now().getTime())).cookie;
}

async function tokenState(c: C, value: string): Promise<"fresh" | "too-fast" | "expired"> {
  const deps = c.get("deps");
  const now = deps.now().getTime();
  const [token = "", issued = ""] = value.split(".");
  if (!(await checkLoginToken(await adminState(deps).loginKey, value, token, now)))
    return "expired";
  return now - Number(issued) < MIN_FILL_MS ? "too-fast" : "fresh";
}

export type FormRefusal = {
  problem: "expired" | "tooFast" | "limited";
  status: ContentfulStatusCode;
};

/** Why a posted public form is refused before its fields are read, or null when it may go on. */
export async function refusal(c: C, sentToken: unknown): Promise<FormRefusal | null> {
  if (!fromSameSite(c)) return { problem: "expired", status: 403 };
  const state = await tokenState(c, typeof sentToken === "string" ? sentToken : "");
  if (state !== "fresh")
    return { problem: state === "too-fast" ? "tooFast" : "expired", status: 400 };
  const limiter = c.get("deps").limits?.reports;
  if (limiter && !(await limiter.limit({ key: clientKey(c) })).success) {
    return { problem: "limited", status: 429 };
  }
  return null;
}

export const filledHoneypot = (body: Record<string, unknown>) =>
  typeof body[HONEYPOT] === "string" && body[HONEYPOT] !== "";

/** The origin that links in mail start with. */
export const mailOrigin = (c: C) =>
  (c.get("deps").publicOrigin ?? new URL(c.req.url).origin).replace(/\/$/, "");
