// This store uses plain CSS: no PostCSS plugins (and none inherited from the folder above).
export default { plugins: {} };
