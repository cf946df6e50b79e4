import JSZip from 'jszip';
import { PDFCheckBox, PDFDocument, PDFDropdown, PDFRadioGroup, PDFTextField, type PDFPage } from 'pdf-lib';

/**
 * Values of fillable forms, read from the file structure rather than OCR'd: AcroForm fields of a
 * PDF (pdf-lib) and content controls / legacy form fields of a DOCX (the XML inside the package).
 * A PDF's text layer does not contain what was typed into its fields, so without this a filled
 * PDF form would look empty.
 */
export interface FormFieldValue {
  /** Field name, alias or tag as the form author set it. */
  label: string;
  value: string;
  page: number;
  /** The field's widget on the page, as fractions (0–1) of the page's view box, top-left origin. */
  box?: { x: number; y: number; width: number; height: number };
}

export async function readPdfFormFields(bytes: Uint8Array): Promise<FormFieldValue[]> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return [];
  }
  const pages = document.getPages();
  const pageOf = new Map(pages.map((page, index) => [page.ref.toString(), index + 1]));
  const values: FormFieldValue[] = [];
  for (const field of document.getForm().getFields()) {
    let value = '';
    if (field instanceof PDFTextField) value = field.getText() ?? '';
    else if (field instanceof PDFCheckBox) value = field.isChecked() ? 'x' : '';
    else if (field instanceof PDFDropdown) value = field.getSelected().join(', ');
    else if (field instanceof PDFRadioGroup) value = field.getSelected() ?? '';
    if (!value.trim()) continue;
    const widget = field.acroField.getWidgets()[0];
    const pageRef = widget?.P()?.toString();
    const page = (pageRef && pageOf.get(pageRef)) || 1;
    const box = widget ? widgetBox(widget.getRectangle(), pages[page - 1]) : undefined;
    values.push({ label: field.getName(), value: value.trim(), page, ...(box ? { box } : {}) });
  }
  return values;
}

/** Unrotated pages only: a widget on a turned page is rare enough to go without a box. */
function widgetBox(rectangle: { x: number; y: number; width: number; height: number }, page: PDFPage | undefined): FormFieldValue['box'] {
  if (!page || page.getRotation().angle % 360 !== 0) return undefined;
  const view = page.getCropBox();
  if (view.width <= 0 || view.height <= 0) return undefined;
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  const left = clamp((rectangle.x - view.x) / view.width);
  const right = clamp((rectangle.x + rectangle.width - view.x) / view.width);
  const top = clamp(1 - (rectangle.y + rectangle.height - view.y) / view.height);
  const bottom = clamp(1 - (rectangle.y - view.y) / view.height);
  if (right <= left || bottom <= top) return undefined;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

function runsText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXml(match[1] ?? '')).join('');
}

export async function readDocxFormFields(bytes: Uint8Array): Promise<FormFieldValue[]> {
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('word/document.xml')?.async('string');
  } catch {
    return [];
  }
  if (!xml) return [];
  const values: FormFieldValue[] = [];
  // content controls: <w:sdt><w:sdtPr><w:alias w:val=…/><w:tag w:val=…/>…</w:sdtPr><w:sdtContent>…</w:sdtContent></w:sdt>
  for (const match of xml.matchAll(/<w:sdt>([\s\S]*?)<\/w:sdt>/g)) {
    const body = match[1] ?? '';
    const properties = /<w:sdtPr>([\s\S]*?)<\/w:sdtPr>/.exec(body)?.[1] ?? '';
    if (/<w:showingPlcHdr\/>/.test(properties)) continue;
    const label = /<w:alias w:val="([^"]*)"/.exec(properties)?.[1] ?? /<w:tag w:val="([^"]*)"/.exec(properties)?.[1];
    const content = /<w:sdtContent>([\s\S]*)<\/w:sdtContent>/.exec(body)?.[1] ?? '';
    const value = runsText(content).trim();
    if (label && value) values.push({ label: decodeXml(label), value, page: 1 });
  }
  // legacy form fields: <w:ffData><w:name w:val=…/>…  then the result between "separate" and "end"
  for (const match of xml.matchAll(/<w:ffData>([\s\S]*?)<\/w:ffData>([\s\S]*?)<w:fldChar w:fldCharType="end"\/>/g)) {
    const label = /<w:name w:val="([^"]*)"/.exec(match[1] ?? '')?.[1];
    const after = match[2] ?? '';
    const separate = after.indexOf('w:fldCharType="separate"');
    const value = separate >= 0 ? runsText(after.slice(separate)).trim() : '';
    if (label && value) values.push({ label: decodeXml(label), value, page: 1 });
  }
  return values;
}
