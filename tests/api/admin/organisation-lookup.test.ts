import { describe, expect, it } from "vitest";
import { sharedNames } from "../../../api/admin/organisation-lookup.js";

describe("sharedNames", () => {
  const shared = sharedNames([
    { id: "exe-valley-a", name: "Exe Valley Parents" },
    { id: "exe-valley-b", name: "  exe valley  PARENTS " },
    { id: "riverside", name: "Riverside Counselling" },
  ]);

  it("says a name two organisations bear is shared, in any case and spacing", () => {
    expect(shared("Exe Valley Parents")).toBe(true);
    expect(shared("EXE VALLEY PARENTS")).toBe(true);
  });

  it("says a name one organisation bears, or none, is not", () => {
    expect(shared("Riverside Counselling")).toBe(false);
    expect(shared("Nobody")).toBe(false);
  });
});
