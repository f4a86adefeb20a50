import { describe, expect, it } from "vitest";
import { diffListings } from "../../../api/admin/diff.js";
import { type Listing, listingInput } from "../../../schema/listing-input.js";

const base: Listing = listingInput.parse({
  id: "group",
  organisationId: "org",
  name: "Bumps group",
  summary: "A weekly group for parents.",
  kind: "peer-group",
  stages: ["postnatal"],
  formats: ["in-person"],
  referral: ["self"],
  audiences: [],
  contacts: [{ id: "c1", kind: "phone", value: "01632 960000", label: "Leader" }],
  schedules: [{ id: "s1", pattern: "weekly", weekday: 2, startTime: "10:00", endTime: "11:00" }],
});

describe("readable diff of two versions", () => {
  it("names each changed field with its before and after", () => {
    const after = {
      ...base,
      name: "Bumps and babies",
      stages: ["postnatal", "pregnancy"],
    } as Listing;
    expect(diffListings(base, after)).toEqual([
      { field: "Name", kind: "changed", before: "Bumps group", after: "Bumps and babies" },
      { field: "Stages", kind: "changed", before: "Baby under 1", after: "Baby under 1, Pregnant" },
    ]);
  });

  it("matches contacts and sessions by id: added, removed, changed", () => {
    const after = {
      ...base,
      contacts: [
        { ...base.contacts[0]!, value: "01632 960001" },
        { id: "c2", kind: "email", value: "hi@example.org", needsVerification: false },
      ],
      schedules: [],
    } as Listing;
    expect(diffListings(base, after)).toEqual([
      {
        field: "Contact: phone 01632 960000 (Leader) · Number or address",
        kind: "changed",
        before: "01632 960000",
        after: "01632 960001",
      },
      { field: "Contact", kind: "added", before: "", after: "email hi@example.org" },
      { field: "Session", kind: "removed", before: "Weekly on Tuesday, 10:00–11:00", after: "" },
    ]);
  });

  it("counts everything as added for a first version, and nothing for the same one", () => {
    expect(diffListings(base, base)).toEqual([]);
    const first = diffListings(null, base);
    expect(first.every((c) => c.kind === "added")).toBe(true);
    expect(first.map((c) => c.field)).toContain("Contact");
  });
});
