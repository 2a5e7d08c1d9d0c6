-- The store's own tables: a catalogue, a cart identified by a cookie, and orders.
create table products (
  id serial primary key,
  slug text not null unique,
  name text not null,
  category text not null,
  description text not null,
  price_minor integer not null check (price_minor > 0),
  art text not null
);

create table carts (
  id uuid primary key,
  email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table cart_lines (
  cart_id uuid not null references carts(id) on delete cascade,
  product_id integer not null references products(id),
  quantity integer not null check (quantity between 1 and 99),
  primary key (cart_id, product_id)
);

create table orders (
  id uuid primary key,
  cart_id uuid not null references carts(id),
  email text not null,
  status text not null default 'pending' check (status in ('pending', 'paid')),
  subtotal_minor integer not null,
  discount_minor integer not null default 0,
  shipping_minor integer not null,
  total_minor integer not null check (total_minor >= 0),
  currency text not null default 'eur',
  stripe_session_id text unique,
  paid_at timestamptz,
  created_at timestamptz not null default now()
);

create table order_lines (
  order_id uuid not null references orders(id) on delete cascade,
  product_id integer not null references products(id),
  name text not null,
  category text not null,
  unit_price_minor integer not null,
  quantity integer not null,
  primary key (order_id, product_id)
);

create index orders_cart_id_idx on orders (cart_id);
