import type { AdminActionState as ActionState } from "../action-state.ts";

/** The form-level message of an action, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return <p role="status" aria-live="polite" className="playcart-admin-sr-only" />;
  const ok = state.status === "ok";
  return (
    <p role={ok ? "status" : "alert"} aria-live="polite" className={ok ? "playcart-admin-ok" : "playcart-admin-error"}>
      {state.message}
    </p>
  );
}

export function FieldError({ state, name, id }: { state: ActionState; name: string; id: string }) {
  const error = state.fieldErrors?.[name];
  return error ? (
    <p id={id} className="playcart-admin-small playcart-admin-error">
      {error}
    </p>
  ) : null;
}
