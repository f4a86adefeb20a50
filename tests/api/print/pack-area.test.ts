import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeoIndex } from "../../../api/db/load-geo.js";
import type { GeoIndex } from "../../../api/domain/geo-index.js";
import { NI_COUNCILS } from "../../../api/domain/ni-councils.js";
import {
  countriesServed,
  districtsOf,
  findPosterArea,
  shortName,
} from "../../../api/domain/pack-area.js";
import { WELSH_PLACE_NAMES } from "../../../api/print/place-names.js";
import { type Backend, openBackend } from "../../support/backends.js";

let backend: Backend;
let geo: GeoIndex;

beforeAll(async () => {
  backend = await openBackend("memory");
  geo = await loadGeoIndex(backend.db);
});
afterAll(async () => {
  await backend?.close();
});

describe("findPosterArea", () => {
  it("reads districts, codes and names", () => {
    const district = findPosterArea("ex4", geo);
    expect(district).toMatchObject({
      ok: true,
      area: { kind: "district", code: "EX4", district: "EX4" },
    });
    const lad = findPosterArea("E07000041", geo);
    expect(lad).toMatchObject({
      ok: true,
      area: { kind: "lad", name: "Exeter", country: "England" },
    });
    const icb = findPosterArea("NHS Devon Integrated Care Board", geo);
    expect(icb).toMatchObject({
      ok: true,
      area: { kind: "icb", code: "E54000037", district: null },
    });
    const lhb = findPosterArea("Cardiff and Vale", geo);
    expect(lhb).toMatchObject({ ok: true, area: { kind: "lhb", country: "Wales" } });
  });

  it("opens a council's poster at its largest district", () => {
    const found = findPosterArea("Exeter", geo);
    expect(found.ok && found.area.district).toMatch(/^EX\d$/);
  });

  it("knows the Welsh names of Welsh councils", () => {
    expect(findPosterArea("Caerdydd", geo, WELSH_PLACE_NAMES)).toMatchObject({
      ok: true,
      area: { code: "W06000015", name: "Cardiff" },
    });
    expect(findPosterArea("Abertawe", geo)).toMatchObject({ ok: false });
  });

  it("prefers a council to a health board of the same name", () => {
    expect(findPosterArea("Powys", geo)).toMatchObject({ ok: true, area: { kind: "lad" } });
  });

  it("lists the candidates when a name is ambiguous, and says when nothing matches", () => {
    const ambiguous = findPosterArea("North", geo);
    expect(ambiguous.ok).toBe(false);
    expect(!ambiguous.ok && ambiguous.reason).toBe("ambiguous");
    expect(findPosterArea("Atlantis", geo)).toEqual({ ok: false, reason: "not-found" });
    expect(findPosterArea("", geo)).toEqual({ ok: false, reason: "not-found" });
  });

  it("finds Northern Ireland's councils and Scotland's health boards", () => {
    expect(findPosterArea("Belfast", geo)).toMatchObject({
      ok: true,
      area: { kind: "lad", code: "N09000003", country: "Northern Ireland", district: "BT1" },
    });
    expect(findPosterArea("n09000010", geo)).toMatchObject({
      ok: true,
      area: { name: "Newry, Mourne and Down", district: "BT34" },
    });
    // Two councils hold "Antrim": both are offered.
    const antrim = findPosterArea("Antrim", geo);
    expect(!antrim.ok && antrim.reason === "ambiguous" && antrim.names).toEqual([
      "Antrim and Newtownabbey",
      "Mid and East Antrim",
    ]);
    expect(findPosterArea("NHS Lothian", geo)).toMatchObject({
      ok: true,
      area: { kind: "hb", code: "S08000024", country: "Scotland", district: null },
    });
    expect(findPosterArea("Lothian", geo)).toMatchObject({ ok: true, area: { kind: "hb" } });
  });

  it("gives every Northern Ireland district a council, and each council known districts", () => {
    const ni = [...geo.districts.values()].filter((d) => d.country === "Northern Ireland");
    expect(ni.length).toBeGreaterThan(70);
    const listed = new Set(NI_COUNCILS.flatMap((c) => c.districts));
    expect(ni.filter((d) => !listed.has(d.outcode)).map((d) => d.outcode)).toEqual([]);
    expect([...listed].filter((d) => !geo.districts.has(d))).toEqual([]);
    expect(NI_COUNCILS).toHaveLength(11);
  });

  it("lists the districts an area covers", () => {
    const area = (text: string) => {
      const found = findPosterArea(text, geo);
      if (!found.ok) throw new Error(text);
      return found.area;
    };
    expect(districtsOf(area("EX4"), geo)).toEqual(["EX4"]);
    expect(districtsOf(area("Exeter"), geo)).toContain("EX4");
    expect(districtsOf(area("Exeter"), geo)).not.toContain("PL1");
    const lothian = districtsOf(area("NHS Lothian"), geo);
    expect(lothian).toContain("EH1");
    expect(lothian).not.toContain("G1");
    expect(districtsOf(area("Cardiff and Vale"), geo)).toContain("CF10");
    expect(districtsOf(area("Belfast"), geo)).toContain("BT9");
  });

  it("shortens official names to what people say", () => {
    expect(shortName("NHS Devon Integrated Care Board")).toBe("devon");
    expect(shortName("Bristol, City of")).toBe("bristol");
    expect(shortName("Swansea Bay University Health Board")).toBe("swansea bay");
  });
});

describe("countriesServed", () => {
  it("reads countries from service areas, and from the venue for a radius", () => {
    expect(countriesServed([{ kind: "uk", code: null }], [], geo)).toHaveLength(4);
    expect(countriesServed([{ kind: "lhb", code: "W11000029" }], [], geo)).toEqual(["Wales"]);
    expect(countriesServed([{ kind: "radius", code: null }], ["EX4 4PJ"], geo)).toEqual([
      "England",
    ]);
    expect(countriesServed([], [], geo)).toHaveLength(4);
  });
});
