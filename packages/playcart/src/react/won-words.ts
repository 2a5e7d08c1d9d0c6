// What a play gave, in the market's words: "You won 10% off", or "Your gift: 10% off" where a
// gift must not be called a win (UK CAP 8.19). The same words as core/prize-words.ts, kept here
// so that playcart/react loads no package beyond react and next.
export type Wording = "win" | "gift";

export const wonWords = (wording: Wording, label: string) =>
  wording === "gift" ? `Your gift: ${label}` : `You won ${label}`;

export const prizeNoun = (wording: Wording) => (wording === "gift" ? "gift" : "prize");
