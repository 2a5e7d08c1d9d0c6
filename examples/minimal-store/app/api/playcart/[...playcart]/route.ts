import { playcart } from "@/lib/playcart";

export const { GET, POST } = playcart.handlers;
