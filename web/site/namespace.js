// The one global the site's own scripts define, window.StartToolkit: where the bundles of one
// window (site, calculators, the offline loader and the offline pack's data scripts) meet.
export const toolkit = () => {
  globalThis.StartToolkit ??= {};
  return globalThis.StartToolkit;
};

// Runs setup() once per window and keeps what it returns under `name`. Material runs a page's
// scripts again after each instant navigation, so an entry point must not start twice.
export const once = (name, setup) => {
  const ns = toolkit();
  ns[name] ??= setup() ?? true;
  return ns[name];
};
