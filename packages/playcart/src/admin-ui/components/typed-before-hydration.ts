// A field the server rendered can be typed into before the page's scripts run. Hydration keeps
// what was typed, but the form's state still holds what was rendered, so the form's next render
// (or its reset after an action) would put that back, and a hidden field built from the state
// would post it. useFormDraft adopts such values for its own fields; this is the same for a
// field whose state lives elsewhere, as a row of a list does.

/**
 * A ref for a controlled input: when React attaches it holding something other than `current`
 * (only typing before hydration leaves it so), `adopt` takes that value into the state.
 */
export function adoptTyped(current: string, adopt: (value: string) => void) {
  return (field: HTMLInputElement | null) => {
    if (field && field.value !== current) adopt(field.value);
  };
}
