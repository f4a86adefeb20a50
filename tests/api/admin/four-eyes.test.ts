import { describe, expect, it } from "vitest";
import {
  dialledNumbers,
  fourEyes,
  fourEyesReason,
  numbersInText,
  SEED_AUTHOR,
  withEdit,
} from "../../../api/admin/four-eyes.js";

type C = {
  id: string;
  kind: "phone" | "text" | "email" | "web" | "whatsapp";
  value: string;
  keyword?: string | null;
  label?: string | null;
  hours?: string | null;
  hoursCy?: string | null;
  needsVerification: boolean;
};
const listing = (
  kind: string,
  contacts: Omit<C, "id" | "needsVerification">[],
  text: Record<string, string> = {},
) =>
  ({
    kind,
    contacts: contacts.map((c, i) => ({ id: `c${i}`, needsVerification: false, ...c })),
    ...text,
  }) as never;

describe("four-eyes rule", () => {
  const helpline = listing("helpline", [
    { kind: "phone", value: "0808 808 8000" },
    { kind: "web", value: "https://example.org" },
  ]);

  it("needs a second person for any crisis listing", () => {
    expect(fourEyesReason(listing("crisis", []), listing("crisis", []))).toBe(
      "This is a crisis listing.",
    );
    expect(fourEyesReason(listing("helpline", []), listing("crisis", []))).toBe(
      "This is a crisis listing.",
    );
  });

  it("needs a second person when a phone or text number or keyword changes", () => {
    const changed = listing("helpline", [{ kind: "phone", value: "0808 808 8001" }]);
    expect(fourEyesReason(changed, helpline)).toMatch(/phone or text number/);
    const keyword = listing("text-line", [{ kind: "text", value: "85258", keyword: "SHOUT" }]);
    const otherKeyword = listing("text-line", [{ kind: "text", value: "85258", keyword: "MUM" }]);
    expect(fourEyesReason(otherKeyword, keyword)).not.toBeNull();
    expect(
      fourEyesReason(listing("helpline", [{ kind: "phone", value: "0808 808 8000" }]), null),
    ).not.toBeNull();
  });

  it("ignores spacing, order and changes to web or email contacts", () => {
    const respaced = listing("helpline", [
      { kind: "web", value: "https://example.org/new" },
      { kind: "phone", value: "08088088000" },
    ]);
    expect(fourEyesReason(respaced, helpline)).toBeNull();
    expect(dialledNumbers(respaced)).toEqual(["phone:08088088000"]);
  });

  it("compares the numbers in wa.me and api.whatsapp.com links, +44 and 0 alike", () => {
    const whatsApp = (value: string, kind: C["kind"] = "whatsapp") =>
      listing("peer-group", [{ kind, value }]);
    const number = whatsApp("07700 900123");
    for (const same of [
      "https://wa.me/447700900123",
      "https://wa.me/+44 7700 900123",
      "https://api.whatsapp.com/send?phone=447700900123&text=Hello",
      "https://www.whatsapp.com/send?phone=447700900123",
    ]) {
      expect(fourEyesReason(whatsApp(same), number), same).toBeNull();
    }
    expect(fourEyesReason(whatsApp("https://wa.me/447700900999"), number)).toMatch(
      /phone or text number/,
    );
    expect(
      fourEyesReason(
        whatsApp("https://api.whatsapp.com/send?phone=447700900999"),
        whatsApp("https://wa.me/447700900123"),
      ),
    ).not.toBeNull();
    // A wa.me link in a web contact is a WhatsApp number all the same.
    expect(
      fourEyesReason(whatsApp("https://wa.me/447700900999", "web"), whatsApp("07700 900123")),
    ).not.toBeNull();
    expect(fourEyesReason(whatsApp("https://wa.me/447700900123", "web"), number)).toBeNull();
    // Any other WhatsApp link (a group invite) is compared whole.
    expect(
      fourEyesReason(
        whatsApp("https://chat.whatsapp.com/OtherGroup"),
        whatsApp("https://chat.whatsapp.com/OurGroup"),
      ),
    ).not.toBeNull();
    expect(dialledNumbers(whatsApp("https://wa.me/353851234567"))).toEqual([
      "whatsapp:+353851234567",
    ]);
  });

  it("counts numbers written in the text, Welsh twins and contact labels and hours included", () => {
    const base = listing("peer-group", [{ kind: "email", value: "a@example.org" }], {
      summary: "A weekly group. Call 0808 808 8000 to join.",
    });
    const fields = [
      "summary",
      "summaryCy",
      "description",
      "descriptionCy",
      "howToAccess",
      "howToAccessCy",
    ];
    for (const field of fields) {
      const changed = {
        ...(base as object),
        [field]: `${field === "summary" ? "A weekly group. " : ""}Ffoniwch 0300 123 4567`,
      } as never;
      expect(fourEyesReason(changed, base), field).toMatch(/phone or text number/);
    }
    for (const [field, value] of [
      ["label", "Out of hours: 0300 123 4567"],
      ["hours", "9am to 5pm, then +44 300 123 4567"],
      ["hoursCy", "Wedi 5pm: 0300 123 4567"],
    ] as const) {
      const changed = listing(
        "peer-group",
        [{ kind: "email", value: "a@example.org", [field]: value }],
        {
          summary: "A weekly group. Call 0808 808 8000 to join.",
        },
      );
      expect(fourEyesReason(changed, base), field).not.toBeNull();
    }
    const respaced = listing("peer-group", [{ kind: "email", value: "a@example.org" }], {
      summary: "A weekly group. Call +44 (0)80880 88000 to join, 10:00 to 11:30 on Tuesdays.",
    });
    expect(fourEyesReason(respaced, base)).toBeNull();
    expect(numbersInText("Open 9.30am to 5pm; text SHOUT to 85258 or call 116 123")).toEqual([
      "85258",
      "116123",
    ]);
  });

  it("compares the publisher with everyone who changed a number since the live version", () => {
    const changed = listing("helpline", [{ kind: "phone", value: "0808 808 8001" }]);
    const trivial = withEdit(
      withEdit({ editors: [], numberEditors: [] }, "ann", helpline, changed),
      "bob",
      changed,
      changed,
    );
    expect(trivial).toEqual({ editors: ["ann", "bob"], numberEditors: ["ann"] });
    const people = { ...trivial, requestedBy: null };
    // Bob's save after Ann's number change does not let Ann publish it.
    expect(fourEyes(changed, helpline, people, "ann").allowed).toBe(false);
    expect(fourEyes(changed, helpline, people, "bob").allowed).toBe(true);
    // For a crisis listing, every change counts.
    const crisis = listing("crisis", [{ kind: "phone", value: "116 123" }]);
    expect(fourEyes(crisis, crisis, people, "bob").allowed).toBe(false);
    expect(fourEyes(crisis, crisis, people, "cat")).toMatchObject({
      allowed: true,
      authors: ["ann", "bob"],
    });
    expect(fourEyes(helpline, helpline, people, "ann")).toMatchObject({
      reason: null,
      allowed: true,
    });
  });

  it("needs a person behind numbers that came from the seed: one asks, a second publishes", () => {
    const seeded = { editors: [SEED_AUTHOR], numberEditors: [SEED_AUTHOR], requestedBy: null };
    expect(fourEyes(helpline, null, seeded, "ann")).toMatchObject({
      allowed: false,
      mayRequest: true,
    });
    const asked = { ...seeded, requestedBy: "ann" };
    expect(fourEyes(helpline, null, asked, "ann")).toMatchObject({
      allowed: false,
      mayRequest: false,
    });
    expect(fourEyes(helpline, null, asked, "bob")).toMatchObject({
      allowed: true,
      authors: [SEED_AUTHOR, "ann"],
    });
    // A change with no recorded author counts as the seed's.
    const unknown = { editors: [], numberEditors: [], requestedBy: null };
    expect(fourEyes(helpline, null, unknown, "ann").mayRequest).toBe(true);
  });
});
