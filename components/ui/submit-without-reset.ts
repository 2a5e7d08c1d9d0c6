import { type FormEvent, startTransition } from "react";

/**
 * An onSubmit that runs a form action without React's reset afterwards. React resets a form
 * after its `action` prop runs, which drops a checked radio or a chosen option even though
 * component state still holds it; submitting by hand keeps what the shopper entered next to
 * the errors about it.
 */
export function submitWithoutReset(action: (data: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
}
