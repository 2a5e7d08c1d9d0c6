// What a signed-in visitor who is not allowed into the admin sees (no data, no forms).
export function Forbidden() {
  return (
    <div className="playcart-admin playcart-admin-narrow playcart-admin-stack-sm">
      <h1 className="playcart-admin-title">Store owners only</h1>
      <p className="playcart-admin-muted">Your account cannot open the admin. Ask the store owner for access.</p>
    </div>
  );
}
