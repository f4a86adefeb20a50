import type { Page } from "playwright-core";

/** Fills the new-listing form with a complete weekly group in Exeter, as an editor would. */
export async function fillNewListing(page: Page, name: string): Promise<void> {
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
  const contact = page.getByRole("group", { name: "Contact 1" });
  await contact.getByLabel("Kind").selectOption("phone");
  await contact.getByLabel("Number or address").fill("01632 960444");
  const venue = page.getByRole("group", { name: "Venue 1" });
  await venue.getByLabel("Name", { exact: true }).fill("Heavitree Community Hall");
  await venue.getByLabel("Address", { exact: true }).fill("Fore Street, Heavitree, Exeter");
  await venue.getByLabel("Postcode").fill("EX1 2QX");
  const session = page.getByRole("group", { name: "Session 1" });
  await session.getByLabel("Repeats").selectOption("weekly");
  await session.getByLabel("Day").selectOption("3");
  await session.getByLabel("Starts").fill("10:00");
  await session.getByLabel("Ends").fill("11:30");
  await page.getByRole("group", { name: "Area 1" }).getByLabel("Kind of area").selectOption("lad");
  await page.getByRole("group", { name: "Area 1" }).getByLabel(/^Area/).fill("Exeter");
  await page.getByLabel("Last checked with the service").fill("2026-11-20");
}
