// The games' main button: a bright pill while there are plays, small plain text once there are none
// (the result, not the spent button, is then what the shopper sees first).
// The look lives in styles.css (.playcart-game-button); these are its attributes.
export type GameTone = "wheel" | "tree" | "card";

export function gameButton(tone: GameTone, spent: boolean) {
  return { className: "playcart-game-button", "data-tone": tone, "data-spent": spent ? "" : undefined };
}
