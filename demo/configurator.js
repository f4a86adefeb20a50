// The embed configurator: reads the options form, updates the live widget and writes the snippet.
// Plain script, no inline code, so it also runs under a strict Content-Security-Policy.

const form = document.getElementById("options");
const code = document.getElementById("code");
const note = document.getElementById("code-note");
const preview = document.getElementById("preview");
const copyButton = document.getElementById("copy");
const copyStatus = document.getElementById("copy-status");
const origin = location.origin;

const DEFAULT_ACCENT = "#005eb8";
const FALLBACK = {
  en: "<p>Need help now? If you or your baby are in danger, call 999 or go to A&amp;E. Samaritans: call 116 123, free, any time.</p>",
  cy: "<p>Angen help nawr? Os ydych chi neu eich babi mewn perygl, ffoniwch 999. Samariaid: ffoniwch 116 123, am ddim, unrhyw bryd.</p>",
};

/** The versioned files and their integrity hashes, written by the build. */
const sri = await fetch("/widget/sri.json")
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null);

function escapeAttr(value) {
  return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function readOptions() {
  const data = new FormData(form);
  const site = String(data.get("site") ?? "").trim();
  return {
    embed: String(data.get("embed") ?? "module"),
    lang: String(data.get("lang") ?? ""),
    stage: data.getAll("stage").map(String),
    kind: data.getAll("kind").map(String),
    postcode: String(data.get("postcode") ?? "").trim(),
    limit: String(data.get("limit") ?? "").trim(),
    radius: String(data.get("radius") ?? "").trim(),
    site: /^[a-z0-9][a-z0-9-]{0,62}$/i.test(site) ? site : "",
    compact: data.get("compact") === "true",
    accent: String(data.get("accent") ?? DEFAULT_ACCENT).toLowerCase(),
  };
}

/** The widget's attributes for these options, in a stable order; null means "leave it out". */
function attributes(o) {
  return [
    ["postcode", o.postcode || null],
    ["stage", o.stage.join(",") || null],
    ["kind", o.kind.join(",") || null],
    ["lang", o.lang || null],
    ["site", o.site || null],
    ["limit", o.limit || null],
    ["radius-km", o.radius || null],
    ["compact", o.compact ? "" : null],
  ];
}

function presentAttributes(o) {
  return attributes(o).filter(([, value]) => value !== null);
}

function scriptTag(o) {
  const classic = o.embed === "classic";
  const pinned = sri && (classic ? sri.classic : sri.module);
  const file = pinned ? pinned.file : classic ? "signpost.iife.js" : "signpost.js";
  const parts = [`src="${origin}/widget/${file}"`];
  if (!classic) parts.unshift('type="module"');
  if (pinned) parts.push(`integrity="${pinned.integrity}"`, 'crossorigin="anonymous"');
  if (classic) parts.push("defer");
  return `<script ${parts.join(" ")}></script>`;
}

function elementTag(o) {
  const attrs = [["api", origin], ...presentAttributes(o)]
    .map(([name, value]) => (name === "compact" ? " compact" : ` ${name}="${escapeAttr(value)}"`))
    .join("");
  const fallback = FALLBACK[o.lang === "cy" ? "cy" : "en"];
  return `<perinatal-signpost${attrs}>\n  ${fallback}\n</perinatal-signpost>`;
}

function embedUrl(o) {
  const url = new URL("/embed", origin);
  for (const [name, value] of presentAttributes(o)) {
    url.searchParams.set(name, name === "compact" ? "true" : value);
  }
  if (o.accent !== DEFAULT_ACCENT) url.searchParams.set("accent", o.accent.slice(1));
  return url.href;
}

function snippet(o) {
  if (o.embed === "iframe") {
    return [
      `<iframe src="${escapeAttr(embedUrl(o))}" title="Find perinatal mental health support" width="100%" height="900" loading="lazy"></iframe>`,
      `<!-- Optional: lets the frame grow and shrink with its content. -->`,
      `<script src="${origin}/embed/host.js" defer></script>`,
    ].join("\n");
  }
  const theme = o.accent !== DEFAULT_ACCENT ? `\n<style>\n  ${themeRule(o)}\n</style>` : "";
  return `${scriptTag(o)}\n${elementTag(o)}${theme}`;
}

/** The theming CSS: pasted in a <style> block, and applied as-is to the preview. */
function themeRule(o) {
  return `perinatal-signpost { --signpost-accent: ${o.accent}; }`;
}
const themeSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeSheet];

function noteFor(o) {
  if (o.embed === "iframe")
    return "Paste this where the widget should appear. The frame reports its height to the optional script.";
  if (!sri) return "Paste this where the widget should appear.";
  return `Pinned to version ${sri.version} with a Subresource Integrity hash: the browser refuses the file if it ever changes.`;
}

function updatePreview(o) {
  if (o.embed === "iframe") {
    let frame = preview.querySelector("iframe");
    if (!frame) {
      frame = document.createElement("iframe");
      frame.title = "Preview of the embedded widget";
      preview.replaceChildren(frame);
    }
    if (frame.src !== embedUrl(o)) frame.src = embedUrl(o);
    return;
  }
  let widget = preview.querySelector("perinatal-signpost");
  if (!widget) {
    widget = document.createElement("perinatal-signpost");
    preview.replaceChildren(widget);
  }
  for (const [name, value] of attributes(o)) {
    if (value === null) widget.removeAttribute(name);
    else if (widget.getAttribute(name) !== value) widget.setAttribute(name, value);
  }
  themeSheet.replaceSync(o.accent !== DEFAULT_ACCENT ? themeRule(o) : "");
}

function update() {
  const o = readOptions();
  code.textContent = snippet(o);
  note.textContent = noteFor(o);
  copyStatus.textContent = "";
  updatePreview(o);
}

copyButton.addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(code.textContent ?? "");
    copyStatus.textContent = "Copied.";
  } catch {
    const range = document.createRange();
    range.selectNodeContents(code);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    copyStatus.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy.";
  }
});

form.addEventListener("input", update);
form.addEventListener("change", update);
update();
