// Which pastes into a grid cell are a block of cells for Python to split (kit's grid asks before
// the browser pastes, so the answer must come at once): tab-separated or several lines, or one line
// with a quote or a separator and a word (an industry's row). A lone figure such as "1,714,000"
// stays the cell's own paste.
export const isBlock = (text) => {
  const trimmed = text.trim();
  if (/[\t\n\r]/.test(trimmed)) return true;
  return /[,;]/.test(trimmed) && (/"/.test(trimmed) || /\p{L}/u.test(trimmed));
};
