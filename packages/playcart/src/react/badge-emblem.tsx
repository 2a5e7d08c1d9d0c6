// A badge's emblem drawn as SVG: the same picture on every machine (an emoji needs an emoji
// font, and a machine without one shows an empty box). Plain attributes only, so next/og can
// draw it into a preview image too. Badges without an emblem of their own get a medal.
const EMBLEMS: Record<string, string[]> = {
  // A speech bubble with a star: a review.
  "community-champion": [
    "M14 16h36a6 6 0 0 1 6 6v20a6 6 0 0 1-6 6H30l-10 9v-9h-6a6 6 0 0 1-6-6V22a6 6 0 0 1 6-6z",
    "M32 21l3.1 6.3 6.9 1-5 4.9 1.2 6.8-6.2-3.2-6.2 3.2 1.2-6.8-5-4.9 6.9-1z",
  ],
  // A megaphone: word of mouth.
  influencer: ["M10 26h10l24-12v36L20 38H10a4 4 0 0 1-4-4v-4a4 4 0 0 1 4-4z", "M18 40h8l4 12h-8z", "M50 22v20"],
};
const MEDAL = [
  "M22 6h8l4 14h-8z",
  "M42 6h-8l-4 14h8z",
  "M32 18a17 17 0 1 1 0 34a17 17 0 1 1 0-34z",
  "M32 26l3 6 6.5 1-4.7 4.5 1.1 6.5-5.9-3.1-5.9 3.1 1.1-6.5-4.7-4.5 6.5-1z",
];

export function BadgeEmblem({ slug, size = 48, color = "#065f46" }: { slug: string; size?: number; color?: string }) {
  const paths = EMBLEMS[slug] ?? MEDAL;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden="true"
      fill="none"
      stroke={color}
      strokeWidth={3}
      strokeLinejoin="round"
      strokeLinecap="round"
      data-emblem={slug}
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
