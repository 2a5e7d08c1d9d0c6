"use client";

// A rule's outcomes as rows: the type, then the few values that type needs. Rows are kept as
// typed text and turned into numbers when posted; the server validates them.
import { inputClass } from "./field.tsx";

export type OutcomeRow = Record<string, string> & { type: string };

const NUMBER_KEYS = new Set(["points", "plays", "stamps", "rewardValue", "maxDiscountMinor", "validDays"]);

const TYPES: { value: string; label: string; blank: OutcomeRow }[] = [
  { value: "grant_points", label: "Give points", blank: { type: "grant_points", points: "10", reason: "" } },
  { value: "grant_stamp", label: "Give a stamp", blank: { type: "grant_stamp", card: "", stamps: "1" } },
  { value: "grant_badge", label: "Give a badge", blank: { type: "grant_badge", badge: "" } },
  {
    value: "issue_reward",
    label: "Issue a reward",
    blank: {
      type: "issue_reward",
      label: "",
      rewardType: "amount_off",
      rewardValue: "500",
      validDays: "30",
      productRef: "",
      category: "",
    },
  },
  { value: "grant_plays", label: "Give game plays", blank: { type: "grant_plays", plays: "1", campaignId: "" } },
  { value: "offer_game", label: "Offer a game", blank: { type: "offer_game", campaignId: "" } },
];

/** Rows as the stored outcome objects: numbers for numeric values, empty optional values left out. */
export function outcomesFromRows(rows: OutcomeRow[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([, v]) => v !== "")
        .map(([k, v]) => [k, NUMBER_KEYS.has(k) && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : v]),
    ),
  );
}

export function rowsFromOutcomes(outcomes: unknown): OutcomeRow[] {
  if (!Array.isArray(outcomes)) return [];
  return outcomes.map(
    (o) =>
      Object.fromEntries(Object.entries(o as object).map(([k, v]) => [k, v == null ? "" : String(v)])) as OutcomeRow,
  );
}

type Options = {
  cards: { slug: string; name: string }[];
  badges: { slug: string; name: string }[];
  campaigns: { id: string; name: string }[];
};

export function RuleOutcomesEditor({
  rows,
  onChange,
  errors,
  options,
}: {
  rows: OutcomeRow[];
  onChange: (rows: OutcomeRow[]) => void;
  errors: Record<string, string>;
  options: Options;
}) {
  const set = (i: number, patch: Record<string, string>) =>
    onChange(rows.map((r, j) => (j === i ? ({ ...r, ...patch } as OutcomeRow) : r)));
  const text = (i: number, key: string, label: string, numeric = false) => {
    const id = `outcome-${i}-${key}`;
    const error = errors[`outcomes.${i}.${key}`];
    return (
      <div key={key}>
        <label htmlFor={id} className="playcart-admin-block playcart-admin-tiny playcart-admin-strong">
          {label}
        </label>
        <input
          id={id}
          inputMode={numeric ? "numeric" : undefined}
          value={rows[i][key] ?? ""}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => set(i, { [key]: e.target.value })}
          className={inputClass}
        />
        {error && (
          <p id={`${id}-error`} className="playcart-admin-small playcart-admin-error">
            {error}
          </p>
        )}
      </div>
    );
  };
  const select = (i: number, key: string, label: string, choices: { value: string; label: string }[]) => {
    const id = `outcome-${i}-${key}`;
    const error = errors[`outcomes.${i}.${key}`];
    return (
      <div key={key}>
        <label htmlFor={id} className="playcart-admin-block playcart-admin-tiny playcart-admin-strong">
          {label}
        </label>
        <select
          id={id}
          value={rows[i][key] ?? ""}
          aria-invalid={Boolean(error)}
          onChange={(e) => set(i, { [key]: e.target.value })}
          className={inputClass}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {error && <p className="playcart-admin-small playcart-admin-error">{error}</p>}
      </div>
    );
  };
  const campaignChoices = [
    { value: "", label: "The rule's campaign" },
    ...options.campaigns.map((c) => ({ value: c.id, label: c.name })),
  ];
  const fieldsOf = (row: OutcomeRow, i: number) => {
    switch (row.type) {
      case "grant_points":
        return [text(i, "points", "Points", true), text(i, "reason", "Reason shown in the ledger")];
      case "grant_stamp":
        return [
          select(i, "card", "Stamp card", [
            { value: "", label: "Choose a card" },
            ...options.cards.map((c) => ({ value: c.slug, label: c.name })),
          ]),
          text(i, "stamps", "Stamps", true),
        ];
      case "grant_badge":
        return [
          select(i, "badge", "Badge", [
            { value: "", label: "Choose a badge" },
            ...options.badges.map((b) => ({ value: b.slug, label: b.name })),
          ]),
        ];
      case "issue_reward":
        return [
          text(i, "label", "Reward label"),
          select(i, "rewardType", "Reward type", [
            { value: "amount_off", label: "Amount off (cents)" },
            { value: "percent_off", label: "Percent off" },
            { value: "free_product", label: "Free product" },
          ]),
          text(i, "rewardValue", "Value", true),
          text(i, "validDays", "Valid for (days)", true),
          text(i, "productRef", "Product (free product)"),
          text(i, "category", "Category, or favourite"),
        ];
      case "grant_plays":
        return [text(i, "plays", "Plays", true), select(i, "campaignId", "Campaign", campaignChoices)];
      case "offer_game":
        return [select(i, "campaignId", "Campaign", campaignChoices)];
      default:
        return [];
    }
  };
  return (
    <fieldset className="playcart-admin-stack-sm">
      <legend className="playcart-admin-small playcart-admin-strong">Outcomes</legend>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are plain posted values with no identity; their ids, labels and server errors are positional and every field is controlled
        <div key={i} className="playcart-admin-card playcart-admin-stack-sm">
          <div className="playcart-admin-row playcart-admin-end">
            <div>
              <label
                htmlFor={`outcome-${i}-type`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Outcome ${i + 1}`}</label>
              <select
                id={`outcome-${i}-type`}
                value={row.type}
                onChange={(e) =>
                  onChange(rows.map((r, j) => (j === i ? TYPES.find((t) => t.value === e.target.value)!.blank : r)))
                }
                className={inputClass}
              >
                {TYPES.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="playcart-admin-small playcart-admin-error playcart-admin-link"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >{`Remove outcome ${i + 1}`}</button>
          </div>
          <div className="playcart-admin-grid">{fieldsOf(row, i)}</div>
        </div>
      ))}
      <button
        type="button"
        className="playcart-admin-small playcart-admin-link"
        onClick={() => onChange([...rows, TYPES[0].blank])}
      >
        Add outcome
      </button>
      {errors.outcomes && <p className="playcart-admin-small playcart-admin-error">{errors.outcomes}</p>}
    </fieldset>
  );
}
