import Link from "next/link";
import type { ProductCard as Card } from "@/lib/store/catalog";
import { formatMoney } from "@/lib/store/money";

export function ProductCard({ product }: { product: Card }) {
  return (
    <li className="group overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <Link href={`/products/${product.slug}`} className="block">
        {/* biome-ignore lint/performance/noImgElement: local SVG, nothing to optimise */}
        <img
          src={product.image}
          alt=""
          width={400}
          height={300}
          className="aspect-[4/3] w-full bg-stone-100 object-cover"
        />
        <div className="flex items-baseline justify-between gap-2 p-4">
          <h3 className="font-medium group-hover:underline">{product.name}</h3>
          <span className="text-sm text-stone-600">{formatMoney(product.priceMinor)}</span>
        </div>
      </Link>
    </li>
  );
}
