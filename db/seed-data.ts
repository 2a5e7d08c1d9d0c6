// The demo store's catalog: a small roastery and bakery. Prices in minor units.
export const demoCategories = [
  { slug: "coffee", name: "Coffee", position: 1 },
  { slug: "tea", name: "Tea", position: 2 },
  { slug: "pastries", name: "Pastries", position: 3 },
  { slug: "brewing", name: "Brewing gear", position: 4 },
  { slug: "mugs", name: "Mugs & cups", position: 5 },
  { slug: "gifts", name: "Gifts", position: 6 },
] as const;

type Seed = {
  slug: string;
  name: string;
  category: (typeof demoCategories)[number]["slug"];
  price: number;
  description: string;
};

export const demoProducts: Seed[] = [
  {
    slug: "house-espresso",
    name: "House Espresso",
    category: "coffee",
    price: 1450,
    description: "Chocolate, hazelnut and a long caramel finish. 250 g whole bean.",
  },
  {
    slug: "ethiopia-guji",
    name: "Ethiopia Guji",
    category: "coffee",
    price: 1790,
    description: "Washed heirloom lots: jasmine, bergamot, peach. 250 g whole bean.",
  },
  {
    slug: "colombia-huila",
    name: "Colombia Huila",
    category: "coffee",
    price: 1590,
    description: "Red apple, panela and cocoa nibs. 250 g whole bean.",
  },
  {
    slug: "decaf-sugarcane",
    name: "Sugarcane Decaf",
    category: "coffee",
    price: 1490,
    description: "Naturally decaffeinated; toffee and orange. 250 g whole bean.",
  },
  {
    slug: "cold-brew-pack",
    name: "Cold Brew Pack",
    category: "coffee",
    price: 1290,
    description: "Six coarse-ground pouches for an overnight brew.",
  },
  {
    slug: "sencha-kyoto",
    name: "Kyoto Sencha",
    category: "tea",
    price: 1190,
    description: "Steamed green tea, grassy and sweet. 80 g loose leaf.",
  },
  {
    slug: "assam-breakfast",
    name: "Assam Breakfast",
    category: "tea",
    price: 990,
    description: "Malty black tea that stands up to milk. 100 g loose leaf.",
  },
  {
    slug: "chamomile-honey",
    name: "Chamomile & Honey",
    category: "tea",
    price: 890,
    description: "Whole chamomile flowers with honeybush. 50 g loose leaf.",
  },
  {
    slug: "masala-chai",
    name: "Masala Chai",
    category: "tea",
    price: 1090,
    description: "Black tea with cardamom, ginger, clove and pepper. 100 g.",
  },
  {
    slug: "butter-croissant",
    name: "Butter Croissant",
    category: "pastries",
    price: 350,
    description: "Laminated over three days; baked each morning.",
  },
  {
    slug: "pain-au-chocolat",
    name: "Pain au Chocolat",
    category: "pastries",
    price: 390,
    description: "Two bars of dark chocolate in flaky dough.",
  },
  {
    slug: "cardamom-bun",
    name: "Cardamom Bun",
    category: "pastries",
    price: 420,
    description: "Swedish-style knot with freshly ground cardamom.",
  },
  {
    slug: "almond-financier",
    name: "Almond Financier",
    category: "pastries",
    price: 290,
    description: "Brown butter and almond, crisp edges.",
  },
  {
    slug: "lemon-tart",
    name: "Lemon Tart",
    category: "pastries",
    price: 550,
    description: "Sharp lemon curd in a sweet shortcrust shell.",
  },
  {
    slug: "pour-over-dripper",
    name: "Pour-over Dripper",
    category: "brewing",
    price: 2400,
    description: "Ceramic cone dripper for one to two cups.",
  },
  {
    slug: "gooseneck-kettle",
    name: "Gooseneck Kettle",
    category: "brewing",
    price: 5900,
    description: "0.9 l stainless kettle with a precise spout.",
  },
  {
    slug: "burr-grinder",
    name: "Hand Burr Grinder",
    category: "brewing",
    price: 8900,
    description: "Steel conical burrs, 40 click settings.",
  },
  {
    slug: "paper-filters",
    name: "Paper Filters",
    category: "brewing",
    price: 650,
    description: "100 unbleached filters for cone drippers.",
  },
  {
    slug: "stoneware-mug",
    name: "Stoneware Mug",
    category: "mugs",
    price: 1800,
    description: "Hand-glazed, 350 ml; no two alike.",
  },
  {
    slug: "espresso-cups",
    name: "Espresso Cups (pair)",
    category: "mugs",
    price: 2200,
    description: "Thick-walled porcelain that keeps the crema warm.",
  },
  {
    slug: "travel-tumbler",
    name: "Travel Tumbler",
    category: "mugs",
    price: 2900,
    description: "Double-walled, leak-proof lid, 400 ml.",
  },
  {
    slug: "gift-card",
    name: "Gift Card",
    category: "gifts",
    price: 2500,
    description: "Delivered by email; spend it on anything in the shop.",
  },
  {
    slug: "tasting-box",
    name: "Tasting Box",
    category: "gifts",
    price: 3900,
    description: "Three 100 g coffees chosen by our roasters.",
  },
  {
    slug: "breakfast-hamper",
    name: "Breakfast Hamper",
    category: "gifts",
    price: 6500,
    description: "Coffee, tea, a mug and a box of financiers.",
  },
];

export const DEMO_ADMIN_EMAIL = "admin@playcart.test";
export const DEMO_SHOPPER_EMAIL = "shopper@playcart.test";
