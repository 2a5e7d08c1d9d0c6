// Issue 13 (email) in Chromium: the owner rewrites the reminder email, watches the preview (the
// email itself) follow each keystroke, is refused a blank heading next to the field, sends a
// test that arrives at the real SMTP server with the new words and the store's name, saves,
// and goes back to the built-in words. The editor fits a phone and the page has no axe violations.
import { Admin } from "./pages/admin";
import { axe } from "./support/axe";
import { ADMIN_EMAIL } from "./support/data";
import { dkimResult } from "./support/dkim";
import { expect, test } from "./support/fixtures";

const STORE = "Corner Roastery"; // MAIL_FROM's display name in the e2e server

test("the owner edits the reminder's words with a live preview, sends a test to themselves and saves", async ({
  page,
  mailbox,
}) => {
  const tag = Date.now().toString(36);
  await new Admin(page).signInAndOpen(mailbox);
  // The sign-in link came in the store's own name, DKIM-signed.
  const signIn = mailbox.messages.filter(
    (m) => m.to.includes(ADMIN_EMAIL) && m.subject.startsWith("Your sign-in link"),
  );
  expect(signIn.at(-1)?.subject).toBe(`Your sign-in link for ${STORE}`);
  expect(await dkimResult(signIn.at(-1)!)).toEqual({ result: "pass", domain: "playcart.test" });
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "Reminder email: words, preview and a test" }).click();
  await expect(page.getByRole("heading", { name: "Reminder email", level: 1 })).toBeVisible();

  const preview = page.frameLocator('iframe[title="Reminder email preview"]');
  const subject = page.getByTestId("reminder-preview-subject");
  await expect(subject).toHaveText("You left something in your cart");
  await expect(preview.getByRole("heading", { name: "Your cart is waiting" })).toBeVisible();
  await expect(preview.getByText(STORE, { exact: true })).toBeVisible();

  await test.step("the preview follows the words as they are typed", async () => {
    await page.getByLabel("Subject").fill(`Your {store} cart, kept ${tag}`);
    await page.getByLabel("Heading").fill(`Come back soon ${tag}`);
    await page.getByLabel("Text").fill(`Beans roasted this week ${tag}.\nAsk us anything.`);
    await expect(subject).toHaveText(`Your ${STORE} cart, kept ${tag}`);
    await expect(preview.getByRole("heading", { name: `Come back soon ${tag}` })).toBeVisible();
    await expect(preview.getByText(`Beans roasted this week ${tag}.`, { exact: true })).toBeVisible();
    await expect(preview.getByText("Ask us anything.")).toBeVisible();
    await expect(preview.getByRole("heading", { name: "Your cart is waiting" })).toHaveCount(0);
  });

  await test.step("a blank heading is refused next to its field, and nothing is sent", async () => {
    const before = mailbox.messages.length;
    await page.getByLabel("Heading").fill("");
    await page.getByRole("button", { name: "Send me a test" }).click();
    await expect(page.getByText("Write the heading")).toBeVisible();
    await expect(page.getByLabel("Heading")).toHaveAttribute("aria-invalid", "true");
    await page.waitForTimeout(500);
    expect(mailbox.messages.length).toBe(before);
    await page.getByLabel("Heading").fill(`Come back soon ${tag}`);
  });

  await test.step("the test arrives with the new words, in the store's name", async () => {
    await page.getByRole("button", { name: "Send me a test" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Test sent to ${ADMIN_EMAIL}.` })).toBeVisible();
    const mail = await mailbox.waitForMail(ADMIN_EMAIL, (m) => m.subject === `[Test] Your ${STORE} cart, kept ${tag}`);
    const text = mail.text.replace(/\r\n/g, "\n");
    expect(text).toContain(`${STORE}\n\nCome back soon ${tag}\n\nBeans roasted this week ${tag}.\nAsk us anything.`);
    expect(mail.html).toContain(`Come back soon ${tag}`);
    expect(mail.html).not.toContain(".svg");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // Signed like every reminder (the e2e server sets DKIM_* for playcart.test).
    expect(await dkimResult(mail)).toEqual({ result: "pass", domain: "playcart.test" });
  });

  await test.step("saved words stay; the built-in ones come back on request", async () => {
    await page.getByRole("button", { name: "Save words" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Saved: the next reminders use these words." }),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Subject")).toHaveValue(`Your {store} cart, kept ${tag}`);
    await expect(page.getByLabel("Text")).toHaveValue(`Beans roasted this week ${tag}.\nAsk us anything.`);
    await page.getByRole("button", { name: "Use the built-in words" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reminders use the built-in words again." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Subject")).toHaveValue("You left something in your cart");
  });

  await test.step("on a phone the page fits and axe finds nothing", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    // The editor and its preview fit the screen (the store's own header is not this page's).
    for (const part of [
      page.getByLabel("Text"),
      page.getByRole("button", { name: "Send me a test" }),
      page.locator('iframe[title="Reminder email preview"]'),
    ]) {
      const box = (await part.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    const { violations } = await axe(page).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
