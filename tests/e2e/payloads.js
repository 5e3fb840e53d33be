// Hostile text for the free-text fields: what would run script if the app ever treated an
// answer as markup, and what tends to break text handling or the layout. Each script payload
// sets window.__hostile if it runs; the elements it would create are listed in CREATED.
import { expect } from "@playwright/test";

export const FLAG = "__hostile";
const RUN = `window.${FLAG}=1`;

/// Payloads that would run script or add elements if an answer were parsed as HTML.
export const SCRIPTS = [
  { kind: "script tag", text: `<script>${RUN}</script>` },
  { kind: "img onerror", text: `<img src=x onerror=${RUN}>` },
  { kind: "svg onload", text: `<svg id=hostile-svg onload=${RUN}>` },
  { kind: "javascript: URL", text: `javascript:${RUN}` },
  { kind: "attribute breaker", text: `"><b id=hostile-b>b</b>'><i id=hostile-i>` },
  { kind: "single-quote breaker", text: `'><iframe srcdoc=<script>${RUN}</script>>` },
];

/// Payloads that run nothing but test that text stays text, whatever its characters.
export const OTHERS = [
  { kind: "template", text: "{{7*7}} ${7*7} #{7*7} <%= 7*7 %>" },
  { kind: "HTML entities and markup", text: "&lt;b&gt;&amp;amp;&#60;i&#62;<!--c--><i>i</i>" },
  { kind: "right-to-left", text: "abc\u202Egpj.exe\u202C \u200Fשלום\u200E عربى" },
  { kind: "zero-width", text: "a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf" },
  { kind: "emoji", text: "👩‍💻 👨‍👩‍👧‍👦 🇰🇿 🏳️‍🌈 👍🏽" },
  { kind: "control characters", text: "nul\u0000bel\u0007esc\u001B\u007Fdel\u0085nel" },
  { kind: "long", long: true },
];

/// Every payload class, for the check that each journey met each of them.
export const KINDS = [...SCRIPTS, ...OTHERS].map((p) => p.kind);

/// Elements any payload would create if it were parsed as HTML.
export const CREATED =
  'img[src="x"], svg#hostile-svg, #hostile-b, #hostile-i, iframe, a[href^="javascript:"], script:not([src])';

/// Length as the app counts it (Unicode scalar values, Rust's chars().count()).
export const length = (s) => [...s].length;

/// The value field `index` gets in `round`: one script payload and one other, the long one
/// filling the field to exactly its limit with an unbroken run (the layout's worst case).
export function valueFor(index, round, max) {
  const script = SCRIPTS[(index + round * 5) % SCRIPTS.length];
  const other = OTHERS[(index + round * 3) % OTHERS.length];
  const head = `${script.text} `;
  const text = other.long ? head + "W".repeat(max - length(head)) : `${head}${other.text}`;
  expect(length(text), `payload fits ${max}`).toBeLessThanOrEqual(max);
  return { text, kinds: [script.kind, other.kind] };
}

/// Rust's str::trim: Unicode White_Space at either end (the app trims answers when it shows
/// and sends them; U+FEFF and the other zero-width characters are not white space).
export const rustTrim = (s) => s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, "");

/// Before any page script: records the flag and any element a payload would create, at any
/// moment, even if the page removed it again.
export async function watchForPayloads(page) {
  await page.addInitScript(
    ({ selector }) => {
      window.__hostileNodes = [];
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n.nodeType !== 1) continue;
            for (const el of [n, ...n.querySelectorAll(selector)]) {
              if (el.matches(selector)) window.__hostileNodes.push(el.outerHTML.slice(0, 80));
            }
          }
        }
      }).observe(document, { childList: true, subtree: true });
    },
    { selector: CREATED },
  );
}

/// No script ran, no payload element exists or ever existed, nothing wider than the viewport.
export async function expectInert(page, where) {
  const state = await page.evaluate(
    ({ flag, selector }) => ({
      ran: window[flag] ?? null,
      now: [...document.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 80)),
      ever: window.__hostileNodes ?? [],
      width: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      wide: [...document.querySelectorAll("main *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => `${e.tagName}.${e.className}`)
        .slice(0, 5),
    }),
    { flag: FLAG, selector: CREATED },
  );
  expect(state.ran, `no payload ran script (${where})`).toBeNull();
  expect(state.now, `no payload element (${where})`).toEqual([]);
  expect(state.ever, `no payload element ever added (${where})`).toEqual([]);
  expect(state.wide, `nothing wider than the viewport (${where})`).toEqual([]);
  expect(state.width, `no horizontal scroll (${where})`).toBeLessThanOrEqual(state.viewport);
}
