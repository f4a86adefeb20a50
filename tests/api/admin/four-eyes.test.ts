import { describe, expect, it } from "vitest";
import { dialledNumbers, fourEyesReason, mayPublish } from "../../../api/admin/four-eyes.js";

type C = {
  id: string;
  kind: "phone" | "text" | "email" | "web" | "whatsapp";
  value: string;
  keyword?: string | null;
  needsVerification: boolean;
};
const listing = (kind: string, contacts: Omit<C, "id" | "needsVerification">[]) =>
  ({
    kind,
    contacts: contacts.map((c, i) => ({ id: `c${i}`, needsVerification: false, ...c })),
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

  it("lets anyone but the last editor publish when a second person is needed", () => {
    expect(mayPublish("ann", "ann", "This is a crisis listing.")).toBe(false);
    expect(mayPublish("bob", "ann", "This is a crisis listing.")).toBe(true);
    expect(mayPublish("ann", null, "This is a crisis listing.")).toBe(true);
    expect(mayPublish("ann", "ann", null)).toBe(true);
  });
});
