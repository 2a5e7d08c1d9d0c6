// Whether a script holds Playcart's code. A production build names its modules by number, so
// this reads what Playcart's browser code itself says: its class names (playcart-…), its
// routes (/api/playcart/…), its storage and history keys. None of the demo's own client code
// or Next's runtime says "playcart"; the checks that use this also look at a checkout that
// ships Playcart, so a marker that stopped matching would fail them.
const MARK = /playcart/i;

/** Where in `js` Playcart's code shows, with a little context; null when it does not. */
export function playcartCodeIn(js: string): string | null {
  const m = MARK.exec(js);
  if (!m) return null;
  return js.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, " ");
}
