import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiBase, createClient, type SearchParams, searchQuery } from "../../widget/api-client.js";
import { type FakeApi, startFakeApi } from "./helpers/fake-api.js";

const params = (postcode: string, extra: Partial<SearchParams> = {}): SearchParams => ({
  postcode,
  stage: [],
  kind: [],
  format: [],
  when: [],
  selfReferral: false,
  free: false,
  children: false,
  lang: "en",
  language: null,
  radiusKm: null,
  limit: null,
  site: null,
  ...extra,
});

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi("/nonexistent");
});
afterAll(() => api.close());

describe("searchQuery", () => {
  it("sends only what was chosen, in a fixed order, with lists comma-separated", () => {
    const q = searchQuery(
      params("EX4 4", {
        stage: ["postnatal", "pregnancy"],
        kind: ["peer-group"],
        selfReferral: true,
        free: true,
        radiusKm: 10,
        site: "riverside",
      }),
    );
    expect(q.toString()).toBe(
      "postcode=EX4+4&stage=postnatal%2Cpregnancy&kind=peer-group&selfReferral=true&free=true&radiusKm=10&lang=en&site=riverside",
    );
  });

  it("leaves out defaults", () => {
    expect(searchQuery(params("EX4")).toString()).toBe("postcode=EX4&lang=en");
  });
});

describe("apiBase", () => {
  it("resolves a relative or bare base to a directory URL", () => {
    expect(apiBase("https://signpost.example", "https://gp.example/")?.href).toBe(
      "https://signpost.example/",
    );
    expect(apiBase("/signpost", "https://gp.example/page")?.href).toBe(
      "https://gp.example/signpost/",
    );
  });

  it("refuses anything that is not http(s)", () => {
    expect(apiBase("javascript:alert(1)", "https://gp.example/")).toBeNull();
    expect(apiBase("ftp://x.example", "https://gp.example/")).toBeNull();
  });
});

describe("createClient().search", () => {
  // Generous by default: a busy machine must not turn a prompt answer into a timeout.
  const client = (timeoutMs = 10_000) => createClient(new URL(`${api.url}/`), { timeoutMs });

  it("returns the directory's answer", async () => {
    const outcome = await client().search(params("EX4 4"));
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.data.place.label).toBe("EX4 4, Exeter");
  });

  it("maps a 404 to postcode_not_found with the request id", async () => {
    const outcome = await client().search(params("ZZ9 9"));
    expect(outcome).toEqual({
      ok: false,
      failure: expect.objectContaining({
        code: "postcode_not_found",
        status: 404,
        requestId: "test-request",
      }),
    });
  });

  it("maps a 400 to invalid_postcode", async () => {
    const outcome = await client().search(params("NOPE"));
    expect(outcome.ok ? null : outcome.failure.code).toBe("invalid_postcode");
  });

  it("maps a 500 to server", async () => {
    const outcome = await client().search(params("LS1 1"));
    expect(outcome.ok ? null : outcome.failure).toMatchObject({ code: "server", status: 500 });
  });

  it("maps a 429 to rate_limited", async () => {
    const outcome = await client().search(params("RL1 1"));
    expect(outcome.ok ? null : outcome.failure).toMatchObject({
      code: "rate_limited",
      status: 429,
    });
  });

  it("maps an answer that is not the expected JSON to server", async () => {
    const outcome = await client().search(params("B1 1"));
    expect(outcome.ok ? null : outcome.failure).toMatchObject({ code: "server", status: 200 });
  });

  it("gives up after the timeout", async () => {
    const started = Date.now();
    const outcome = await client(500).search(params("M1 1"));
    expect(outcome.ok ? null : outcome.failure.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports aborted when the caller abandons the request", async () => {
    const controller = new AbortController();
    const pending = client().search(params("M1 1"), controller.signal);
    controller.abort();
    const outcome = await pending;
    expect(outcome.ok ? null : outcome.failure.code).toBe("aborted");
  });

  it("maps a refused connection to network", async () => {
    const outcome = await createClient(new URL("http://127.0.0.1:9/")).search(params("EX4 4"));
    expect(outcome.ok ? null : outcome.failure.code).toBe("network");
  });

  it("does not try the network when the browser is offline", async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    vi.stubGlobal("navigator", { onLine: false });
    try {
      const outcome = await createClient(new URL(`${api.url}/`), { fetch: fetchSpy }).search(
        params("EX4 4"),
      );
      expect(outcome.ok ? null : outcome.failure.code).toBe("offline");
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("sends no credentials and no referrer", async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => new Response("{}", { status: 500 }));
    await createClient(new URL("https://signpost.example/"), { fetch: fetchSpy }).search(
      params("EX4 4"),
    );
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(String(url)).toBe("https://signpost.example/api/v1/search?postcode=EX4+4&lang=en");
    expect(init).toMatchObject({ credentials: "omit", referrerPolicy: "no-referrer" });
  });
});
