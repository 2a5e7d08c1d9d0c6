import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="font-display text-3xl font-semibold">Check your email</h1>
      <p className="text-stone-600">We sent you a sign-in link. It works once and expires in 24 hours.</p>
    </div>
  );
}
