// Conditions are data: JSON Logic stored with a campaign or rule, evaluated by
// json-logic-engine's interpreter (never its compiler, which builds functions from text).
import { LogicEngine } from "json-logic-engine";
import { EngageError } from "../core/errors.ts";
import { assertMoneyInMinorUnits } from "./condition-money.ts";

const engine = new LogicEngine(undefined, { maxDepth: 32, maxArrayLength: 1000, maxStringLength: 1000 });

export type Condition = unknown;

export function evaluateCondition(condition: Condition, context: object): boolean {
  if (condition === true || condition === undefined || condition === null) return true;
  if (condition === false) return false;
  return Boolean(engine.truthy(engine.run(condition, context)));
}

/** Refuses a condition the engine cannot run (unknown operator, malformed shape). */
export function assertValidCondition(condition: Condition, sampleContext: object): void {
  assertMoneyInMinorUnits(condition);
  try {
    evaluateCondition(condition, sampleContext);
  } catch (err) {
    const detail = err instanceof Error && err.message ? err.message : JSON.stringify(err);
    throw new EngageError("invalid:input", `Invalid condition: ${detail}`);
  }
}
