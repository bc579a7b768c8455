// Material's inline scripts, as code the Content-Security-Policy allows (it forbids inline code):
// its storage helpers, the saved light/dark palette and the content tab named in the address.

// Material's bundle reads these four globals by name (they are Material's, not this site's).
export const installStorageHelpers = (scope) => {
  const base = new URL(scope ?? ".", location.href);
  Object.assign(globalThis, {
    __md_scope: base,
    __md_hash: (text) => [...text].reduce((hash, c) => (hash << 5) - hash + c.charCodeAt(0), 0),
    __md_get: (key, storage = localStorage, at = globalThis.__md_scope) =>
      JSON.parse(storage.getItem(`${at.pathname}.${key}`)),
    __md_set: (key, value, storage = localStorage, at = globalThis.__md_scope) => {
      try {
        storage.setItem(`${at.pathname}.${key}`, JSON.stringify(value));
      } catch {
        // storage full or blocked: only the preference is lost
      }
    },
  });
};

// Calls found(element) as soon as find() returns one, watching the page as the parser builds it;
// the observer's callbacks run before the browser paints, so nothing flashes.
const whenParsed = (find, found) => {
  const now = find();
  if (now) {
    found(now);
    return;
  }
  const observer = new MutationObserver(() => {
    const element = find();
    if (element) {
      observer.disconnect();
      found(element);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => observer.disconnect(), { once: true });
};

// The reader's saved palette on <body> before it is painted (Material applies it only later).
export const restorePalette = () => {
  const palette = globalThis.__md_get("__palette");
  if (!palette?.color) return;
  const apply = () => {
    for (const [key, value] of Object.entries(palette.color)) document.body.setAttribute(`data-md-color-${key}`, value);
  };
  if (palette.color.media !== "(prefers-color-scheme)") {
    whenParsed(() => document.body, apply);
    return;
  }
  // "Automatic": take the scheme of the palette toggle whose media query matches now.
  const media = matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
  const selector = `[data-md-color-media='(prefers-color-scheme: ${media})']`;
  whenParsed(
    () => document.body && document.querySelector(selector),
    (input) => {
      for (const key of ["media", "scheme", "primary", "accent"]) {
        palette.color[key] = input.getAttribute(`data-md-color-${key}`);
      }
      apply();
    },
  );
};

// A link to a content tab (#__tabbed_1_2) opens that tab.
export const restoreTabFromHash = () => {
  const target = document.getElementById(location.hash.slice(1));
  if (target?.name?.startsWith("__tabbed_") && !target.checked) {
    target.checked = true;
    target.dispatchEvent(new Event("change", { bubbles: true }));
  }
};
