import type { ActionState } from "@/lib/action-state";

/** The form-level message of an action, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return <p role="status" aria-live="polite" className="sr-only" />;
  const ok = state.status === "ok";
  return (
    <p
      role={ok ? "status" : "alert"}
      aria-live="polite"
      className={`text-sm ${ok ? "text-brand-700" : "text-red-700"}`}
    >
      {state.message}
    </p>
  );
}

export function FieldError({ state, name, id }: { state: ActionState; name: string; id: string }) {
  const error = state.fieldErrors?.[name];
  return error ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {error}
    </p>
  ) : null;
}
