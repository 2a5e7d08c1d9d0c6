"use client";

// A badge's name, description and emoji; a stamp card's name, stamps and the badge it gives.
// Without an id, each form adds a new one and asks for its key (fixed from then on).
import { useActionState } from "react";
import { saveBadgeAction, saveStampCardAction } from "@/app/admin/settings/badges/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { Field, inputClass } from "./field";
import { useFormDraft } from "./use-form-draft";

type BadgeValues = { id?: string; slug: string; name: string; description: string; emoji: string };
type CardValues = { id?: string; slug: string; name: string; stampsRequired: number | ""; badgeId: string | null };

export function BadgeForm({ badge }: { badge: BadgeValues }) {
  const [state, action] = useActionState(saveBadgeAction, idle);
  const e = state.fieldErrors ?? {};
  const isNew = !badge.id;
  const { bind } = useFormDraft(
    { slug: badge.slug, name: badge.name, emoji: badge.emoji, description: badge.description },
    isNew ? state : undefined,
  );
  return (
    <form action={action} noValidate className="space-y-2">
      {badge.id && <input type="hidden" name="id" value={badge.id} />}
      <div className={`grid gap-2 ${isNew ? "sm:grid-cols-[1fr_1fr_6rem]" : "sm:grid-cols-[1fr_6rem]"}`}>
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
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">{isNew ? "Add badge" : "Save badge"}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function StampCardForm({ card, badges }: { card: CardValues; badges: { id: string; name: string }[] }) {
  const [state, action] = useActionState(saveStampCardAction, idle);
  const e = state.fieldErrors ?? {};
  const isNew = !card.id;
  const { bind } = useFormDraft(
    { slug: card.slug, name: card.name, stampsRequired: String(card.stampsRequired), badgeId: card.badgeId ?? "" },
    isNew ? state : undefined,
  );
  return (
    <form action={action} noValidate className="space-y-2">
      {card.id && <input type="hidden" name="id" value={card.id} />}
      <div className={`grid gap-2 ${isNew ? "sm:grid-cols-4" : "sm:grid-cols-3"}`}>
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
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">{isNew ? "Add stamp card" : "Save stamp card"}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
