// A labelled input with its error, for the admin's forms.
import { useId } from "react";

export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="playcart-admin-stack-sm">
      <label htmlFor={id} className="playcart-admin-block playcart-admin-small playcart-admin-strong">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="playcart-admin-tiny playcart-admin-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="playcart-admin-small playcart-admin-error">
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass = "playcart-admin-input";
