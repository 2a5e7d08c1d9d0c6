// Product reviews: the demo store keeps them; Playcart hears about each as `review.posted`.
import "server-only";
import { desc, eq } from "drizzle-orm";
import { ensureCustomer, findCustomerByEmail, recordEvent } from "playcart";
import { customers } from "playcart/schema";
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

/** How a review is signed when its author chose no public name: never anything from the email. */
export const UNNAMED_AUTHOR = "A verified shopper";

/** Saves (or replaces) the shopper's review and records the event, in one transaction. */
export async function postReview(
  db: Db,
  author: { userId: string; email: string },
  input: z.infer<typeof reviewInput>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id, slug: products.slug, category: products.categorySlug })
      .from(products)
      .where(eq(products.id, input.productId));
    if (!product) throw new ReviewError("That product does not exist.");
    // Signed with the public name the shopper chose, if any: never a part of the email.
    const authorName = (await findCustomerByEmail(tx, author.email))?.displayName ?? UNNAMED_AUTHOR;
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
        set: { rating: input.rating, body: input.body, authorName, createdAt: now },
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

/** A product's latest reviews, each signed with its author's public name as it is now. */
export async function listReviews(db: Db, productId: string) {
  const rows = await db
    .select({
      id: reviews.id,
      displayName: customers.displayName,
      rating: reviews.rating,
      body: reviews.body,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .leftJoin(customers, eq(customers.userRef, reviews.userId))
    .where(eq(reviews.productId, productId))
    .orderBy(desc(reviews.createdAt))
    .limit(20);
  return rows.map(({ displayName, ...r }) => ({ ...r, authorName: displayName ?? UNNAMED_AUTHOR }));
}
