"use client";

// A badge's name, description and emoji; a stamp card's name, stamps and the badge it gives.
// Without an id, each form adds a new one and asks for its key (fixed from then on).
import { useActionState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { useFormDraft } from "./use-form-draft.ts";

type BadgeValues = { id?: string; slug: string; name: string; description: string; emoji: string };
type CardValues = { id?: string; slug: string; name: string; stampsRequired: number | ""; badgeId: string | null };

export function BadgeForm({ badge }: { badge: BadgeValues }) {
  const [state, action] = useActionState(useAdminAction("saveBadge"), idle);
  const e = state.fieldErrors ?? {};
  const isNew = !badge.id;
  const { bind } = useFormDraft(
    { slug: badge.slug, name: badge.name, emoji: badge.emoji, description: badge.description },
    isNew ? state : undefined,
  );
  return (
    <form action={action} noValidate className="playcart-admin-stack-sm">
      {badge.id && <input type="hidden" name="id" value={badge.id} />}
      <div className="playcart-admin-grid">
        <Field label={isNew ? "Name of the new badge" : `Name of badge ${badge.slug}`} error={e.name}>
          {(a) => <input {...a} {...bind("name")} className={inputClass} />}
        </Field>
        {isNew && (
          <Field label="Badge key" error={e.slug} hint="Lower-case letters, digits and -; rules use it">
            {(a) => <input {...a} {...bind("slug")} className={inputClass} />}
          </Field>
        )}
        <Field label="Emoji" error={e.emoji}>
          {(a) => <input {...a} {...bind("emoji")} className={inputClass} />}
        </Field>
      </div>
      <Field label="How it is earned" error={e.description}>
        {(a) => <input {...a} {...bind("description")} className={inputClass} />}
      </Field>
      <div className="playcart-admin-row">
        <SubmitButton pendingLabel="Saving…">{isNew ? "Add badge" : "Save badge"}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function StampCardForm({ card, badges }: { card: CardValues; badges: { id: string; name: string }[] }) {
  const [state, action] = useActionState(useAdminAction("saveStampCard"), idle);
  const e = state.fieldErrors ?? {};
  const isNew = !card.id;
  const { bind } = useFormDraft(
    { slug: card.slug, name: card.name, stampsRequired: String(card.stampsRequired), badgeId: card.badgeId ?? "" },
    isNew ? state : undefined,
  );
  return (
    <form action={action} noValidate className="playcart-admin-stack-sm">
      {card.id && <input type="hidden" name="id" value={card.id} />}
      <div className="playcart-admin-grid">
        <Field label={isNew ? "Name of the new card" : `Name of card ${card.slug}`} error={e.name}>
          {(a) => <input {...a} {...bind("name")} className={inputClass} />}
        </Field>
        {isNew && (
          <Field label="Card key" error={e.slug} hint="Lower-case letters, digits and -; rules use it">
            {(a) => <input {...a} {...bind("slug")} className={inputClass} />}
          </Field>
        )}
        <Field label="Stamps to fill it" error={e.stampsRequired}>
          {(a) => <input {...a} {...bind("stampsRequired")} inputMode="numeric" className={inputClass} />}
        </Field>
        <Field label="Badge when full" error={e.badgeId}>
          {(a) => (
            <select {...a} {...bind("badgeId")} className={inputClass}>
              <option value="">No badge</option>
              {badges.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="playcart-admin-row">
        <SubmitButton pendingLabel="Saving…">{isNew ? "Add stamp card" : "Save stamp card"}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
