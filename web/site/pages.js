// Widgets live on pages that Material may swap without a reload (instant navigation). Each widget
// is mounted on every page that holds its root element, and cleaned up once that root has left.

// callback() for the first page and again after each instant navigation (Material's document$,
// which replays the current page to a late subscriber). Material's bundle runs at the end of
// <body>, so the subscription waits for the document to be parsed.
export const onEachPage = (callback) => {
  const subscribe = () => {
    const pages = globalThis.document$;
    if (typeof pages?.subscribe === "function") pages.subscribe(() => callback());
    else callback(); // a page without Material's bundle: one page, one call
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe, { once: true });
  else subscribe();
};

// mount(root) for every element matching selector, once per element; what it returns (a function)
// is called when the element is no longer in the document.
export const mountEach = (selector, mount) => {
  const mounted = new Map();
  onEachPage(() => {
    for (const [root, cleanup] of mounted) {
      if (root.isConnected) continue;
      mounted.delete(root);
      cleanup?.();
    }
    for (const root of document.querySelectorAll(selector)) {
      if (mounted.has(root)) continue;
      mounted.set(root, null);
      try {
        mounted.set(root, mount(root) ?? null);
      } catch (error) {
        console.error(`could not start ${selector}:`, error);
      }
    }
  });
};
