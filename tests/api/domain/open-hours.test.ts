import { describe, expect, it } from "vitest";
import { contactsMatchWhen } from "../../../api/domain/open-hours.js";
import type { OpenHours } from "../../../schema/hours.js";

const weekdays = [1, 2, 3, 4, 5];
const phone = (openHours: OpenHours | null) => ({ kind: "phone" as const, openHours });
const officeHours = phone([{ days: weekdays, opens: "09:00", closes: "18:00" }]);
const lateLine = phone([{ days: [1, 2, 3, 4], opens: "18:00", closes: "02:00" }]);

describe("contactsMatchWhen", () => {
  it("keeps a Monday-to-Friday 9-to-6 line out of evenings and weekends", () => {
    expect(contactsMatchWhen([officeHours], ["evening"])).toBe(false);
    expect(contactsMatchWhen([officeHours], ["weekend"])).toBe(false);
    expect(contactsMatchWhen([officeHours], ["morning"])).toBe(true);
    expect(contactsMatchWhen([officeHours], ["afternoon"])).toBe(true);
  });

  it("counts a slot past midnight as evening, and Friday night as reaching the weekend", () => {
    expect(contactsMatchWhen([lateLine], ["evening"])).toBe(true);
    expect(contactsMatchWhen([lateLine], ["morning"])).toBe(false);
    const friday = phone([{ days: [5], opens: "18:00", closes: "06:00" }]);
    expect(contactsMatchWhen([friday], ["weekend"])).toBe(true);
  });

  it("matches every time for a 24-hour line, and widens with each value chosen", () => {
    expect(contactsMatchWhen([phone("24h")], ["evening", "weekend"])).toBe(true);
    expect(contactsMatchWhen([officeHours], ["evening", "morning"])).toBe(true);
  });

  it("keeps services whose hours are not known, and ignores email and web", () => {
    expect(contactsMatchWhen([phone(null)], ["evening"])).toBe(true);
    expect(contactsMatchWhen([{ kind: "web", openHours: "24h" }, officeHours], ["evening"])).toBe(
      false,
    );
    expect(contactsMatchWhen([officeHours], ["school-holidays"])).toBe(true);
    expect(contactsMatchWhen([officeHours], [])).toBe(true);
  });
});
