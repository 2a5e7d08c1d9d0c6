// The `loading` of a next/dynamic part that the server renders: it gives the part a Suspense
// boundary of its own. Without one (next/dynamic adds none for a server-rendered part), the
// part's chunk, still on its way when hydration reaches it, suspends the nearest boundary
// above: the whole page's, so React hydrates the page again once the chunk has arrived. With
// it, the page hydrates once and only the part waits. Its fallback is never shown: the
// server's HTML for the part stays on screen until the part hydrates.
export const ownBoundary = () => null;
