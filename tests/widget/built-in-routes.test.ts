import { describe, expect, it } from "vitest";
import { readGeoFiles } from "../../api/db/load-geo.js";
import { buildGeoIndex } from "../../api/domain/geo-index.js";
import { parsePostcode } from "../../api/domain/postcode.js";
import { resolvePlace } from "../../api/domain/resolve-place.js";
import { COUNTRIES, type Country } from "../../schema/taxonomy.js";
import { builtInCrisisRoutes, builtInHelplines } from "../../widget/built-in-routes.js";
import { loadStrings } from "../../widget/strings/index.js";

const en = await loadStrings("en");
const hrefs = (routes: { contacts: { href: string }[] }[]) =>
  routes.flatMap((r) => r.contacts.map((c) => c.href));
const names = (countries: Country[], brief = false) =>
  builtInCrisisRoutes(en, countries, brief).map((r) => r.name);
const unknown: Country[] = [];

describe("builtInCrisisRoutes", () => {
  it("always starts with 999 and includes Samaritans and Shout", () => {
    for (const countries of [unknown, ...COUNTRIES.map((c) => [c])]) {
      const routes = builtInCrisisRoutes(en, countries);
      expect(routes[0]?.contacts[0]?.href).toBe("tel:999");
      expect(hrefs(routes)).toEqual(expect.arrayContaining(["tel:116123", "sms:85258?body=SHOUT"]));
    }
  });

  it("gives each country its own urgent mental health line", () => {
    expect(names(["England"])).toContain("NHS 111, mental health option");
    expect(names(["Wales"])).toContain("NHS 111, press 2");
    expect(names(["Scotland"])).toEqual(
      expect.arrayContaining(["NHS 24 Mental Health Hub", "Breathing Space (Scotland)"]),
    );
    expect(hrefs(builtInCrisisRoutes(en, ["Northern Ireland"]))).toContain("tel:08088088000");
    expect(hrefs(builtInCrisisRoutes(en, ["Northern Ireland"]))).not.toContain("tel:111");
  });

  it("gives a border place the routes of every country it may be in", () => {
    expect(names(["England", "Wales"])).toEqual(
      expect.arrayContaining(["NHS 111, mental health option", "NHS 111, press 2"]),
    );
  });

  it("covers every country when the country is not known yet", () => {
    const routes = builtInCrisisRoutes(en, unknown);
    expect(hrefs(routes)).toEqual(
      expect.arrayContaining(["tel:999", "tel:111", "tel:08088088000", "tel:116123"]),
    );
    expect(names(unknown)).not.toContain("Breathing Space (Scotland)");
  });

  it("keeps the brief panel for one country no longer than before a search", () => {
    const before = names(unknown, true).length;
    for (const country of COUNTRIES) expect(names([country], true).length).toBeLessThan(before);
    expect(names(["Scotland"], true)).not.toContain("Breathing Space (Scotland)");
  });

  it("gives the brief panel its final length at the keypress, for every sector and district", async () => {
    const geo = buildGeoIndex(await readGeoFiles());
    const wrong: string[] = [];
    let places = 0;
    for (const query of [...geo.sectors.keys(), ...geo.districts.keys()]) {
      const place = resolvePlace(parsePostcode(query), geo);
      if (!place) continue;
      places++;
      const atKeypress = builtInCrisisRoutes(en, unknown, true, query).length;
      const answered = builtInCrisisRoutes(en, place.countries, true).length;
      if (atKeypress !== answered) wrong.push(`${query} (${place.countries.join("+")})`);
    }
    expect(places).toBeGreaterThan(12_000);
    expect(wrong).toEqual([]);
  });

  it("uses only the verified numbers from the national services list", () => {
    const sets = [unknown, ...COUNTRIES.map((c) => [c])];
    const all = sets.flatMap((c) => [...builtInCrisisRoutes(en, c), ...builtInHelplines(en, c)]);
    expect(new Set(hrefs(all))).toEqual(
      new Set([
        "tel:999",
        "tel:111",
        "tel:08088088000",
        "tel:0800838587",
        "tel:116123",
        "mailto:jo@samaritans.org",
        "sms:85258?body=SHOUT",
        "sms:85258?body=PANDAS",
        "tel:03001233393",
        "sms:86463",
        "https://www.app-network.org/",
        "mailto:app@app-network.org",
        "mailto:midwife@tommys.org",
      ]),
    );
  });
});

describe("builtInHelplines", () => {
  it("offers Mind's Infoline in England and Wales only", () => {
    const has = (country: Country) =>
      hrefs(builtInHelplines(en, [country])).includes("tel:03001233393");
    expect(COUNTRIES.map(has)).toEqual([true, true, false, false]);
  });
});
