/**
 * Script payloads in every text field of a listing stay text: escaped in every console page,
 * and returned as the same plain strings by the public JSON API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_JS_PATH } from "../../../api/admin/assets.js";
import { PREVIEW_CARD_PATH } from "../../../api/admin/views/preview.js";
import type { ServiceDetail } from "../../../schema/contract.js";
import {
  type Agent,
  type Console,
  createdId,
  editorFields,
  listingForm,
  openConsole,
  tokenOf,
} from "./helpers.js";

const PAYLOAD = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;
const tagged = (field: string) => `${field} ${PAYLOAD}`;

const TEXT_FIELDS = [
  "name",
  "nameCy",
  "summary",
  "summaryCy",
  "description",
  "descriptionCy",
  "howToAccess",
  "howToAccessCy",
  "costNote",
];
const CHILD_FIELDS = [
  "contacts.0.label",
  "contacts.0.labelCy",
  "contacts.0.hours",
  "contacts.0.hoursCy",
  "locations.0.name",
  "locations.0.address",
  "locations.0.accessibility",
  "locations.0.accessibilityCy",
  "schedules.0.note",
  "schedules.0.noteCy",
];

/** No payload survives as markup: no script element, no element with an inline handler. */
function expectInert(html: string, where: string) {
  expect(html, where).not.toContain("<script>alert");
  expect(html, where).not.toMatch(/<img[^>]*onerror/i);
  expect(html, where).not.toMatch(/href="javascript:/i);
  // Every script element is one of the console's own, by its address: the console's script,
  // and on listing pages the widget's card for "How parents will see it".
  const scripts = html.match(/<script[^>]*>/g) ?? [];
  expect(scripts.length, `${where}: the console's script`).toBeGreaterThanOrEqual(1);
  for (const tag of scripts) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    expect([CONSOLE_JS_PATH, PREVIEW_CARD_PATH], `${where}: ${tag}`).toContain(src);
  }
}

describe("script payloads in listing text", () => {
  let con: Console;
  let editor: Agent;
  let reviewer: Agent;
  let id: string;

  beforeAll(async () => {
    con = await openConsole();
    [editor, reviewer] = await Promise.all([con.as("editor"), con.as("reviewer")]);
    const fields = listingForm(
      Object.fromEntries([...TEXT_FIELDS, ...CHILD_FIELDS].map((f) => [f, tagged(f)])),
    );
    const created = await editor.post("/admin/listings/new", fields);
    expect(created.status).toBe(303);
    id = createdId(created);
    const view = await (await editor.get(`/admin/listings/${id}`)).text();
    expect((await editor.post(`/admin/listings/${id}/submit`, tokenOf(view))).status).toBe(303);
    const review = await (await reviewer.get(`/admin/listings/${id}`)).text();
    expect(
      (
        await reviewer.post(`/admin/listings/${id}/publish`, {
          ...tokenOf(review),
          note: tagged("note"),
        })
      ).status,
    ).toBe(303);
    const report = await con.app.request(`/api/v1/services/${id}/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reason: "other", text: tagged("report") }),
    });
    expect(report.status).toBe(201);
  });
  afterAll(() => con?.close());

  it("renders every console page about the listing with the payloads as text", async () => {
    const pages = [
      `/admin/listings/${id}`,
      `/admin/listings/${id}/edit`,
      `/admin/listings/${id}/history`,
      `/admin/listings?q=${encodeURIComponent("name <script>")}`,
      "/admin/listings?sort=edited",
      "/admin/reports",
      `/admin/audit?entityId=${id}`,
      "/admin/audit?action=report.create",
      "/admin",
    ];
    for (const path of pages) {
      const res = await reviewer.get(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expectInert(html, path);
    }
    const view = await (await reviewer.get(`/admin/listings/${id}`)).text();
    expect(view).toContain(
      "name &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;",
    );
    const edit = await (await reviewer.get(`/admin/listings/${id}/edit`)).text();
    for (const field of [...TEXT_FIELDS, ...CHILD_FIELDS]) {
      expect(editorFields(edit)[field], field).toBe(tagged(field));
    }
  });

  it("keeps payloads inert on the conflict screen and in a rejected form", async () => {
    const edit = await (await editor.get(`/admin/listings/${id}/edit`)).text();
    const stale = editorFields(edit);
    expect(
      (await reviewer.post(`/admin/listings/${id}/edit`, { ...stale, costNote: "theirs" })).status,
    ).toBe(303);
    const conflict = await editor.post(`/admin/listings/${id}/edit`, {
      ...stale,
      costNote: tagged("mine"),
    });
    expect(conflict.status).toBe(409);
    expectInert(await conflict.text(), "conflict");
    const invalid = await editor.post(`/admin/listings/${id}/edit`, {
      ...stale,
      summary: "<script>",
      sourceUrl: "javascript:alert(1)",
    });
    expect(invalid.status).toBe(422);
    expectInert(await invalid.text(), "invalid form");
  });

  it("refuses javascript: and other non-https links in every link field", async () => {
    for (const [field, value] of [
      ["sourceUrl", "javascript:alert(1)"],
      ["sourceUrl", "http://example.org/"],
      ["contacts.0.value", "javascript:alert(1)"],
    ] as const) {
      const fields = listingForm({
        [field]: value,
        ...(field === "contacts.0.value" ? { "contacts.0.kind": "web" } : {}),
      });
      const res = await editor.post("/admin/listings/new", fields);
      expect(res.status, `${field}=${value}`).toBe(422);
      const html = await res.text();
      expect(html).toContain(`id="f-${field.replaceAll(".", "-")}-error"`);
      expectInert(html, field);
    }
  });

  it("returns the payloads from the public API as the same plain strings", async () => {
    const res = await con.app.request(`/api/v1/services/${id}`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as ServiceDetail;
    expect(detail.name).toBe(tagged("name"));
    expect(detail.summary).toBe(tagged("summary"));
    expect(detail.description).toBe(tagged("description"));
    expect(detail.howToAccess).toBe(tagged("howToAccess"));
    expect(detail.costNote).toBe(tagged("costNote"));
    expect(detail.contacts[0]).toMatchObject({
      label: tagged("contacts.0.label"),
      hours: tagged("contacts.0.hours"),
      href: "tel:01632960999",
    });
    expect(detail.locations[0]).toMatchObject({
      name: tagged("locations.0.name"),
      address: tagged("locations.0.address"),
    });
    expect(detail.schedules[0]?.note).toBe(tagged("schedules.0.note"));
    const cy = (await (
      await con.app.request(`/api/v1/services/${id}?lang=cy`)
    ).json()) as ServiceDetail;
    expect(cy.name).toBe(tagged("nameCy"));
    expect(cy.summary).toBe(tagged("summaryCy"));
    const search = (await (
      await con.app.request("/api/v1/search?postcode=EX4%204&limit=50")
    ).json()) as {
      groups: Record<string, { id: string; name: string; contacts: { href: string }[] }[]>;
    };
    const found = Object.values(search.groups)
      .flat()
      .find((r) => r.id === id);
    expect(found?.name).toBe(tagged("name"));
    for (const c of found?.contacts ?? []) expect(c.href).toMatch(/^(tel:|sms:|mailto:|https:)/);
  });
});
