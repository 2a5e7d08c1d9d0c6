// The catalogue's pictures, drawn inline: nothing is downloaded to show a product.
const ART: Record<string, React.ReactNode> = {
  leaf: (
    <>
      <rect width="120" height="90" fill="#e7f0df" />
      <path d="M30 70 C30 30 70 18 95 20 C92 50 70 75 30 70 Z" fill="#5f8f3e" />
      <path d="M30 70 L85 28" stroke="#e7f0df" strokeWidth="2" />
    </>
  ),
  "leaf-dark": (
    <>
      <rect width="120" height="90" fill="#f1e4d6" />
      <path d="M30 70 C30 30 70 18 95 20 C92 50 70 75 30 70 Z" fill="#7a4a2a" />
      <path d="M30 70 L85 28" stroke="#f1e4d6" strokeWidth="2" />
    </>
  ),
  mug: (
    <>
      <rect width="120" height="90" fill="#e3e8f0" />
      <rect x="35" y="28" width="40" height="45" rx="6" fill="#3f5f8f" />
      <path d="M75 38 h8 a10 10 0 0 1 0 22 h-8" fill="none" stroke="#3f5f8f" strokeWidth="6" />
    </>
  ),
  pot: (
    <>
      <rect width="120" height="90" fill="#f0ede3" />
      <ellipse cx="60" cy="55" rx="28" ry="22" fill="#c8b27a" opacity="0.8" />
      <rect x="52" y="24" width="16" height="10" rx="3" fill="#8a7a4a" />
      <path d="M32 50 L16 38" stroke="#8a7a4a" strokeWidth="5" strokeLinecap="round" />
    </>
  ),
};

export function ProductArt({ art, name }: { art: string; name: string }) {
  return (
    <svg className="art" viewBox="0 0 120 90" role="img" aria-label={name}>
      {ART[art] ?? <rect width="120" height="90" fill="#ddd" />}
    </svg>
  );
}
