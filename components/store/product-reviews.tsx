import Link from "next/link";
import { getDb } from "@/db/client";
import { currentViewer } from "@/lib/auth/guards";
import { listReviews } from "@/lib/store/reviews";
import { ReviewForm } from "./review-form";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export async function ProductReviews({ productId, slug }: { productId: string; slug: string }) {
  const [list, viewer] = await Promise.all([listReviews(await getDb(), productId), currentViewer()]);
  return (
    <section aria-labelledby="reviews-heading" className="space-y-4 md:col-span-2">
      <h2 id="reviews-heading" className="text-xl font-medium">
        Reviews
      </h2>
      {list.length === 0 ? (
        <p className="text-stone-600">No reviews yet. Be the first.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {list.map((r) => (
            <li key={r.id} className="p-4">
              <p className="text-sm">
                <span aria-hidden="true">
                  {"★".repeat(r.rating)}
                  {"☆".repeat(5 - r.rating)}
                </span>
                <span className="sr-only">{r.rating} out of 5 stars</span>{" "}
                <span className="font-medium">{r.authorName}</span>{" "}
                <span className="text-stone-600">· {dateFormat.format(r.createdAt)}</span>
              </p>
              <p className="mt-1 text-stone-700">{r.body}</p>
            </li>
          ))}
        </ul>
      )}
      {viewer ? (
        <ReviewForm productId={productId} />
      ) : (
        <p className="text-sm text-stone-600">
          <Link href={`/signin?callbackUrl=/products/${slug}`} className="text-brand-700 underline">
            Sign in
          </Link>{" "}
          to write a review (and earn the community champion badge).
        </p>
      )}
    </section>
  );
}
