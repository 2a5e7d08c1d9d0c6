// Issue 15, provably fair draws: the wheel shows today's draw commitment before it is played,
// the play comes with a receipt, and once the store day is over (the test moves the store's
// clock) the shopper verifies their own play on the public verification page; a forged receipt
// fails with its reason, and the campaign's public page shows the revealed seed.
import { createHash, randomUUID } from "node:crypto";
import { campaigns, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { axe } from "./support/axe";
import { products, uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";

// A Wednesday morning in Berlin; its store day's seed is revealed at midnight Berlin time.
const PLAYED_AT = "2026-11-18T10:00:00.000Z";
const DAY = "2026-11-18";
const NEXT_DAY = "2026-11-19T09:00:00.000Z";

type Receipt = { playId: string; outcome: string | null; among: [string, number][]; commitment: string };
const decode = (text: string): Receipt => JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
const encode = (receipt: object) => Buffer.from(JSON.stringify(receipt), "utf8").toString("base64url");

test("a shopper verifies their own play once the day's seed is revealed; a forged receipt fails", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await setStoreClock(context, PLAYED_AT);
  const store = new Store(page);
  const games = new Games(page);
  await store.addProduct(products.croissant.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const offer = games.offer(campaigns.wheel.name);
  await games.giveEmail(offer, uniqueEmail("fair"));

  const shown = await test.step("before playing, the game shows the day's draw commitment", async () => {
    const line = offer.getByText(/^Draw commitment for \d{4}-\d{2}-\d{2}:/);
    await expect(line).toContainText(`for ${DAY}:`);
    await expect(offer.getByRole("link", { name: "Draw commitment" })).toHaveAttribute(
      "href",
      `/fair/${campaigns.wheel.slug}`,
    );
    const hash = await line.locator("code").getAttribute("data-commitment");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    return hash!;
  });

  const text = await test.step("the play's receipt names that commitment and the play", async () => {
    await games.open(offer);
    await offer.getByRole("button", { name: "Spin the wheel" }).click();
    const prize = await games.prizeWon(offer);
    const receipt = offer.locator("[data-receipt]");
    await expect(receipt).toContainText("Draw receipt");
    const encoded = (await receipt.getAttribute("data-receipt"))!;
    const decoded = decode(encoded);
    expect(decoded.commitment).toBe(shown);
    await expect(receipt).toContainText(decoded.playId);
    await expect(receipt).toContainText(DAY);
    // The receipt's outcome is the prize the wheel announced (or none).
    expect(decoded.outcome === null).toBe(prize === null);
    return encoded;
  });

  await test.step("before the day ends, the verification page says when the play can be checked", async () => {
    await offer.getByRole("link", { name: "Verify this draw" }).click();
    await expect(page).toHaveURL(/\/fair\/verify\?r=/);
    await expect(page.getByRole("heading", { name: "Not checkable yet" })).toBeVisible();
    await expect(page.getByText(/is revealed when that store day ends, at 2026-11-18T23:00:00.000Z/)).toBeVisible();
    await page.goto(`/fair/${campaigns.wheel.slug}`);
    const row = page.locator(`tr[data-period="${DAY}"]`);
    await expect(row).toContainText(shown);
    await expect(row).toContainText("Revealed 19 November 2026");
    await expect(row.locator("[data-seed]")).toHaveCount(0);
  });

  await setStoreClock(context, NEXT_DAY);

  await test.step("the next day, the public page reveals the seed, which hashes to the commitment", async () => {
    await page.goto(`/fair/${campaigns.wheel.slug}`);
    const seed = await page.locator(`tr[data-period="${DAY}"] [data-seed]`).getAttribute("data-seed");
    expect(createHash("sha256").update(Buffer.from(seed!, "hex")).digest("hex")).toBe(shown);
    const results = await axe(page).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  await test.step("the shopper's own receipt verifies: commitment, seed, outcome and the store's record", async () => {
    await page.goto(`/fair/verify?r=${text}`);
    await expect(page.getByRole("heading", { name: "Verified: this draw was fair" })).toBeVisible();
    const checks = page.locator(".playcart-verification-checks li");
    await expect(checks).toHaveCount(5);
    await expect(checks.filter({ hasText: /^Passed:/ })).toHaveCount(5);
    const results = await axe(page).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  await test.step("a receipt with a changed outcome, pasted into the page, fails with its reason", async () => {
    const receipt = decode(text);
    const other = receipt.among.map(([id]) => id).find((id) => id !== receipt.outcome) ?? null;
    await page.goto("/fair/verify");
    await page.getByLabel("Receipt").fill(encode({ ...receipt, outcome: other }));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("heading", { name: "Verification failed" })).toBeVisible();
    await expect(page.getByText("Failed: Outcome redrawn.")).toBeVisible();
  });

  await test.step("a receipt with another play's id fails too", async () => {
    await page.goto(`/fair/verify?r=${encode({ ...decode(text), playId: randomUUID() })}`);
    await expect(page.getByRole("heading", { name: "Verification failed" })).toBeVisible();
    await expect(page.getByText(/^Failed: (Outcome redrawn|Store's record)\./)).toBeVisible();
  });
});
