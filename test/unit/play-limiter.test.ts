// The per-browser play limit: a sliding minute, counted in this minute's map and the last one's.
import { playLimiter } from "playcart/internal/next/play-limiter";
import { describe, expect, it } from "vitest";

const clock = () => {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};
const times = (n: number, f: () => boolean) => Array.from({ length: n }, f);

describe("playLimiter", () => {
  it("allows a browser its plays in a minute and refuses the next, other browsers unaffected", () => {
    const c = clock();
    const allow = playLimiter(3, c.now);
    expect(times(3, () => allow("a"))).toEqual([true, true, true]);
    expect(allow("a")).toBe(false);
    expect(allow("b")).toBe(true);
  });

  it("counts the last minute's plays for the share of it still inside the sliding minute", () => {
    const c = clock();
    const allow = playLimiter(4, c.now);
    expect(times(4, () => allow("a"))).toEqual([true, true, true, true]);
    // Just after the minute turns, the last minute's 4 plays still count in full: no burst of 4 more.
    c.advance(60_001);
    expect(allow("a")).toBe(false);
    // Half way through, they count for 2: two more plays, then no more.
    c.advance(30_000);
    expect(times(3, () => allow("a"))).toEqual([true, true, false]);
  });

  it("forgets a browser two minutes after its plays", () => {
    const c = clock();
    const allow = playLimiter(2, c.now);
    expect(times(3, () => allow("a"))).toEqual([true, true, false]);
    c.advance(120_000);
    expect(times(3, () => allow("a"))).toEqual([true, true, false]);
  });
});
