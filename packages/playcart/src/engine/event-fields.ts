// What a condition reads about the event itself: its type, its amount, and the product and
// category it is about. A host names them in the event's payload (`productRef`, `category`),
// e.g. a review of a coffee records { productRef: "house-blend", category: "coffee" }.
export type EventFields = {
  type: string;
  valueMinor: number;
  productRef: string | null;
  category: string | null;
};

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : null);

export function eventFields(type: string, valueMinor: number, payload: Record<string, unknown> | null): EventFields {
  return { type, valueMinor, productRef: text(payload?.productRef), category: text(payload?.category) };
}
