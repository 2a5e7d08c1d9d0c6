// A game's odds page as plain HTML (no scripts, no host styles): the offer card's "See the
// odds" link lands here when the host serves no odds page of its own. The words are the same
// ones a host's own odds page uses (games/odds-words.ts).
import {
  chanceWords,
  limitWords,
  PLAY_NOUN,
  type PublicOdds,
  playsWords,
  prizeUseWords,
  rewardWords,
  whenWords,
} from "../../games/index.ts";
import { escapeHtml as e } from "../http.ts";

export type OddsPageInput = {
  odds: PublicOdds;
  timeZone: string;
  money: (minor: number) => string;
  home: string;
};

const STYLE = `body{font-family:system-ui,sans-serif;color:#1c1917;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #e7e5e4}
thead th{color:#57534e;font-weight:500}.note{color:#57534e;font-size:.875rem}dt{font-weight:600;margin-top:1rem}dd{margin:0}
a{color:#047857}a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}`;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(title)}</title>
<style>${STYLE}</style>
</head><body><main>${body}</main></body></html>`;

export function oddsPage({ odds, timeZone, money, home }: OddsPageInput): string {
  const noun = PLAY_NOUN[odds.gameType];
  const date = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(d);
  const status = !odds.running
    ? "This game is not running at the moment."
    : odds.openNow
      ? "Open now."
      : "Not open right now: see when below.";
  const rows = odds.prizes
    .map((p) => {
      const chance = chanceWords(p.chance);
      const limits = limitWords(p);
      const cell = p.soldOut
        ? "Sold out"
        : `<strong>${e(chance.percent)}</strong>${chance.oneIn ? ` (${e(chance.oneIn)})` : ""}`;
      return `<tr><th scope="row">${e(p.label)}<br><span class="note">${e(rewardWords(p, money))}</span></th><td>${cell}</td><td>${e(limits.length ? limits.join("; ") : "None")}</td></tr>`;
    })
    .join("");
  const plays = playsWords(odds, money, noun)
    .map((line) => `<li>${e(line)}</li>`)
    .join("");
  return page(
    `Odds and rules: ${odds.name}`,
    `<p class="note">Odds and rules</p>
<h1>${e(odds.name)}</h1>
<p>${e(status)}</p>
<h2 id="prizes-heading">Prizes and chances</h2>
<table aria-labelledby="prizes-heading"><thead><tr><th scope="col">Prize</th><th scope="col">Chance per ${e(noun)}</th><th scope="col">Limits</th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="note">Chances are for a ${e(noun)} made now. When a prize sells out it leaves the draw and the chances of the others grow in proportion.</p>
<h2>Rules</h2>
<dl>
<dt>Who can play</dt><dd>${e(odds.audience ? `${odds.audience}.` : "Shoppers the store has chosen for this game.")}</dd>
<dt>When</dt><dd>${e(whenWords(odds, timeZone, date))}</dd>
<dt>How many plays</dt><dd><ul>${plays}</ul></dd>
<dt>Your prize</dt><dd>${e(prizeUseWords(odds))}</dd>
<dt>How the winner is picked</dt><dd>Our server draws every play with a cryptographic random number generator, within each prize's limits, before the game starts to move. The animation only shows that result.</dd>
</dl>
<p><a href="${e(home)}">Back to the shop</a></p>`,
  );
}

export function oddsNotFoundPage(home: string): string {
  return page(
    "Game not found",
    `<h1>There is no such game</h1><p>This game does not exist or is not public yet.</p><p><a href="${e(home)}">Back to the shop</a></p>`,
  );
}
