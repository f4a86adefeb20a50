/**
 * A console to test against: the real app on in-memory libSQL with the real migrations and seed,
 * a clock the test can move, and one account of each kind with a signed-in session.
 */
import { createSession } from "../../../api/admin/session.js";
import { createUser } from "../../../api/admin/users.js";
import { createApp } from "../../../api/app.js";
import { openDb } from "../../../api/db/client.js";
import { loadGeoIndex } from "../../../api/db/load-geo.js";
import { prepareDb } from "../../../api/db/prepare.js";
import type { Db } from "../../../api/db/types.js";
import { type Deps, memo } from "../../../api/deps.js";
import { capturedLogger, FIXED_NOW } from "../../support/backends.js";

/** The organisation our editor works for, and another one. Both come from the demo seed. */
export const ORG = "demo-exe-valley-parents";
export const OTHER_ORG = "demo-plymouth-sound-parents";
/** A published listing of ORG (from the demo seed). */
export const ORG_LISTING = "demo-exeter-bumps-group";
export const PASSWORD = "a long enough test password";

export type Persona = "anonymous" | "otherEditor" | "editor" | "reviewer" | "admin";
export const PERSONAS: Persona[] = ["anonymous", "otherEditor", "editor", "reviewer", "admin"];

export interface Clock {
  now: Date;
  advance(ms: number): void;
}

export interface Agent {
  cookie: string;
  csrf: string;
  userId: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Posts a form with this session's CSRF token unless `_csrf` is given. */
  post(
    path: string,
    fields?: Record<string, string | string[]>,
    init?: RequestInit,
  ): Promise<Response>;
}

export interface Console {
  app: ReturnType<typeof createApp>;
  db: Db;
  deps: Deps;
  clock: Clock;
  logger: ReturnType<typeof capturedLogger>;
  users: Record<Exclude<Persona, "anonymous">, { id: string; email: string }> & {
    reviewer2: { id: string; email: string };
  };
  as(persona: Persona | "reviewer2"): Promise<Agent>;
  anonymous: Agent;
  close(): void;
}

export function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  }
  return params.toString();
}

function agent(app: Console["app"], cookie: string, csrf: string, userId: string): Agent {
  const headers = (extra?: HeadersInit) => {
    const h = new Headers(extra);
    if (cookie) h.set("cookie", cookie);
    return h;
  };
  return {
    cookie,
    csrf,
    userId,
    get: (path, init) =>
      Promise.resolve(app.request(path, { ...init, headers: headers(init?.headers) })),
    post: (path, fields = {}, init) => {
      const h = headers(init?.headers);
      h.set("content-type", "application/x-www-form-urlencoded");
      return Promise.resolve(
        app.request(path, {
          ...init,
          method: "POST",
          headers: h,
          body: formBody({ _csrf: csrf, ...fields }),
        }),
      );
    },
  };
}

