-- playcart_person_key in PL/pgSQL, the same key as before (0002; it mirrors personKey in
-- src/core/identity.ts). Every payment's statement calls it three times (ledger/first-payment.ts).
-- As a SQL function whose body has a FROM clause, Postgres cannot inline it, so it parsed and
-- planned that body again in every statement that called it: a third of what a payment cost
-- its Postgres backend. A PL/pgSQL function is compiled once per session and its expressions
-- keep their plans.
CREATE OR REPLACE FUNCTION playcart_person_key(email text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  address text := lower(btrim(email, E' \t\n\r\f\x0B'));
  at_sign int := position('@' IN address);
  domain_part text := substr(address, at_sign + 1);
  local_part text := substr(address, 1, greatest(at_sign - 1, 0));
  -- The local part without its "+tag" (a local part that is only a tag keeps it).
  base_name text := coalesce(nullif(split_part(local_part, '+', 1), ''), local_part);
BEGIN
  -- No local part, no domain, or a second @: not an address to normalise beyond its case.
  IF at_sign <= 1 OR domain_part = '' OR position('@' IN domain_part) > 0 THEN
    RETURN address;
  END IF;
  IF domain_part IN ('gmail.com', 'googlemail.com') THEN
    RETURN coalesce(nullif(replace(base_name, '.', ''), ''), base_name) || '@gmail.com';
  END IF;
  RETURN base_name || '@' || domain_part;
END
$$;
