"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { addToCartAction } from "@/app/(store)/cart/actions";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";

export function AddToCartForm({ productId }: { productId: string }) {
  const [state, action] = useActionState(addToCartAction, idle);
  // Controlled: React resets a form after its action runs, which would wipe what was typed
  // and leave the field's error under a value the shopper did not enter.
  const [quantity, setQuantity] = useState("1");
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="productId" value={productId} />
      <div>
        <label htmlFor="quantity" className="block text-sm font-medium">
          Quantity
        </label>
        <input
          id="quantity"
          name="quantity"
          inputMode="numeric"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          aria-invalid={Boolean(state.fieldErrors?.quantity)}
          aria-describedby={state.fieldErrors?.quantity ? "quantity-error" : undefined}
          className="mt-1 w-24 rounded-lg border border-stone-300 bg-white px-3 py-2"
        />
        <FieldError state={state} name="quantity" id="quantity-error" />
        <FieldError state={state} name="productId" id="product-error" />
      </div>
      <SubmitButton pendingLabel="Adding…">Add to cart</SubmitButton>
      <FormMessage state={state} />
      {state.status === "ok" && (
        <Link href="/cart" className="block text-sm text-brand-700 underline">
          View your cart
        </Link>
      )}
    </form>
  );
}
