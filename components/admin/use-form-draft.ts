"use client";

// Keeps what the owner typed in a form's fields. React resets a form's uncontrolled fields
// after every action, so without this a refused save would wipe the values its errors are about.
import { useState } from "react";

export function useFormDraft<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return { values, bind, reset: () => setValues(initial) };
}
