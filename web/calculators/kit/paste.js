// A block copied from a spreadsheet (tab-separated lines) or typed as comma-separated lines.

// The cells of a pasted block, one array per non-empty line; null when the text is a single value
// (no tab or line break), which the browser pastes into the one cell as usual.
export const parsePastedBlock = (text) => {
  if (!/[\t\n]/.test(text)) return null;
  const lines = text
    .replace(/\r/g, "")
    .split("\n")
    .filter((line) => line.trim() !== "");
  return lines.map((line) => line.split(line.includes("\t") ? "\t" : ",").map((cell) => cell.trim()));
};
