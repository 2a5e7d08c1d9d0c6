import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToCartForm } from "@/components/store/add-to-cart-form";
import { ProductReviews } from "@/components/store/product-reviews";
import { getProduct } from "@/lib/store/catalog";
import { formatMoney } from "@/lib/store/money";

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const product = await getProduct(slug);
  if (!product) notFound();
  return (
    <article className="grid gap-10 md:grid-cols-2">
      {/* biome-ignore lint/performance/noImgElement: local SVG, nothing to optimise */}
      <img
        src={product.image}
        alt={product.name}
        width={800}
        height={600}
        className="w-full rounded-3xl border border-stone-200 bg-white"
      />
      <div className="space-y-5">
        <Link href={`/?category=${product.categorySlug}`} className="text-sm text-brand-700 underline">
          {product.categoryName}
        </Link>
        <h1 className="font-display text-4xl font-semibold">{product.name}</h1>
        <p className="text-2xl">{formatMoney(product.priceMinor)}</p>
        <p className="text-stone-700">{product.description}</p>
        <AddToCartForm productId={product.id} />
      </div>
      <ProductReviews productId={product.id} slug={product.slug} />
    </article>
  );
}
