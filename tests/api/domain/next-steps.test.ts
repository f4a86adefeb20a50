import { describe, expect, it } from "vitest";
import { NEXT_STEP_SERVICE_IDS, nextSteps } from "../../../api/domain/next-steps.js";
import { COUNTRIES } from "../../../schema/taxonomy.js";

describe("nextSteps", () => {
  it("puts self-referral to NHS Talking Therapies first in England, then the perinatal team", () => {
    const steps = nextSteps(["England"], "en");
    expect(steps.map((s) => s.id)).toEqual(["england-talking-therapies", "england-perinatal-team"]);
    expect(steps[0]?.action).toBe("refer-yourself");
    expect(steps[0]?.link?.href).toMatch(/^https:\/\/www\.nhs\.uk\//);
    expect(steps[1]?.title).toContain("midwife, health visitor or GP");
  });

  it("gives every nation at least one step, each labelled with its nation", () => {
    for (const country of COUNTRIES) {
      const steps = nextSteps([country], "en");
      expect(steps.length, country).toBeGreaterThan(0);
      expect(steps.every((s) => s.country === country)).toBe(true);
    }
  });

  it("gives a cross-border place the steps of each country, primary first", () => {
    const steps = nextSteps(["Wales", "England"], "en");
    expect(steps.map((s) => s.country)).toEqual(["Wales", "Wales", "England", "England"]);
    expect(steps[0]?.id).toBe("wales-online-cbt");
  });

  it("speaks Welsh when asked, keeping the same links", () => {
    const en = nextSteps(["Wales"], "en");
    const cy = nextSteps(["Wales"], "cy");
    expect(cy[0]?.title).toContain("Cofrestru");
    expect(cy.map((s) => s.link?.href)).toEqual(en.map((s) => s.link?.href));
    expect(cy.map((s) => s.title)).not.toEqual(en.map((s) => s.title));
  });

  it("drops the listing, not the advice, when a step's listing is not published", () => {
    const steps = nextSteps(["England"], "en", new Set(["england-perinatal-mental-health-team"]));
    expect(steps.map((s) => s.serviceId)).toEqual([null, "england-perinatal-mental-health-team"]);
    expect(steps[0]?.link).not.toBeNull();
  });

  it("only links to https pages", () => {
    const links = COUNTRIES.flatMap((c) => nextSteps([c], "cy")).flatMap((s) =>
      s.link ? [s.link.href] : [],
    );
    expect(links.length).toBeGreaterThan(2);
    for (const href of links) expect(new URL(href).protocol).toBe("https:");
    expect(NEXT_STEP_SERVICE_IDS.length).toBeGreaterThan(4);
  });
});
