import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-3">
      <h1 className="font-display text-3xl font-semibold">Not found</h1>
      <p className="text-stone-600">That page does not exist, or it is not yours to see.</p>
      <Link href="/" className="text-brand-700 underline">
        Back to the shop
      </Link>
    </div>
  );
}
