import type { Metadata } from "next";
import { IncentiveNotice } from "playcart/react";
import { SignInForm } from "@/components/store/sign-in-form";
import { playcart } from "@/lib/playcart";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { callbackUrl, error, email } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="font-display text-3xl font-semibold">Sign in</h1>
      <p className="text-stone-600">
        We&apos;ll email you a link. No password to remember; guests who ordered with the same email see their points.
      </p>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {error === "Verification"
            ? "That sign-in link has expired or was already used. Ask for a new one."
            : "Sign-in failed. Please try again."}
        </p>
      )}
      <SignInForm
        defaultEmail={typeof email === "string" ? email.slice(0, 254) : ""}
        callbackUrl={callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : undefined}
      />
      {/* Signing up joins the rewards programme: the notice of financial incentive goes here. */}
      <IncentiveNotice notice={await playcart.incentiveNotice()} />
    </div>
  );
}
