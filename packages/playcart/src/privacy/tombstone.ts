// What a deleted customer's row becomes: an anonymous tombstone that keeps its id (the ledger,
// orders and KPIs still point at it) and no email, name or account link. The email column is
// unique and holds person keys; "erased:<id>" can never be one (it has no "@"), so no shopper
// is ever found by it and the same person signing up again is a new customer.
export const ERASED_PREFIX = "erased:";

export const tombstoneOf = (customerId: string) => `${ERASED_PREFIX}${customerId}`;

export const isErased = (email: string) => email.startsWith(ERASED_PREFIX);
