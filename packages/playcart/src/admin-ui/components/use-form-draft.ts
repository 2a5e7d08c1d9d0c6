"use client";

// Keeps what the owner typed in a form's fields. React resets a form's uncontrolled fields
// after every action, so without this a refused save would wipe the values its errors are about.
import { useCallback, useLayoutEffect, useRef, useState } from "react";

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
  const fields = useRef(new Map<string, FieldElement>());
  // The server's HTML shows the fields before the page's scripts run, and hydration keeps
  // what the owner typed meanwhile; but the draft never saw it, so the next render (or the
  // form's reset after a submit made early) would put the draft's value back over it. When
  // React attaches a field, what it holds becomes the draft's. One stable callback, so React
  // calls it when a field mounts, not on every render.
  const attach = useCallback((field: FieldElement | null) => {
    if (!field) return;
    const { name, value } = field;
    setValues((v) => (Object.hasOwn(v, name) && v[name] !== value ? { ...v, [name]: value } : v));
    fields.current.set(name, field);
    return () => {
      fields.current.delete(name);
    };
  }, []);
  // React's reset after an action leaves a controlled input as it is (React keeps its default
  // value in step), but moves a controlled <select> back to the option the page was first
  // rendered with (facebook/react#30580). Marking the draft's option as the default keeps the
  // select where the owner left it.
  useLayoutEffect(() => {
    for (const [name, field] of fields.current) {
      if (!(field instanceof HTMLSelectElement)) continue;
      for (const option of field.options) option.defaultSelected = option.value === values[name];
    }
  });
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    ref: attach,
  });
  return { values, bind };
}
