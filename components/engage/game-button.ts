// The games' main button: a bright pill while there are plays, plain grey when there are none.
const BASE =
  "rounded-full px-8 py-3 text-lg font-bold text-white transition active:scale-95 aria-disabled:cursor-not-allowed aria-disabled:active:scale-100";
const TONES = {
  wheel: "bg-linear-to-r from-amber-500 to-rose-500 shadow-lg shadow-rose-500/30",
  tree: "bg-linear-to-r from-emerald-600 to-lime-500 shadow-lg shadow-emerald-600/30",
  card: "bg-linear-to-r from-rose-500 to-amber-500 shadow-lg shadow-rose-500/30",
};

export function gameButton(tone: keyof typeof TONES, spent: boolean): string {
  return `${BASE} ${spent ? "bg-stone-400" : `${TONES[tone]} hover:brightness-110 aria-disabled:opacity-60`}`;
}
