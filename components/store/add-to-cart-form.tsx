"use client";

import { useActionState } from "react";
import Link from "next/link";
import { addToCartAction } from "@/app/(store)/cart/actions";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";

export function AddToCartForm({ productId }: { productId: string }) {
  const [state, action] = useActionState(addToCartAction, idle);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="productId" value={productId} />
      <div>
        <label htmlFor="quantity" className="block text-sm font-medium">Quantity</label>
        <input
          id="quantity"
          name="quantity"
          inputMode="numeric"
          defaultValue="1"
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
        <Link href="/cart" className="block text-sm text-brand-700 underline">View your cart</Link>
      )}
    </form>
  );
}
