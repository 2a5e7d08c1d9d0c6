export * from "playcart/schema";
export * from "./schema/auth";
export * from "./schema/store";
