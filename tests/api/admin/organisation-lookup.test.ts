import { describe, expect, it } from "vitest";
import { organisationOptions, sharedNames } from "../../../api/admin/organisation-lookup.js";

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

describe("organisationOptions", () => {
  it("follows a shared name with each one's id, and leaves other names as they are", () => {
    expect(
      organisationOptions([
        { id: "exe-valley-a", name: "Exe Valley Parents" },
        { id: "exe-valley-b", name: "exe valley parents" },
        { id: "riverside", name: "Riverside Counselling" },
      ]),
    ).toEqual([
      { value: "exe-valley-a", label: "Exe Valley Parents (exe-valley-a)" },
      { value: "exe-valley-b", label: "exe valley parents (exe-valley-b)" },
      { value: "riverside", label: "Riverside Counselling" },
    ]);
  });
});
