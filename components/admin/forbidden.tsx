export function Forbidden() {
  return (
    <div className="mx-auto max-w-md space-y-2">
      <h1 className="font-display text-2xl font-semibold">Store owners only</h1>
      <p className="text-stone-600">
        Your account cannot open the admin. Ask the store owner to add your email to ADMIN_EMAILS.
      </p>
    </div>
  );
}
