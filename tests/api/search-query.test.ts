/**
 * The hand-written search query parser agrees with the schema: the same answer for every query
 * the schema accepts, and no answer (so the schema gives its message) for every query it refuses.
 */
import { describe, expect, it } from "vitest";
import { prng } from "../../bench/synthetic.js";
import { parseSearchQueryFast, searchQuerySchema } from "../../schema/search-query.js";

const VALUES: Record<string, string[]> = {
  postcode: ["EX4 4", "m1 1ae", "", "  ", "CF10"],
  stage: [
    "pregnancy",
    "postnatal",
    "pregnancy,postnatal",
    " postnatal , pregnancy ",
    "",
    ",",
    "toddler",
    "nope",
  ],
  kind: [
    "peer-group",
    "peer-group,one-to-one-peer",
    "crisis",
    "text-line",
    "peer-group,,crisis",
    "group",
  ],
  format: ["online", "phone,online", "in-person", "  ", "paper"],
  when: ["evening", "morning,weekend", "school-holidays", "afternoon, evening", "night"],
  selfReferral: ["true", "false", "1", "0", "yes", "no", "", "TRUE", "y"],
  free: ["true", "no", "", "maybe"],
  children: ["1", "0", "yes", "x"],
  lang: ["en", "cy", "", "fr", "CY"],
  language: ["cy", "pl", "yue", "", "CY", "abcd", "p1"],
  radiusKm: [
    "1",
    "15",
    "50",
    "0.5",
    "50.1",
    "30.25",
    "",
    " 12 ",
    "1e1",
    "abc",
    "Infinity",
    "-0",
    "0",
  ],
  limit: ["1", "10", "50", "51", "0", "2.5", "", " 20", "1e1", "NaN"],
  site: ["gp-surgery", ""],
};

describe("parseSearchQueryFast", () => {
  it("gives the schema's answer for 5,000 random queries, and none where the schema refuses", () => {
    const rand = prng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 5_000; i++) {
      const raw: Record<string, string[]> = {};
      for (const [key, values] of Object.entries(VALUES)) {
        // Most keys absent, as in real searches; some repeated (the last one counts).
        const r = rand();
        if (r < 0.55) continue;
        raw[key] = r < 0.9 ? [pick(values)] : [pick(values), pick(values)];
      }
      const slow = searchQuerySchema.safeParse(raw);
      const fast = parseSearchQueryFast(raw);
      if (slow.success) {
        accepted++;
        expect(fast, JSON.stringify(raw)).toEqual(slow.data);
      } else {
        refused++;
        expect(fast, JSON.stringify(raw)).toBeUndefined();
      }
    }
    // Both sides were exercised many times.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it("reads an empty query as the schema's defaults", () => {
    expect(parseSearchQueryFast({})).toEqual(searchQuerySchema.parse({}));
  });
});
