// Playcart's rewards launcher and panel, as a shopper uses them: the corner button, the dialog.
import { expect, type Locator, type Page } from "@playwright/test";

export class RewardsPanel {
  constructor(readonly page: Page) {}

  get launcher(): Locator {
    return this.page.getByRole("button", { name: "Rewards", exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog", { name: "Your rewards" });
  }

  /** Opens the panel and waits for its data. */
  async open() {
    await this.launcher.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByTestId("panel-points")).toBeVisible();
  }

  get points(): Locator {
    return this.dialog.getByTestId("panel-points");
  }

  get heldRewards(): Locator {
    return this.dialog.getByTestId("panel-rewards").getByRole("listitem");
  }

  get referralLink(): Locator {
    return this.dialog.getByLabel("Your referral link");
  }

  /** Escape closes it, and focus goes back to the launcher. */
  async closeWithEscape() {
    await this.page.keyboard.press("Escape");
    await expect(this.dialog).toBeHidden();
    await expect(this.launcher).toBeFocused();
  }
}
