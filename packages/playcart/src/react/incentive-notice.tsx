// The short notice of financial incentive, shown where a shopper joins the programme: the
// store's own words and a link to the full notice. No state: it renders in a server component
// as in a client one.
export type IncentiveNoticeProps = {
  notice: { text: string; href: string; linkText: string };
  className?: string;
};

export function IncentiveNotice({ notice, className }: IncentiveNoticeProps) {
  return (
    <p className={`playcart-incentive${className ? ` ${className}` : ""}`} data-playcart-notice="">
      {notice.text}{" "}
      <a href={notice.href} className="playcart-link">
        {notice.linkText}
      </a>
    </p>
  );
}
