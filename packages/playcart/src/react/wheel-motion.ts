// The wheel's motion, in Web Animations: the browser's compositor turns the disc, so a busy
// main thread (a slow phone, the checkout still hydrating) neither delays nor stutters it.
// The wheel spins freely from the press and glides onto the server's answer when it comes.
import { glide } from "./wheel-geometry.ts";

/** One free turn: fast enough to read as a spin at once, slow enough for the colours to show. */
const TURN_MS = 600;
const SPEED = 360 / TURN_MS;

const turned = (deg: number) => ({ transform: `rotate(${deg}deg)` });

export type FreeSpin = {
  /** Slows onto `target` (degrees, ahead of the wheel) and resolves once it rests there. */
  glideTo(target: number): Promise<void>;
  /** Where the wheel is now, in degrees. */
  angle(): number;
};

/**
 * Turns `disc` from `from` degrees at a constant speed, from `pressedAt` (the press's event
 * time), until glideTo. Timed from the press, the first frame drawn already shows the wheel
 * moving. The element's own style should hold the rotation it is to rest at once the glide ends.
 */
export function spinFreely(disc: HTMLElement, from: number, pressedAt: number): FreeSpin {
  const free = disc.animate([turned(from), turned(from + 360)], { duration: TURN_MS, iterations: Infinity });
  free.startTime = pressedAt;
  // Before the press's time comes round on the document's timeline, the wheel is still at `from`.
  const angle = () => from + SPEED * Math.max(0, Number(free.currentTime ?? 0));
  return {
    angle,
    glideTo(target) {
      const at = angle();
      const { durationMs, easing } = glide(target - at, SPEED);
      const landing = disc.animate([turned(at), turned(target)], { duration: durationMs, easing });
      // Timed from the moment the angle was read at, so it carries on from where the free spin is.
      landing.startTime = document.timeline.currentTime;
      free.cancel();
      return landing.finished.then(
        () => undefined,
        () => undefined,
      );
    },
  };
}
