// The games' main button: a bright pill while there are plays, plain grey when there are none.
// The look lives in styles.css (.playcart-game-button); these are its attributes.
export type GameTone = "wheel" | "tree" | "card";

export function gameButton(tone: GameTone, spent: boolean) {
  return { className: "playcart-game-button", "data-tone": tone, "data-spent": spent ? "" : undefined };
}
