// A filled-in assessment as a Word document (.docx): WordprocessingML written as text, zipped here.

import { zip } from "./zip.js";

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const PAGE_WIDTH = 9360; // twips between 1-inch margins on Letter paper

// Escape markup, and drop the control characters XML 1.0 does not allow.
const xml = (value) =>
  String(value)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, "")
    .replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]);

const runs = (text, bold) =>
  String(text)
    .split(/\r?\n/)
    .map(
      (line, index) =>
        `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}${index ? "<w:br/>" : ""}<w:t xml:space="preserve">${xml(line)}</w:t></w:r>`,
    )
    .join("");

const paragraph = (text, style = null, bold = false) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${runs(text, bold)}</w:p>`;

const row = (cells, head = false) =>
  `<w:tr>${head ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells
    .map((cell) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${paragraph(cell, null, head)}</w:tc>`)
    .join("")}</w:tr>`;

const table = (head, rows) => {
  const grid = head.map(() => `<w:gridCol w:w="${Math.floor(PAGE_WIDTH / head.length)}"/>`).join("");
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>${row(head, true)}${rows.map((cells) => row(cells)).join("")}</w:tbl>`
  );
};

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:rPr><w:sz w:val="48"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const core = (title, subject, when) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xml(title)}</dc:title><dc:subject>${xml(subject)}</dc:subject><dc:creator>START Toolkit</dc:creator><cp:keywords>START Toolkit</cp:keywords><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;

// report: {title, date, overall, summaryRows: [[area, answered, average]], weakest, readNext: [text],
// areas: [{title, rows: [[question, answer]], notes}]}
export const docxBytes = (report, now = new Date()) => {
  const body = [
    paragraph(report.title, "Title"),
    paragraph(`START Toolkit self-assessment, filled in on ${report.date}.`),
    paragraph("Summary", "Heading1"),
    paragraph(report.overall),
    table(["Area", "Answered", "Average"], report.summaryRows),
    paragraph(`Weakest areas: ${report.weakest}`, null, false),
    ...(report.readNext.length
      ? [paragraph("Read next", "Heading2"), ...report.readNext.map((line) => paragraph(line))]
      : []),
    ...report.areas.flatMap((area) => [
      paragraph(area.title, "Heading1"),
      table(["Question", "Answer"], area.rows),
      ...(area.notes !== null ? [paragraph(`Notes: ${area.notes}`)] : []),
    ]),
  ].join("");
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const encode = (text) => new TextEncoder().encode(text);
  const when = `${now.toISOString().slice(0, 19)}Z`;
  return zip(
    [
      { name: "[Content_Types].xml", data: encode(CONTENT_TYPES) },
      { name: "_rels/.rels", data: encode(RELS) },
      { name: "word/document.xml", data: encode(document) },
      { name: "word/_rels/document.xml.rels", data: encode(DOCUMENT_RELS) },
      { name: "word/styles.xml", data: encode(STYLES) },
      { name: "docProps/core.xml", data: encode(core(report.title, "Self-assessment answers and summary", when)) },
    ],
    now,
  );
};
