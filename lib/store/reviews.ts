// Product reviews: the demo store keeps them; Playcart hears about each as `review.posted`.
import "server-only";
import { desc, eq } from "drizzle-orm";
import { ensureCustomer, recordEvent } from "playcart";
import { z } from "zod";
import type { Db } from "@/db/client";
import { products, reviews } from "@/db/schema";

export const reviewInput = z.object({
  productId: z.uuid({ message: "Unknown product" }),
  rating: z.coerce
    .number({ message: "Choose a rating" })
    .int()
    .min(1, "Choose 1 to 5 stars")
    .max(5, "Choose 1 to 5 stars"),
  body: z.string().trim().min(10, "Write at least 10 characters").max(2_000, "Keep it under 2,000 characters"),
});

export class ReviewError extends Error {}

/** Saves (or replaces) the shopper's review and records the event, in one transaction. */
export async function postReview(
  db: Db,
  author: { userId: string; email: string; name: string | null },
  input: z.infer<typeof reviewInput>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id, slug: products.slug, category: products.categorySlug })
      .from(products)
      .where(eq(products.id, input.productId));
    if (!product) throw new ReviewError("That product does not exist.");
    const authorName = author.name?.trim() || author.email.split("@")[0];
    const [review] = await tx
      .insert(reviews)
      .values({
        productId: product.id,
        userId: author.userId,
        authorName,
        rating: input.rating,
        body: input.body,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [reviews.productId, reviews.userId],
        set: { rating: input.rating, body: input.body, createdAt: now },
      })
      .returning({ id: reviews.id });
    const customer = await ensureCustomer(tx, { email: author.email, userRef: author.userId });
    // One event per review: editing it later is not a new review. The product and its
    // category are the event's own, for rules such as "a review of a coffee earns 20 points".
    await recordEvent(tx, {
      type: "review.posted",
      key: review.id,
      customerId: customer.id,
      payload: { productRef: product.slug, category: product.category, rating: input.rating, signedIn: true },
      occurredAt: now,
    });
    return review;
  });
}

export async function listReviews(db: Db, productId: string) {
  return db
    .select({
      id: reviews.id,
      authorName: reviews.authorName,
      rating: reviews.rating,
      body: reviews.body,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .where(eq(reviews.productId, productId))
    .orderBy(desc(reviews.createdAt))
    .limit(20);
}
