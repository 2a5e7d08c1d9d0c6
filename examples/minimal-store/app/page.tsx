import { asc } from "drizzle-orm";
import { connection } from "next/server";
import { ProductArt } from "@/components/product-art";
import { getDb } from "@/db/client";
import { products } from "@/db/schema";
import { formatMoney } from "@/lib/money";
import { addToCart } from "./actions";

export default async function CatalogPage() {
  await connection();
  const catalog = await getDb().select().from(products).orderBy(asc(products.id));
  return (
    <>
      <h1>Tea and teaware</h1>
      <ul className="grid">
        {catalog.map((p) => (
          <li key={p.id} className="card">
            <ProductArt art={p.art} name={p.name} />
            <h2>{p.name}</h2>
            <p className="muted">{p.description}</p>
            <p className="category">{p.category}</p>
            <form action={addToCart} className="row">
              <span className="price">{formatMoney(p.priceMinor)}</span>
              <input type="hidden" name="productId" value={p.id} />
              <button type="submit" aria-label={`Add ${p.name} to cart`}>
                Add to cart
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
