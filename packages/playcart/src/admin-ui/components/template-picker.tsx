"use client";

// Start from a template: each card creates the template's whole draft and opens it to edit.
import { useRouter } from "next/navigation.js";
import { useActionState, useEffect } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction, useAdminHref } from "./admin-actions.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";

export type TemplateChoice = { key: string; title: string; summary: string };

export function TemplatePicker({ templates }: { templates: TemplateChoice[] }) {
  const [state, action] = useActionState(useAdminAction("createFromTemplate"), idle);
  const router = useRouter();
  const href = useAdminHref();
  useEffect(() => {
    if (state.status === "ok" && state.id) router.push(href(`campaigns/${state.id}`));
  }, [state, router, href]);
  return (
    <section aria-labelledby="templates-heading" className="playcart-admin-stack-sm">
      <h2 id="templates-heading" className="playcart-admin-heading">
        Start from a template
      </h2>
      <ul className="playcart-admin-grid">
        {templates.map((t) => (
          <li key={t.key} className="playcart-admin-card playcart-admin-stack-sm">
            <h3 className="playcart-admin-strong">{t.title}</h3>
            <p className="playcart-admin-small playcart-admin-muted">{t.summary}</p>
            <form action={action}>
              <input type="hidden" name="template" value={t.key} />
              <SubmitButton pendingLabel="Creating…">Use the {t.title} template</SubmitButton>
            </form>
          </li>
        ))}
      </ul>
      <FormMessage state={state} />
    </section>
  );
}
