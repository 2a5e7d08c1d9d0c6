"use client";

import { useActionState, useState } from "react";
import { saveBirthdayAction } from "@/app/(store)/account/birthday-action";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { idle } from "@/lib/action-state";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Month and day only: we never ask for the year. */
export function BirthdayForm({ birthday }: { birthday: string | null }) {
  const [state, action, pending] = useActionState(saveBirthdayAction, idle);
  const [month, setMonth] = useState(birthday ? String(Number(birthday.slice(0, 2))) : "");
  const [day, setDay] = useState(birthday ? String(Number(birthday.slice(3))) : "");
  return (
    <form onSubmit={submitWithoutReset(action)} className="flex flex-wrap items-end gap-3" noValidate>
      <div>
        <label htmlFor="birthday-month" className="block text-sm font-medium">
          Birthday month
        </label>
        <select
          id="birthday-month"
          name="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2"
        >
          <option value="">Month</option>
          {MONTHS.map((m, i) => (
            <option key={m} value={i + 1}>
              {m}
            </option>
          ))}
        </select>
        <FieldError state={state} name="month" id="month-error" />
      </div>
      <div>
        <label htmlFor="birthday-day" className="block text-sm font-medium">
          Day
        </label>
        <input
          id="birthday-day"
          name="day"
          inputMode="numeric"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          className="mt-1 w-20 rounded-lg border border-stone-300 bg-white px-3 py-2"
          aria-invalid={Boolean(state.fieldErrors?.day)}
          aria-describedby={state.fieldErrors?.day ? "day-error" : undefined}
        />
        <FieldError state={state} name="day" id="day-error" />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-700 px-5 py-3 font-medium text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Saving…" : "Save birthday"}
      </button>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
