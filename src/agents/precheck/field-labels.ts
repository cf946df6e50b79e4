/**
 * The labels Vietnamese civil-status and residence documents print before a value, in folded form
 * (no diacritics, lower case), and the person a label or section heading is about. Shared by the
 * line reader (printed text, OCR) and the form-field reader (names of fillable fields).
 */

export type PersonRole =
  | ''
  | 'requester'
  | 'child'
  | 'mother'
  | 'father'
  | 'wife'
  | 'husband'
  | 'principal'
  | 'agent'
  | 'householder'
  | 'lessor'
  | 'lessee';

export type FieldAttribute =
  | 'name'
  | 'dateOfBirth'
  | 'birthYear'
  | 'sex'
  | 'idNumber'
  | 'documentNumber'
  | 'residence'
  | 'placeOfBirth'
  | 'placeOfOrigin'
  | 'nationality'
  | 'ethnicity'
  | 'issueDate'
  | 'expiryDate'
  | 'issuer'
  | 'registrationDate'
  | 'relationship'
  | 'phone'
  | 'email'
  | 'requestContent';

export interface LabelDefinition {
  attribute: FieldAttribute;
  /** Folded label text; `(?<q>…)` may capture a role qualifier. */
  pattern: string;
}

const QUALIFIER = String.raw`(?:\s+(?:cua\s+)?(?:nguoi\s+|ben\s+)?(?<q>duoc khai sinh|duoc uy quyen|uy quyen|yeu cau|chu ho|me|cha|vo|chong|con))?`;

export const LABELS: LabelDefinition[] = [
  { attribute: 'name', pattern: String.raw`du dinh dat ten (?<q>con)` },
  // "Họ, chữ đệm và tên khai sinh" (CT01, DC01): the name as registered at birth
  { attribute: 'name', pattern: String.raw`(?:ho,?\s*chu dem,?\s*(?:va\s+)?ten|ho va ten|ho ten)(?:\s+khai sinh)?` + QUALIFIER },
  { attribute: 'dateOfBirth', pattern: String.raw`sinh (?<q>con) vao (?:luc|ngay)` },
  { attribute: 'dateOfBirth', pattern: String.raw`(?:ngay,?\s*thang,?\s*nam sinh|ngay sinh)` + QUALIFIER },
  { attribute: 'birthYear', pattern: String.raw`nam sinh` + QUALIFIER },
  { attribute: 'sex', pattern: String.raw`gioi tinh` + QUALIFIER },
  {
    attribute: 'idNumber',
    pattern: String.raw`(?:so dinh danh ca nhan|so ddcn|so can cuoc cong dan|so can cuoc|so the can cuoc|so cccd|so cmnd|so chung minh nhan dan|so giay to tuy than|giay to tuy than)` + QUALIFIER,
  },
  { attribute: 'documentNumber', pattern: String.raw`so(?=\s*(?:\/\s*no\.?)?\s*:)` },
  { attribute: 'residence', pattern: String.raw`(?:noi thuong tru|noi cu tru|noi o hien tai|dia chi thuong tru|dia chi cho o|dia chi)` + QUALIFIER },
  { attribute: 'placeOfBirth', pattern: String.raw`noi sinh` },
  { attribute: 'placeOfOrigin', pattern: String.raw`que quan` },
  { attribute: 'nationality', pattern: String.raw`quoc tich` },
  { attribute: 'ethnicity', pattern: String.raw`dan toc` },
  { attribute: 'issueDate', pattern: String.raw`(?:ngay cap|cap ngay|ngay,?\s*thang,?\s*nam cap)` },
  { attribute: 'expiryDate', pattern: String.raw`(?:co gia tri den|gia tri den|ngay het han|co gia tri su dung den)` },
  { attribute: 'issuer', pattern: String.raw`(?:noi cap|co quan cap)` },
  { attribute: 'registrationDate', pattern: String.raw`(?:ngay dang ky|dang ky ngay)` },
  { attribute: 'relationship', pattern: String.raw`(?:moi )?quan he voi (?:nguoi duoc khai sinh|chu ho|nguoi duoc cap ban sao|nguoi uy quyen)` },
  { attribute: 'phone', pattern: String.raw`(?:so dien thoai|dien thoai)` },
  { attribute: 'email', pattern: String.raw`(?:email|thu dien tu)` },
  { attribute: 'requestContent', pattern: String.raw`(?:noi dung de nghi|noi dung yeu cau|noi dung uy quyen|pham vi uy quyen)` },
];

