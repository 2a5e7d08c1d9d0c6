// The embedded admin as a store owner uses it.
import { expect, type Locator, type Page } from "@playwright/test";
import { ADMIN_EMAIL } from "../support/data";
import type { Mailbox } from "../support/fixtures";
import { Store } from "./store";

export class Admin {
  constructor(readonly page: Page) {}

  /** Opens /admin, signs in by emailed link on the way (anonymous visitors are sent to sign-in). */
  async signInAndOpen(mailbox: Mailbox, email = ADMIN_EMAIL) {
    await this.page.goto("/admin");
    await expect(this.page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin$/);
    await new Store(this.page).signIn(mailbox, email);
    await expect(this.page).toHaveURL(/\/admin$/);
    await expect(this.page.getByRole("heading", { name: "Orders" })).toBeVisible();
  }

  async open() {
    await this.page.goto("/admin");
    await expect(this.page.getByRole("heading", { name: "Orders" })).toBeVisible();
  }

  /** Opens a new rule and fills its basics: a live rule on a trigger. */
  async startRule(r: { name: string; key: string; trigger: string }) {
    await this.page.goto("/admin/settings/rules");
    await this.page.getByRole("link", { name: "New rule" }).click();
    await this.page.getByLabel("Name").fill(r.name);
    await this.page.getByLabel("Key").fill(r.key);
    await this.page.getByLabel("Trigger (event)").selectOption(r.trigger);
    await this.page.getByLabel("Status").selectOption("live");
  }

  /** Pauses a rule by name (specs that add a live rule leave the demo's rules as others expect them). */
  async pauseRule(name: string) {
    await this.page.goto("/admin/settings/rules");
    const row = this.page.getByRole("row").filter({ hasText: name });
    await row.getByRole("combobox").selectOption("paused");
    await row.getByRole("button", { name: "Set" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "is paused." })).toBeVisible();
  }

  /** Order rows (the table lists every order that is not pending; newest first). */
  get rows(): Locator {
    return this.page.getByRole("row").filter({ hasNot: this.page.getByRole("columnheader") });
  }

  rowsFor(email: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("cell", { name: email, exact: true }) });
  }

  row(label: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("cell", { name: label, exact: true }) });
  }

  /** The row's cells: Order, Email, Status, Total, Refunded, Refund. */
  cell(label: string, column: "order" | "email" | "status" | "total" | "refunded"): Locator {
    const index = ["order", "email", "status", "total", "refunded"].indexOf(column);
    return this.row(label).getByRole("cell").nth(index);
  }

  /** Types an amount (empty: all that is left) and asks to refund it; a valid one opens the confirmation. */
  async askRefund(label: string, amount: string | null) {
    const row = this.row(label);
    await row.getByLabel(`Amount to refund for order ${label}`).fill(amount ?? "");
    await row.getByRole("button", { name: `Refund ${label}` }).click();
  }

  /** The refund's confirmation dialog, which names the amount and the order. */
  get refundDialog(): Locator {
    return this.page.getByRole("dialog", { name: /^Refund .* on order / });
  }

  /** Refunds an order and confirms the amount shown; an empty amount is a full refund. */
  async refund(label: string, amount: string | null) {
    await this.askRefund(label, amount);
    await expect(this.refundDialog).toBeVisible();
    await this.refundDialog.getByRole("button", { name: /^Confirm refund of / }).click();
  }
}
