/** The screen stylesheet. Status colours always come with an icon and a word: colour is never the only cue. */
export const SCREEN_CSS = `
:root { --ink: #1b1b1b; --muted: #555; --line: #ccc; --bg: #fff; --accent: #0b4f8a;
  --kept: #1d6b2f; --partial: #6a5a00; --broken: #a3161a; --strain: #8a4b00; --neutral: #4a4a4a; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid #f5a623; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 2; }
header.site, footer.site { padding: .75rem 1.5rem; background: #f3f5f8; border-bottom: 1px solid var(--line); }
footer.site { border-top: 1px solid var(--line); border-bottom: 0; margin-top: 3rem; font-size: .9rem; }
header.site nav ul { list-style: none; display: flex; gap: 1.5rem; margin: 0; padding: 0; flex-wrap: wrap; align-items: baseline; }
header.site .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
h1 { font-size: 1.8rem; line-height: 1.2; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); } h3 { margin-bottom: .25rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
.status { display: inline-block; padding: .05rem .5rem; border-radius: .25rem; border: 2px solid currentColor; font-weight: 600; white-space: nowrap; }
.status-kept, .status-held { color: var(--kept); }
.status-partially_kept { color: var(--partial); }
.status-broken, .status-crossed, .status-overdue { color: var(--broken); }
.status-under_strain { color: var(--strain); }
.status-not_yet_rated, .status-untested { color: var(--neutral); }
.notice { border-left: 6px solid var(--strain); background: #fff6e5; padding: .5rem 1rem; margin: .5rem 0; }
.unconfirmed { border: 2px dashed var(--neutral); padding: .5rem 1rem; margin: .5rem 0; }
.unconfirmed .tag { font-weight: 700; text-transform: uppercase; font-size: .8rem; }
.cite, .asof, .exports { background: #f7f7f7; border: 1px solid var(--line); padding: .5rem 1rem; margin: 1rem 0; font-size: .9rem; }
.cite code { word-break: break-all; }
.counts { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; }
.cards > li { border: 1px solid var(--line); padding: .75rem 1rem; border-radius: .25rem; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1.5rem; }
.side-by-side > section { border: 1px solid var(--line); padding: .5rem 1rem; border-radius: .25rem; }
.side-by-side h2, .cards h3 { margin-top: .25rem; }
.desk-nav { display: flex; gap: 1rem; align-items: center; } form.inline { display: inline; }
.field { margin: .75rem 0; } .field label { display: block; font-weight: 600; } .field .hint { display: block; color: var(--muted); }
.field input, .field select, .field textarea { width: 100%; max-width: 40rem; font: inherit; padding: .3rem .4rem; }
.field.invalid input, .field.invalid select, .field.invalid textarea { border: 2px solid var(--broken); }
.error { color: var(--broken); font-weight: 600; } div.error { border-left: 6px solid var(--broken); background: #fdecec; padding: .5rem 1rem; }
fieldset { border: 1px solid var(--line); margin: 1rem 0; } button { font: inherit; padding: .3rem .8rem; }
.desk-queue > li, .preview { border: 1px solid var(--line); padding: .5rem 1rem; margin: .5rem 0; list-style: none; }
blockquote { margin: .25rem 0 .25rem 1rem; padding-left: .75rem; border-left: 3px solid var(--line); font-style: italic; }
.sources { font-size: .9rem; } .muted { color: var(--muted); }
.chart { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; } .chart svg { max-width: 100%; height: auto; }
form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; } label { display: block; font-weight: 600; }
input, button { font: inherit; padding: .3rem .5rem; }
.card-embed { max-width: 32rem; margin: 0; padding: 1rem; border: 1px solid var(--line); }
`;

/** The print stylesheet: the record and its citation, without navigation or forms. */
export const PRINT_CSS = `
header.site nav, .asof, .exports, .skip, form, footer.site .lang { display: none !important; }
body { font: 11pt/1.4 Georgia, serif; color: #000; }
main { max-width: none; padding: 0; }
a { color: #000; text-decoration: underline; }
main a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 8pt; word-break: break-all; }
.cite { border: 1px solid #000; background: none; page-break-inside: avoid; }
table, .side-by-side > section, .cards > li { page-break-inside: avoid; }
.status { border: 1px solid #000; color: #000 !important; }
`;
