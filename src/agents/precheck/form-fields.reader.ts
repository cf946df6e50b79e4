import JSZip from 'jszip';
import { PDFCheckBox, PDFDocument, PDFDropdown, PDFRadioGroup, PDFTextField } from 'pdf-lib';

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
    values.push({ label: field.getName(), value: value.trim(), page: (pageRef && pageOf.get(pageRef)) || 1 });
  }
  return values;
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
