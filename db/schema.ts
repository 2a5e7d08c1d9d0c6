export * from "./schema/auth";
export * from "./schema/store";
export * from "../lib/engage/schema";
