import { describe, expect, it } from "vitest";
import { postcodesNearby, ruralFlags } from "../../../../api/domain/coverage/index.js";
import { EXETER, north } from "./listings.js";

describe("rural sectors", () => {
  it("counts postcode units of sectors whose centres lie within 5 km, itself included", () => {
    const sectors = [
      { ...EXETER, postcodes: 200 },
      { ...north(EXETER, 4.9), postcodes: 299 },
      { ...north(EXETER, 5.1), postcodes: 1000 },
    ];
    expect([...postcodesNearby(sectors)]).toEqual([499, 1499, 1299]);
    // 499 is below the 500 that makes a sector not rural; 1,499 and 1,299 are not.
    expect([...ruralFlags(sectors)]).toEqual([1, 0, 0]);
  });

  it("is not rural at exactly 500 postcode units nearby", () => {
    expect([...ruralFlags([{ ...EXETER, postcodes: 500 }])]).toEqual([0]);
  });
});
