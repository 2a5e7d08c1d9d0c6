// A campaign's official rules as a page shows them (playcart.officialRules gives the data).
// No state and no script: a server component may render it. Styled by playcart/styles.css.
import type { OfficialRulesView as Rules } from "../games/index.ts";

export type OfficialRulesViewProps = {
  rules: Rules;
  /** Where version N of these rules is, for the list of versions (default ?v=N). */
  versionHref?: (version: number) => string;
  /** The date format of "in force from" (default: long British dates in UTC). */
  date?: (d: Date) => string;
};

const longDate = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(d);

export function OfficialRulesView({ rules, versionHref = (v) => `?v=${v}`, date = longDate }: OfficialRulesViewProps) {
  const doc = rules.document;
  return (
    <article className="playcart-rules" aria-labelledby="playcart-rules-title">
      <header>
        <p className="playcart-rules-kicker">Official rules</p>
        <h1 id="playcart-rules-title" className="playcart-heading">
          {doc.name}
        </h1>
        <p className="playcart-rules-version">
          Version {doc.version}, in force from {date(doc.validFrom)}
          {rules.current ? "" : " (an earlier version: these are the rules of the plays made while it was in force)"}.
        </p>
        {doc.freeEntryHref && rules.current && (
          <p>
            <a href={doc.freeEntryHref} className="playcart-button">
              Enter free, no purchase necessary
            </a>
          </p>
        )}
      </header>
      <section aria-labelledby="playcart-rules-prizes">
        <h2 id="playcart-rules-prizes">{doc.prizesHeading}</h2>
        <table className="playcart-rules-table">
          <thead>
            <tr>
              <th scope="col">{doc.words.Prizes.replace(/s$/, "")}</th>
              <th scope="col">Value</th>
              <th scope="col">{doc.chanceHeading}</th>
              <th scope="col">Limits</th>
            </tr>
          </thead>
          <tbody>
            {doc.prizes.map((p) => (
              <tr key={p.label}>
                <th scope="row">
                  {p.label}
                  <span className="playcart-rules-note">{p.description}</span>
                </th>
                <td>{p.value}</td>
                <td>
                  <strong>{p.chance.percent}</strong>
                  {p.chance.oneIn && ` (${p.chance.oneIn})`}
                  {p.soldOut && <span className="playcart-rules-note">Sold out now</span>}
                </td>
                <td>{p.limits.length ? p.limits.join("; ") : "None"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <dl className="playcart-rules-terms">
        {doc.sections.map((s) => (
          <div key={s.key} data-section={s.key}>
            <dt>{s.heading}</dt>
            {s.lines.map((line) => (
              <dd key={line}>{line}</dd>
            ))}
          </div>
        ))}
      </dl>
      {rules.versions.length > 1 && (
        <nav aria-labelledby="playcart-rules-versions">
          <h2 id="playcart-rules-versions">Versions of these rules</h2>
          <ul>
            {rules.versions.map((v) => (
              <li key={v.version}>
                <a href={versionHref(v.version)} aria-current={v.version === doc.version ? "page" : undefined}>
                  Version {v.version}
                </a>
                , from {date(v.validFrom)}
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}
