"use client";

// The reminder email's words (subject, heading, body lines) with a live preview of the email
// itself, a save, and a test sent to the owner with the words as typed.
import { useActionState, useState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { previewHtml } from "./reminder-preview.ts";
import { SubmitButton } from "./submit-button.tsx";
import { useFormDraft } from "./use-form-draft.ts";

type Words = { subject: string; heading: string; body: string[] };

export function ReminderWordsForm({
  words,
  own,
  storeName,
  template,
  canTest,
  owner,
}: {
  words: Words;
  /** The owner's own words are saved (not the built-in ones). */
  own: boolean;
  storeName: string;
  template: string;
  canTest: boolean;
  owner: string;
}) {
  const [saved, save] = useActionState(useAdminAction("saveReminderWords"), idle);
  const [tested, test] = useActionState(useAdminAction("sendTestReminder"), idle);
  const [reset, resetAction] = useActionState(useAdminAction("resetReminderWords"), idle);
  // The textarea cannot keep what was typed before hydration (React resets its value then).
  const { values, bind } = useFormDraft({
    subject: words.subject,
    heading: words.heading,
    body: words.body.join("\n"),
  });
  const { subject, heading, body } = values;
  // The latest answer decides which errors show (a test and a save validate the same fields).
  const [last, setLast] = useState<"save" | "test" | "reset">("save");
  const state = { save: saved, test: tested, reset }[last];
  const e = state.fieldErrors ?? {};
  const bodyError = e.body ?? Object.entries(e).find(([k]) => k.startsWith("body."))?.[1];
  const lines = body
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const fill = (s: string) => s.replaceAll("{store}", storeName);
  return (
    <div className="playcart-admin-stack">
      <form action={save} noValidate className="playcart-admin-stack-sm playcart-admin-card">
        <Field label="Subject" error={e.subject}>
          {(a) => <input {...a} {...bind("subject")} className={inputClass} />}
        </Field>
        <Field label="Heading" error={e.heading}>
          {(a) => <input {...a} {...bind("heading")} className={inputClass} />}
        </Field>
        <Field label="Text" error={bodyError} hint="One paragraph per line, at most 6.">
          {(a) => <textarea {...a} {...bind("body")} rows={5} className={inputClass} />}
        </Field>
        <div className="playcart-admin-row">
          <SubmitButton pendingLabel="Saving…" onClick={() => setLast("save")}>
            Save words
          </SubmitButton>
          {canTest && (
            <SubmitButton formAction={test} pendingLabel="Sending…" onClick={() => setLast("test")}>
              Send me a test
            </SubmitButton>
          )}
          {own && (
            <SubmitButton
              formAction={resetAction}
              pendingLabel="Resetting…"
              className="playcart-admin-button-secondary"
              onClick={() => setLast("reset")}
            >
              Use the built-in words
            </SubmitButton>
          )}
        </div>
        <p className="playcart-admin-tiny playcart-admin-muted">{`A test goes to ${owner}, with the words above.`}</p>
        <FormMessage state={state} />
      </form>
      <section aria-labelledby="reminder-preview-h" className="playcart-admin-stack-sm">
        <h2 id="reminder-preview-h" className="playcart-admin-heading">
          Preview
        </h2>
        <p className="playcart-admin-small">
          <span className="playcart-admin-strong">Subject: </span>
          <span data-testid="reminder-preview-subject">{fill(subject)}</span>
        </p>
        {/* Not sandboxed: the email has no script, and axe (and the owner's screen reader) must reach inside. */}
        <iframe
          title="Reminder email preview"
          srcDoc={previewHtml(template, { heading, body: lines }, storeName)}
          style={{
            width: "100%",
            height: 640,
            boxSizing: "border-box",
            border: "1px solid #e7e5e4",
            borderRadius: 8,
            background: "#fff",
          }}
        />
      </section>
    </div>
  );
}
