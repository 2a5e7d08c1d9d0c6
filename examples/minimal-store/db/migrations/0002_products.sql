-- The store's catalogue: four teas and teaware, drawn by components/product-art.tsx.
insert into products (slug, name, category, description, price_minor, art) values
  ('sencha', 'Sencha Green Tea', 'tea', 'Steamed green leaves from Shizuoka, 100 g.', 1290, 'leaf'),
  ('assam', 'Assam Breakfast', 'tea', 'A malty black tea for mornings, 200 g.', 990, 'leaf-dark'),
  ('stoneware-mug', 'Stoneware Mug', 'teaware', 'Hand-glazed, 350 ml.', 1800, 'mug'),
  ('glass-teapot', 'Glass Teapot', 'teaware', 'Borosilicate with a steel infuser, 800 ml.', 3400, 'pot');
