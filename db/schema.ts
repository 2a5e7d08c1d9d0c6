export * from "../lib/engage/schema";
export * from "./schema/auth";
export * from "./schema/store";