/** English halves of bilingual card labels (`Họ và tên / Full name:`), skipped before the colon. */
export const ENGLISH_LABEL = String.raw`(?:\s*\/\s*(?:full name|date of birth|sex|nationality|place of origin|place of residence|date of expiry|date of issue|no\.?|personal identification number)\s*)?`;

export function qualifierRole(qualifier: string | undefined): PersonRole | undefined {
  switch (qualifier) {
    case undefined:
      return undefined;
    case 'duoc khai sinh':
    case 'con':
      return 'child';
    case 'yeu cau':
      return 'requester';
    case 'me':
      return 'mother';
    case 'cha':
      return 'father';
    case 'vo':
      return 'wife';
    case 'chong':
      return 'husband';
    case 'uy quyen':
      return 'principal';
    case 'duoc uy quyen':
      return 'agent';
    case 'chu ho':
      return 'householder';
    default:
      return undefined;
  }
}

/** Section headings that say whose details follow. Tested on a whole folded line. */
export const SECTION_ROLES: { pattern: RegExp; role: PersonRole }[] = [
  { pattern: /^(?:thong tin )?(?:cua )?ben (?:nu|vo)\b|^(?:thong tin (?:cua )?)?(?:nguoi )?vo\s*:?$/u, role: 'wife' },
  { pattern: /^(?:thong tin )?(?:cua )?ben (?:nam|chong)\b|^(?:thong tin (?:cua )?)?(?:nguoi )?chong\s*:?$/u, role: 'husband' },
  { pattern: /^(?:ben|nguoi) duoc uy quyen\b/u, role: 'agent' },
  { pattern: /^(?:ben|nguoi) uy quyen\b/u, role: 'principal' },
  { pattern: /^(?:ben cho thue|ben cho muon|ben cho o nho|ben a\b)/u, role: 'lessor' },
  { pattern: /^(?:ben thue|ben muon|ben o nho|ben b\b)/u, role: 'lessee' },
  { pattern: /khai sinh cho nguoi duoi day|^thong tin (?:ve )?(?:nguoi duoc khai sinh|tre em|con)\b/u, role: 'child' },
  { pattern: /^thong tin (?:ve )?(?:nguoi )?me\b/u, role: 'mother' },
  { pattern: /^thong tin (?:ve )?(?:nguoi )?cha\b/u, role: 'father' },
  { pattern: /^thong tin (?:ve )?(?:nguoi )?yeu cau\b/u, role: 'requester' },
];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The contract's field names: the document's own subject uses the plain names (fullName,
 * dateOfBirth, idNumber…); other people carry their role (motherName, husbandDateOfBirth…).
 */
export function fieldName(role: PersonRole, attribute: FieldAttribute): string {
  if (role === '') return attribute === 'name' ? 'fullName' : attribute;
  return attribute === 'name' ? `${role}Name` : `${role}${capitalise(attribute)}`;
}

/** The inverse of fieldName for the person attributes consistency checks compare. */
export function splitFieldName(name: string): { role: PersonRole; attribute: FieldAttribute } | undefined {
  if (name === 'fullName') return { role: '', attribute: 'name' };
  const roles: PersonRole[] = ['requester', 'child', 'mother', 'father', 'wife', 'husband', 'principal', 'agent', 'householder', 'lessor', 'lessee'];
  for (const role of roles) {
    if (!name.startsWith(role)) continue;
    const rest = name.slice(role.length);
    if (rest === 'Name') return { role, attribute: 'name' };
    const attribute = rest.charAt(0).toLowerCase() + rest.slice(1);
    if (LABELS.some((label) => label.attribute === attribute)) return { role, attribute: attribute as FieldAttribute };
  }
  if (LABELS.some((label) => label.attribute === name)) return { role: '', attribute: name as FieldAttribute };
  return undefined;
}
