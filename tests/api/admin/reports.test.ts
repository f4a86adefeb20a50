import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "../../../api/rate-limit.js";
import { errorOf } from "../../support/client.js";
import { type Console, openConsole } from "./helpers.js";

const post = (con: Console, id: string, body: unknown, headers: Record<string, string> = {}) =>
  con.app.request(`/api/v1/services/${id}/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("public problem reports", () => {
  let con: Console;
  let clockMs = 0;
  let badRequests = 0;

  beforeAll(async () => {
    con = await openConsole({ limits: { reports: new MemoryRateLimiter(5, 60, () => clockMs) } });
  });
  afterAll(() => con?.close());

  it("accepts a report for a published listing with 201", async () => {
    const res = await post(
      con,
      "samaritans",
      { reason: "wrong-times", text: "  The line is open 24 hours now.  " },
      { "cf-connecting-ip": "198.51.100.10" },
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { report: { id: string; reason: string; status: string } };
    expect(body.report).toMatchObject({
      reason: "wrong-times",
      status: "open",
      serviceId: "samaritans",
    });
    const reviewer = await con.as("reviewer");
    const queue = await (await reviewer.get("/admin/reports")).text();
    expect(queue).toContain("The line is open 24 hours now.");
    expect(queue).toContain("The days or times are wrong");
  });

  it("accepts a plain form post too (for pages without JavaScript)", async () => {
    const res = await con.app.request("/api/v1/services/samaritans/reports", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "cf-connecting-ip": "198.51.100.11",
      },
      body: "reason=closed",
    });
    expect(res.status).toBe(201);
  });

  it("sends a browser that posted the service page's form without JavaScript back to that page", async () => {
    const res = await con.app.request("/api/v1/services/samaritans/reports", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "text/html,application/xhtml+xml",
        "cf-connecting-ip": "198.51.100.15",
      },
      body: "reason=wrong-contact&text=The+number+has+changed",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/services/samaritans/report?sent=1");
  });

  it.each([
    ["an unknown listing", "no-such-listing"],
    ["a listing in review", "apni"],
    ["an archived listing", "demo-bristol-bumps-swim"],
  ])("answers 404 in the error envelope for %s", async (_name, id) => {
    const res = await post(con, id, { reason: "closed" }, { "cf-connecting-ip": "198.51.100.12" });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  it.each([
    ["an unknown reason", { reason: "rude" }, "reason must be"],
    ["no reason", { text: "hello" }, "reason must be"],
    [
      "text over 1,000 characters",
      { reason: "other", text: "x".repeat(1001) },
      "at most 1000 characters",
    ],
    ["text that is not a string", { reason: "other", text: 42 }, "text must be"],
    ["unknown fields", { reason: "other", email: "me@example.org" }, "unknown field email"],
    ["invalid JSON", "{reason:", "not valid JSON"],
  ])("answers 400 invalid_report for %s", async (_name, body, message) => {
    // Each case from its own address, so the limiter stays out of the way.
    const res = await post(con, "samaritans", body, {
      "cf-connecting-ip": `198.51.100.${30 + badRequests++}`,
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("invalid_report");
    expect(error.message).toContain(message);
  });

  it("accepts exactly 1,000 characters of text", async () => {
    const res = await post(
      con,
      "samaritans",
      { reason: "other", text: "y".repeat(1000) },
      { "cf-connecting-ip": "198.51.100.14" },
    );
    expect(res.status).toBe(201);
  });

  it("limits reports per client address, with Retry-After and the error envelope", async () => {
    const from = { "cf-connecting-ip": "203.0.113.99" };
    for (let i = 0; i < 5; i++)
      expect((await post(con, "samaritans", { reason: "closed" }, from)).status).toBe(201);
    const limited = await post(con, "samaritans", { reason: "closed" }, from);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect((await errorOf(limited)).code).toBe("rate_limited");
    expect(
      (await post(con, "samaritans", { reason: "closed" }, { "cf-connecting-ip": "203.0.113.100" }))
        .status,
    ).toBe(201);
    clockMs += 61_000;
    expect((await post(con, "samaritans", { reason: "closed" }, from)).status).toBe(201);
  });

  it("lets sites that embed the widget send reports (CORS preflight allows POST)", async () => {
    const res = await con.app.request("/api/v1/services/samaritans/reports", {
      method: "OPTIONS",
      headers: {
        origin: "https://gp.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("lets reviewers resolve or dismiss a report, once", async () => {
    const reviewer = await con.as("reviewer");
    const queue = await (await reviewer.get("/admin/reports")).text();
    const reportId = /action="\/admin\/reports\/([^"]+)"/.exec(queue)?.[1] ?? "";
    expect(reportId).not.toBe("");
    const done = await reviewer.post(`/admin/reports/${reportId}`, { outcome: "resolved" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/admin/reports?done=resolved");
    const again = await reviewer.post(`/admin/reports/${reportId}`, { outcome: "dismissed" });
    expect(again.headers.get("location")).toBe("/admin/reports?done=gone");
    const resolved = await (await reviewer.get("/admin/reports?status=resolved")).text();
    expect(resolved).toContain("resolved");
  });

  it("shows open reports on the listing's console page", async () => {
    const admin = await con.as("admin");
    const page = await (await admin.get("/admin/listings/samaritans")).text();
    expect(page).toContain("The line is open 24 hours now.");
  });
});
