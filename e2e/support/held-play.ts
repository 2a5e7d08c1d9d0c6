// A play whose answer the test holds: the request reaches the store (which decides and
// records it) or is answered by the test, but the browser gets nothing until release().
import type { Page } from "@playwright/test";
import type { PlayOutcome } from "playcart/client";

export type HeldPlay = {
  /** The store's answer, once it has decided (the browser has not seen it yet). */
  answer: Promise<PlayOutcome>;
  release(): void;
};

const PLAY_ROUTE = "**/api/playcart/play";

/** Holds the next play: the store answers it, the browser waits for release(). */
export async function holdNextPlay(page: Page): Promise<HeldPlay> {
  return hold(page, async (route) => {
    const response = await route.fetch();
    return { outcome: (await response.json()) as PlayOutcome, fulfil: () => route.fulfill({ response }) };
  });
}

/** Holds the next play and answers it with `outcome` instead of the store (which never sees it). */
export async function holdNextPlayAnswering(page: Page, outcome: PlayOutcome): Promise<HeldPlay> {
  return hold(page, async (route) => ({ outcome, fulfil: () => route.fulfill({ json: outcome }) }));
}

type Route = Parameters<Parameters<Page["route"]>[1]>[0];

async function hold(
  page: Page,
  answerWith: (route: Route) => Promise<{ outcome: PlayOutcome; fulfil: () => Promise<void> }>,
): Promise<HeldPlay> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let answered!: (outcome: PlayOutcome) => void;
  const answer = new Promise<PlayOutcome>((resolve) => {
    answered = resolve;
  });
  await page.route(
    PLAY_ROUTE,
    async (route) => {
      const { outcome, fulfil } = await answerWith(route);
      answered(outcome);
      await released;
      await fulfil();
    },
    { times: 1 },
  );
  return { answer, release };
}
