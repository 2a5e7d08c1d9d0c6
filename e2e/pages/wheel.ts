// The prize wheel as the eye sees it: the disc's angle on screen and whether it is turning.
// The pointer is at 12 o'clock; a slice's number is its place clockwise from there at rest.
import type { Locator } from "@playwright/test";

const mod = (a: number, n: number) => ((a % n) + n) % n;

export class Wheel {
  constructor(readonly offer: Locator) {}

  /** The picture of the wheel (its slices are paths); the element that turns holds it. */
  get picture(): Locator {
    return this.offer.getByRole("img", { name: /^Prize wheel: / });
  }

  /** The disc's rotation on screen now, in degrees clockwise (0-360), read from its computed transform. */
  async angle(): Promise<number> {
    return this.picture.evaluate((svg) => {
      const m = new DOMMatrixReadOnly(getComputedStyle(svg.parentElement!).transform);
      return ((((Math.atan2(m.b, m.a) * 180) / Math.PI) % 360) + 360) % 360;
    });
  }

  /** Animations running on the disc now (Web Animations or CSS). */
  async runningAnimations(): Promise<number> {
    return this.picture.evaluate(
      (svg) => svg.parentElement!.getAnimations().filter((a) => a.playState === "running").length,
    );
  }

  async sliceCount(): Promise<number> {
    return this.picture.locator("path").count();
  }

  /** The slice under the pointer now. */
  async sliceUnderPointer(): Promise<number> {
    const n = await this.sliceCount();
    return Math.floor(mod(-(await this.angle()), 360) / (360 / n));
  }

  /** The slices lit up as the winning one (their numbers). */
  async litSlices(): Promise<number[]> {
    return this.picture.evaluate((svg) =>
      [...svg.querySelectorAll("path")].flatMap((p, i) => (p.classList.contains("playcart-wheel-winner") ? [i] : [])),
    );
  }
}
