// The admin's campaign editor and status controls, as a store owner uses them.
import { expect, type Locator, type Page } from "@playwright/test";
import { hydrated } from "../support/page-scripts";

export type PrizeInput = {
  label: string;
  reward: "Percent off" | "Amount off" | "No prize";
  value?: string;
  weight: string;
  cost: string;
  budget?: string;
};

export class CampaignEditor {
  constructor(readonly page: Page) {}

  async openNew() {
    await this.page.goto("/admin/campaigns");
    await this.page.getByRole("link", { name: "New campaign" }).click();
    await expect(this.page.getByRole("heading", { name: "New campaign" })).toBeVisible();
    // A field typed into before React hydrates the form is reset by it: in one CI run the name
    // was empty when "Create campaign" was pressed (the link is followed as a plain navigation
    // when pressed before the campaigns page hydrated).
    await hydrated(this.page.getByLabel("Name", { exact: true }));
  }

  async fillBasics(b: { name: string; slug: string; game?: string; placement?: string; holdout: string }) {
    await this.page.getByLabel("Name", { exact: true }).fill(b.name);
    await this.page.getByLabel("Slug").fill(b.slug);
    if (b.game) await this.page.getByLabel("Game").selectOption({ label: b.game });
    if (b.placement) await this.page.getByLabel("Placement").selectOption({ label: b.placement });
    await this.page.getByLabel("Holdout (%)").fill(b.holdout);
  }

  /** Fills prize n (1-based), adding a card first when needed. */
  async setPrize(n: number, p: PrizeInput) {
    const label = this.page.getByLabel(`Prize ${n} label`);
    if ((await label.count()) === 0) await this.page.getByRole("button", { name: "Add prize" }).click();
    await label.fill(p.label);
    await this.page.getByLabel(`Prize ${n} reward`).selectOption({ label: p.reward });
    if (p.value !== undefined) await this.page.getByLabel(new RegExp(`^Prize ${n} (percent|amount)`)).fill(p.value);
    await this.page.getByLabel(`Prize ${n} weight`).fill(p.weight);
    await this.page.getByLabel(new RegExp(`^Prize ${n} cost per win`)).fill(p.cost);
    await this.page.getByLabel(new RegExp(`^Prize ${n} budget`)).fill(p.budget ?? "");
  }

  odds(n: number): Locator {
    return this.page.getByTestId(`prize-${n - 1}-odds`);
  }

  async addWindow(w: { day: string; opens: string; closes: string }) {
    await this.page.getByRole("button", { name: "Add weekly window" }).click();
    const n = await this.page.getByLabel(/^Window \d+ day$/).count();
    await this.page.getByLabel(`Window ${n} day`).selectOption({ label: w.day });
    await this.page.getByLabel(`Window ${n} opens`).fill(w.opens);
    await this.page.getByLabel(`Window ${n} closes`).fill(w.closes);
  }

  get nextWindows(): Locator {
    return this.page.getByRole("list", { name: "Next five windows" }).getByRole("listitem");
  }

  async create(): Promise<string> {
    await this.page.getByRole("button", { name: "Create campaign" }).click();
    await this.page.waitForURL(/\/admin\/campaigns\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  get status(): Locator {
    return this.page.getByTestId("campaign-status");
  }

  /**
   * The campaign (open in the editor) paused itself because its total budget is spent: so say
   * its page and its row in the campaign list, each with the budget meter's `meter` words.
   */
  async expectPausedBySpentBudget(name: string, meter: string) {
    await expect(this.status).toHaveText("paused");
    await expect(this.page.getByTestId("budget-meter")).toContainText(meter);
    await expect(this.page.getByText("The total budget is spent: the campaign is paused.")).toBeVisible();
    await this.page.goto("/admin/campaigns");
    const row = this.page.getByRole("row").filter({ hasText: name });
    await expect(row.getByRole("cell").nth(3)).toHaveText("paused");
    await expect(row).toContainText(meter);
  }

  async setStatus(button: "Publish" | "Pause" | "Resume" | "End", expected: string) {
    await this.page.getByRole("button", { name: button, exact: true }).click();
    await expect(this.status).toHaveText(expected);
  }
}