export async function openConsole(
  options: { limits?: Deps["limits"]; cache?: Deps["cache"] } = {},
): Promise<Console> {
  const handle = openDb(":memory:");
  await prepareDb(handle.db, { demo: true });
  let current = new Date(FIXED_NOW);
  const clock: Clock = {
    get now() {
      return current;
    },
    set now(d: Date) {
      current = d;
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
  const logger = capturedLogger();
  const deps: Deps = {
    db: handle.db,
    logger,
    geo: memo(() => loadGeoIndex(handle.db)),
    now: () => clock.now,
    limits: options.limits,
    cache: options.cache,
  };
  const app = createApp(deps);
  const make = (
    email: string,
    role: "admin" | "reviewer" | "editor",
    organisationId: string | null,
  ) =>
    createUser(handle.db, clock.now, null, {
      email,
      name: email.split("@")[0] ?? "",
      role,
      organisationId,
      password: PASSWORD,
    });
  const [admin, reviewer, reviewer2, editor, otherEditor] = await Promise.all([
    make("admin@example.org", "admin", null),
    make("reviewer@example.org", "reviewer", null),
    make("reviewer2@example.org", "reviewer", null),
    make("editor@example.org", "editor", ORG),
    make("other@example.org", "editor", OTHER_ORG),
  ]);
  const users = { admin, reviewer, reviewer2, editor, otherEditor };
  return {
    app,
    db: handle.db,
    deps,
    clock,
    logger,
    users,
    async as(persona) {
      if (persona === "anonymous") return agent(app, "", "", "");
      const user = users[persona];
      const s = await createSession(handle.db, user.id, clock.now);
      return agent(app, `signpost_session=${s.token}`, s.csrfToken, user.id);
    },
    anonymous: agent(app, "", "", ""),
    close: () => handle.close(),
  };
}

/** Signs in through the login form, as a browser would. */
export async function login(
  app: Console["app"],
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const page = await app.request("/admin/login", { headers });
  const token = /name="_login" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return app.request("/admin/login", {
    method: "POST",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: formBody({ _login: token, email, password, next: "/admin" }),
  });
}

/** The hidden edit-token fields of the first form posting to `action` on a page. */
export function tokenOf(html: string): { version: string; revision: string } {
  const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? "";
  const revision = /name="revision" value="(\d+)"/.exec(html)?.[1] ?? "";
  return { version, revision };
}

/** Every `name=value` of the editor form as rendered, as a browser would post it unchanged. */
export function editorFields(html: string): Record<string, string | string[]> {
  const form = html.slice(html.indexOf("data-editor"));
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  const decode = (s: string) =>
    s
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    if (!name || name === "_csrf") continue;
    const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? "text";
    const value = decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? "");
    if ((type === "checkbox" || type === "radio") && !/\schecked(?:=""|\s|$)/.test(attrs)) continue;
    add(name, value);
  }
  for (const m of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = /name="([^"]*)"/.exec(m[1] ?? "")?.[1];
    if (name) add(name, decode(m[2] ?? ""));
  }
  for (const m of form.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = /name="([^"]*)"/.exec(m[1] ?? "")?.[1];
    if (!name) continue;
    const selected = /<option value="([^"]*)" selected=""/.exec(m[2] ?? "")?.[1] ?? "";
    add(name, decode(selected));
  }
  return out;
}

/** A complete, valid listing for the editor form (a peer group in Exeter). */
export function listingForm(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  // A new venue row's id, as the editor page would have generated it.
  const venue = `loc-${Math.random().toString(36).slice(2, 12).padEnd(10, "0")}`;
  return {
    organisationId: ORG,
    name: "Riverside Bumps and Babies",
    summary: "A friendly weekly group for parents-to-be and new parents in Exeter.",
    description: "Tea, chat and peer support.",
    kind: "peer-group",
    stages: ["pregnancy", "postnatal"],
    formats: ["in-person"],
    referral: ["self"],
    cost: "free",
    languages: "en",
    mentalHealthSpecific: "yes",
    verifiedAt: "2026-11-20",
    "contacts.0.kind": "phone",
    "contacts.0.value": "01632 960999",
    "contacts.0.label": "Group leader",
    "locations.0.id": venue,
    "locations.0.name": "Riverside Church Hall",
    "locations.0.address": "1 Riverside Walk, Exeter",
    "locations.0.postcode": "EX4 4QJ",
    "schedules.0.pattern": "weekly",
    "schedules.0.weekday": "2",
    "schedules.0.startTime": "10:00",
    "schedules.0.endTime": "11:30",
    "schedules.0.locationId": venue,
    "areas.0.kind": "lad",
    "areas.0.place": "Exeter",
    intent: "save",
    ...overrides,
  };
}

/** The listing id a "created" redirect points at. */
export function createdId(res: Response): string {
  const location = res.headers.get("location") ?? "";
  const id = /^\/admin\/listings\/([^/?]+)\?done=created$/.exec(location)?.[1];
  if (!id) throw new Error(`not a created redirect: ${res.status} ${location}`);
  return decodeURIComponent(id);
}

/** Posts a workflow action (submit, send-back, publish…) from the listing page, as a browser. */
export async function listingAction(agent: Agent, id: string, action: string, extra = {}) {
  const html = await (await agent.get(`/admin/listings/${id}`)).text();
  return agent.post(`/admin/listings/${id}/${action}`, { ...tokenOf(html), ...extra });
}
