import { describe, expect, it } from "vitest";
import { COUNTRIES } from "../../schema/taxonomy.js";
import { cy } from "../../widget/strings/cy.js";
import { en } from "../../widget/strings/en.js";
import { loadStrings } from "../../widget/strings/index.js";

/** Every leaf of a strings object, as "path" → value, calling functions with sample arguments. */
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") {
    const fn = value as (...args: unknown[]) => unknown;
    return [
      [
        path,
        String(
          fn(
            ...[3, "EX4 4"]
              .slice(0, fn.length)
              .map((a, i) =>
                /(?:for|in)Country$/.test(path)
                  ? "Wales"
                  : i === 0 && path.endsWith(".text")
                    ? "85258"
                    : a,
              ),
          ),
        ),
      ],
    ];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  );
}

const optionalEmpty = /\.hours$/;

describe("strings", () => {
  it("has the same keys in Welsh as in English", () => {
    expect(leaves(cy).map(([p]) => p)).toEqual(leaves(en).map(([p]) => p));
  });

  it("has no empty string other than optional opening hours", () => {
    for (const [path, text] of [...leaves(en), ...leaves(cy)]) {
      if (!optionalEmpty.test(path)) expect(text.trim(), path).not.toBe("");
    }
  });

  it("is translated: Welsh differs from English for almost every string", () => {
    const english = new Map(leaves(en));
    const same = leaves(cy).filter(([p, t]) => english.get(p) === t && t !== "");
    // Names of services that have no Welsh name, the WhatsApp brand and a few identical words.
    expect(same.map(([p]) => p).sort()).toEqual(
      ["contact.whatsapp", "crisisRoutes.shout.name", "helplines.app.name"].sort(),
    );
  });

  it("names every country in both languages, with Welsh mutations", () => {
    expect(COUNTRIES.map((c) => en.crisis.forCountry(c))).toEqual([
      "Help in England",
      "Help in Wales",
      "Help in Scotland",
      "Help in Northern Ireland",
    ]);
    expect(COUNTRIES.map((c) => cy.crisis.forCountry(c))).toEqual([
      "Help yn Lloegr",
      "Help yng Nghymru",
      "Help yn yr Alban",
      "Help yng Ngogledd Iwerddon",
    ]);
  });

  it("loads Welsh with taxonomy labels from schema/", async () => {
    const strings = await loadStrings("cy");
    expect(strings.title).toBe(cy.title);
    expect(strings.kinds["peer-group"]).toBe("Grŵp cymorth cymheiriaid");
    expect(strings.stages.postnatal).toBe("Babi dan 1 oed");
  });

  it("announces counts without a number that needs a Welsh mutation", () => {
    expect(cy.status.results(3, "CF10 3")).toBe("Lleoedd i gael cymorth ar gyfer CF10 3: 3.");
    expect(en.status.results(1, "EX4 4")).toBe("1 place to find support for EX4 4.");
    expect(en.status.results(12, "EX4 4")).toBe("12 places to find support for EX4 4.");
  });
});
