// axe-core for the specs that check a page, or a part of one: `axe(page)` is an AxeBuilder
// (include, options, ... chain as usual) that runs axe.run in the page itself (legacy mode).
// Its default mode runs axe.runPartial in every frame, then opens a blank tab, injects axe-core
// (half a megabyte of script) there as well and merges the results with axe.finishRun. That mode
// exists for cross-origin frames; the store has none. On two busy cores it took about 5 s per
// check against 3 s in the page itself, with the same results (the same violations, passes,
// incomplete and inapplicable rules, node for node, on the admin's pages). Same-origin frames,
// such as the reminder email's srcdoc preview, are still checked: axe is injected into every
// frame and axe.run reaches into them. A page that ever shows a cross-origin frame fails the
// check rather than have that frame left out.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

class InPageAxeBuilder extends AxeBuilder {
  readonly #page: Page;

  constructor(page: Page) {
    super({ page });
    this.#page = page;
    this.setLegacyMode(true);
  }

  override async analyze(): ReturnType<AxeBuilder["analyze"]> {
    const origin = new URL(this.#page.url()).origin;
    const foreign = this.#page
      .frames()
      .map((frame) => frame.url())
      .filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
    if (foreign.length > 0) {
      throw new Error(
        `axe runs in the page (legacy mode), which cannot check cross-origin frames: ${foreign.join(", ")}. ` +
          "Drop setLegacyMode in e2e/support/axe.ts to check them.",
      );
    }
    return super.analyze();
  }
}

export const axe = (page: Page): AxeBuilder => new InPageAxeBuilder(page);
