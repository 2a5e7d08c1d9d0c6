"use client";

// Keeps what the owner typed in a form's fields. React resets a form's uncontrolled fields
// after every action, so without this a refused save would wipe the values its errors are about.
import { useCallback, useState } from "react";

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * `addState`: for a form that adds a new item, its action state. After each successful add
 * the fields go back to `initial`, empty for the next one; a refused add keeps them.
 */
export function useFormDraft<T extends Record<string, string>>(initial: T, addState?: { status: string }) {
  const [values, setValues] = useState(initial);
  // A new action state is a finished add: adjust the state while rendering (React's pattern
  // for state that follows a prop), so the empty fields show at once, with no effect.
  const [seenAddState, setSeenAddState] = useState(addState);
  if (addState !== seenAddState) {
    setSeenAddState(addState);
    if (addState?.status === "ok") setValues(initial);
  }
  // The server's HTML shows the fields before the page's scripts run, and hydration keeps
  // what the owner typed meanwhile; but the draft never saw it, so the next render (or the
  // form's reset after a submit made early) would put the draft's value back over it. When
  // React attaches a field, what it holds becomes the draft's. One stable callback, so React
  // calls it when a field mounts, not on every render.
  const adopt = useCallback((field: FieldElement | null) => {
    if (!field) return;
    const { name, value } = field;
    setValues((v) => (Object.hasOwn(v, name) && v[name] !== value ? { ...v, [name]: value } : v));
  }, []);
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    ref: adopt,
  });
  return { values, bind };
}
