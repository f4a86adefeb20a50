import type { Page } from "playwright-core";

/** The service itself: its name, kind, summary, stages, how it is offered, self-referral. */
export async function fillService(page: Page, name: string): Promise<void> {
  await page.locator("#f-name").fill(name);
  await page.getByLabel("Kind of support").selectOption("peer-group");
  await page
    .locator("#f-summary")
    .fill("A friendly weekly group for expectant and new parents in Heavitree, Exeter.");
  await page.getByRole("group", { name: "Stages" }).getByLabel("Pregnant").check();
  await page.getByRole("group", { name: "Stages" }).getByLabel("Baby under 1").check();
  await page.getByRole("group", { name: "How it is offered" }).getByLabel("In person").check();
  await page
    .getByRole("group", { name: "How people get referred" })
    .getByLabel("You can refer yourself")
    .check();
}

/** A venue in the first venue row and a weekly session in the first session row. */
export async function fillVenueAndSession(
  page: Page,
  venue: { name: string; address: string; postcode: string },
  session: { weekday: string; startTime: string; endTime: string },
): Promise<void> {
  const row = page.getByRole("group", { name: "Venue 1" });
  await row.getByLabel("Name", { exact: true }).fill(venue.name);
  await row.getByLabel("Address", { exact: true }).fill(venue.address);
  await row.getByLabel("Postcode").fill(venue.postcode);
  const times = page.getByRole("group", { name: "Session 1" });
  await times.getByLabel("Repeats").selectOption("weekly");
  await times.getByLabel("Day").selectOption(session.weekday);
  await times.getByLabel("Starts").fill(session.startTime);
  await times.getByLabel("Ends").fill(session.endTime);
}

/**
 * Fills the new-listing form with a complete weekly group in Exeter, as an editor would: one new
 * venue, and one session at it, all before the first save.
 */
export async function fillNewListing(page: Page, name: string): Promise<void> {
  await fillService(page, name);
  const contact = page.getByRole("group", { name: "Contact 1" });
  await contact.getByLabel("Kind").selectOption("phone");
  await contact.getByLabel("Number or address").fill("01632 960444");
  await fillVenueAndSession(
    page,
    {
      name: "Heavitree Community Hall",
      address: "Fore Street, Heavitree, Exeter",
      postcode: "EX1 2QX",
    },
    { weekday: "3", startTime: "10:00", endTime: "11:30" },
  );
  // The venue was added in this same form: the session's choice already names it.
  await page
    .getByRole("group", { name: "Session 1" })
    .getByLabel("Venue (optional)")
    .selectOption({ label: "Heavitree Community Hall" });
  await page.getByRole("group", { name: "Area 1" }).getByLabel("Kind of area").selectOption("lad");
  await page.getByRole("group", { name: "Area 1" }).getByLabel(/^Area/).fill("Exeter");
  await page.getByLabel("Last checked with the service").fill("2026-11-20");
}
