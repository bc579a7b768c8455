// Where the site's assets/ folder is, from the address of the bundle being run (assets/web/<kind>.js).
// Read while the bundle's first lines run: document.currentScript is only set then.
export const ASSETS = new URL("../", document.currentScript?.src ?? document.baseURI);
