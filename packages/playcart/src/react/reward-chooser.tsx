"use client";

// At checkout, the rewards the server found for this order, to pick one: each with what it
// saves, the best preselected. It posts only the chosen id (field `playcart_reward`), and the
// server honours it only if the reward is the shopper's and applies.
import { useId } from "react";

export type RewardChoice = {
  id: string;
  label: string;
  /** Where it applies, e.g. "This order". */
  where: string;
  /** What it does for this order, e.g. "Saves $2.16" or "Free delivery". */
  saves: string;
};

export type RewardChooserProps = {
  choices: RewardChoice[];
  value: string;
  onChange: (id: string) => void;
  /** The id of the checkout <form> when the chooser sits outside it. */
  form?: string;
  name?: string;
};

export function RewardChooser({ choices, value, onChange, form, name = "playcart_reward" }: RewardChooserProps) {
  const base = useId();
  if (choices.length === 0) return null;
  return (
    <fieldset className="playcart-chooser">
      <legend className="playcart-chooser-legend">
        {choices.length > 1 ? "Choose the reward for this order" : "Your reward for this order"}
      </legend>
      {choices.map((c, i) => (
        <label key={c.id} htmlFor={`${base}-${i}`} className="playcart-chooser-option">
          <input
            id={`${base}-${i}`}
            type="radio"
            name={name}
            form={form}
            value={c.id}
            checked={value === c.id}
            onChange={() => onChange(c.id)}
          />
          <span className="playcart-chooser-text">
            <span className="playcart-chooser-label">{c.label}</span>
            <span className="playcart-small">
              {c.saves} · {c.where}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
