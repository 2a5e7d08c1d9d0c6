// The raster copy of a product image for email (scripts/email-product-images.mjs makes them):
// the store shows SVGs, which Gmail and Outlook do not display.
export const emailImage = (image: string) => image.replace(/^\/products\/([^/]+)\.svg$/, "/products/email/$1.png");
