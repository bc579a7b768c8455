// Saving a chart as it looks on the page: an SVG file with the page's colors and font written into
// it (a file has no stylesheet), or a PNG drawn from that SVG at twice the size.

const NS = "http://www.w3.org/2000/svg";
// What results.css sets on chart parts, copied onto each element of the saved file.
const PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "paint-order",
];

// The page's background behind the chart, so the file reads the same in light and dark.
const background = (node) => {
  for (let at = node; at; at = at.parentElement) {
    const color = getComputedStyle(at).backgroundColor;
    if (color && color !== "transparent" && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return "#ffffff";
};

// The chart as a standalone SVG document (text), with a title and description for readers of the file.
export const standaloneSvg = (chart, { title, description }) => {
  const copy = chart.cloneNode(true);
  const originals = [chart, ...chart.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    for (const name of PROPERTIES) {
      const value = style.getPropertyValue(name);
      if (value) copies[i].setAttribute(name, value);
    }
    copies[i].removeAttribute("class");
  });
  const width = chart.getAttribute("width");
  const height = chart.getAttribute("height");
  copy.setAttribute("xmlns", NS);
  copy.removeAttribute("role");
  copy.removeAttribute("aria-labelledby");
  copy.removeAttribute("aria-describedby");
  const back = document.createElementNS(NS, "rect");
  for (const [key, value] of Object.entries({ width, height, fill: background(chart) })) back.setAttribute(key, value);
  const titleNode = document.createElementNS(NS, "title");
  titleNode.textContent = title;
  const descNode = document.createElementNS(NS, "desc");
  descNode.textContent = description;
  copy.prepend(titleNode, descNode, back);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
};

// A PNG (Blob) of standalone SVG text at `scale` times its size.
export const pngOf = (text, width, height, scale = 2) =>
  new Promise((resolve, reject) => {
    const image = new Image();
    image.addEventListener("load", () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.ceil(width * scale);
      canvas.height = Math.ceil(height * scale);
      const context = canvas.getContext("2d");
      if (!context) {
        reject(new Error("this browser cannot draw images"));
        return;
      }
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the image could not be made"))), "image/png");
    });
    image.addEventListener("error", () => reject(new Error("the chart could not be drawn as an image")));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });

// Hands a Blob to the browser as a download called name.
export const saveFile = (blob, name) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; a second later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
