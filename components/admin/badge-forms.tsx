"use client";

// A badge's name, description and emoji; a stamp card's name, stamps and the badge it gives.
import { useActionState } from "react";
import { saveBadgeAction, saveStampCardAction } from "@/app/admin/settings/badges/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { Field, inputClass } from "./field";
import { useFormDraft } from "./use-form-draft";

export function BadgeForm({ badge }: { badge: { id: string; slug: string; name: string; description: string; emoji: string } }) {
  const [state, action] = useActionState(saveBadgeAction, idle);
  const e = state.fieldErrors ?? {};
  const { bind } = useFormDraft({ name: badge.name, emoji: badge.emoji, description: badge.description });
  return (
    <form action={action} noValidate className="space-y-2">
      <input type="hidden" name="id" value={badge.id} />
      <div className="grid gap-2 sm:grid-cols-[1fr_6rem]">
        <Field label={`Name of badge ${badge.slug}`} error={e.name}>{(a) => <input {...a} {...bind("name")} className={inputClass} />}</Field>
        <Field label="Emoji" error={e.emoji}>{(a) => <input {...a} {...bind("emoji")} className={inputClass} />}</Field>
      </div>
      <Field label="How it is earned" error={e.description}>{(a) => <input {...a} {...bind("description")} className={inputClass} />}</Field>
      <div className="flex flex-wrap items-center gap-3"><SubmitButton pendingLabel="Saving…">Save badge</SubmitButton><FormMessage state={state} /></div>
    </form>
  );
}

export function StampCardForm({ card, badges }: { card: { id: string; slug: string; name: string; stampsRequired: number; badgeId: string | null }; badges: { id: string; name: string }[] }) {
  const [state, action] = useActionState(saveStampCardAction, idle);
  const e = state.fieldErrors ?? {};
  const { bind } = useFormDraft({ name: card.name, stampsRequired: String(card.stampsRequired), badgeId: card.badgeId ?? "" });
  return (
    <form action={action} noValidate className="space-y-2">
      <input type="hidden" name="id" value={card.id} />
      <div className="grid gap-2 sm:grid-cols-3">
        <Field label={`Name of card ${card.slug}`} error={e.name}>{(a) => <input {...a} {...bind("name")} className={inputClass} />}</Field>
        <Field label="Stamps to fill it" error={e.stampsRequired}>{(a) => <input {...a} {...bind("stampsRequired")} inputMode="numeric" className={inputClass} />}</Field>
        <Field label="Badge when full" error={e.badgeId}>
          {(a) => (
            <select {...a} {...bind("badgeId")} className={inputClass}>
              <option value="">No badge</option>
              {badges.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3"><SubmitButton pendingLabel="Saving…">Save stamp card</SubmitButton><FormMessage state={state} /></div>
    </form>
  );
}
