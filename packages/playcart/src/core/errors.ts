// Typed errors with a code a route can map to a status and a message a shopper may see.
export type EngageErrorCode = "insufficient_points" | "not_found:customer" | "invalid:input" | "reward:changed";

export class EngageError extends Error {
  constructor(
    public readonly code: EngageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EngageError";
  }
}

export class InsufficientPointsError extends EngageError {
  constructor(
    public readonly available: number,
    public readonly requested: number,
  ) {
    super("insufficient_points", `Not enough points: ${available} available, ${requested} needed.`);
  }
}
