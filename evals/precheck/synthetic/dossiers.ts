import type { Recommendation } from '../../../src/agents/precheck/index.js';
import * as doc from './documents.js';
import { displayDate, isoDate, makePerson, misspell, type Person } from './people.js';
import { Random } from './random.js';
import type { SyntheticDocument } from './documents.js';
import { realBirthDeclaration, realCt01, realDc01, type RealFormRendering } from './real-forms.js';

/**
 * Dossiers for five procedures, each in several variants with the decision an officer would take:
 * complete (typed, scanned, several documents in one file, submitted by an authorised person) →
 * accept; a required document missing, facts that disagree, an expired card, a proxy without
 * authorisation, an unreadable photo → request additions; a bride under 18 or a paper marked secret
 * for copy certification → reject.
 */

export const PROCEDURES = {
  'khai-sinh': 'procedures/provincial/quy_trinh_cap_ho_tich_cap_xa/DOC_001.doc',
  'ket-hon': 'procedures/provincial/quy_trinh_cap_ho_tich_cap_xa/DOC_011.doc',
  'thuong-tru': 'procedures/national/records/bo-cong-an/1.004222.json',
  'chung-thuc': 'procedures/provincial/quy_trinh_chung_thuc/DOC_002.doc',
  'trich-luc': 'procedures/provincial/quy_trinh_cap_ho_tich_cap_xa/DOC_034.doc',
} as const;
export type ProcedureKey = keyof typeof PROCEDURES;

// appended variants keep the earlier ones' random streams (the seed mixes in the variant's index)
export const VARIANTS = ['complete', 'complete_scanned', 'merged', 'missing', 'inconsistent', 'expired', 'proxy_ok', 'proxy_missing', 'illegible', 'refused', 'real_form', 'real_form_scanned', 'real_form_inconsistent'] as const;
export type Variant = (typeof VARIANTS)[number];

export type Rendering = { kind: 'pdf' } | { kind: 'image'; damage: 'light' | 'heavy' } | { kind: 'real'; as: RealFormRendering };

export interface DossierFileSpec {
  name: string;
  documents: SyntheticDocument[];
  rendering: Rendering;
}

export interface DossierSpec {
  id: string;
  procedure: ProcedureKey;
  variant: Variant;
  expected: Recommendation['decision'];
  applicant: { fullName: string; idNumber?: string };
  referenceDate: string;
  files: DossierFileSpec[];
}

const EXPECTED: Record<Variant, Recommendation['decision']> = {
  complete: 'accept',
  complete_scanned: 'accept',
  merged: 'accept',
  proxy_ok: 'accept',
  missing: 'request_additions',
  inconsistent: 'request_additions',
  expired: 'request_additions',
  proxy_missing: 'request_additions',
  illegible: 'request_additions',
  refused: 'reject',
  real_form: 'accept',
  real_form_scanned: 'accept',
  real_form_inconsistent: 'request_additions',
};

/** Variants whose declaration is a real form from $SHARED_DIR/corpora/forms, filled. */
export const REAL_FORM_VARIANTS: readonly Variant[] = ['real_form', 'real_form_scanned', 'real_form_inconsistent'];

/** Which variants make sense for which procedure (no proxy rule for residence, no refusal in most). */
export function variantsFor(procedure: ProcedureKey): Variant[] {
  const all: Variant[] = ['complete', 'complete_scanned', 'merged', 'missing', 'inconsistent', 'expired', 'illegible'];
  if (procedure === 'khai-sinh' || procedure === 'trich-luc') all.push('proxy_ok', 'proxy_missing');
  if (procedure === 'ket-hon' || procedure === 'chung-thuc') all.push('refused');
  if (procedure === 'chung-thuc') return all.filter((variant) => variant !== 'inconsistent' && variant !== 'merged');
  if (procedure === 'khai-sinh' || procedure === 'thuong-tru') all.push(...REAL_FORM_VARIANTS);
  return all;
}

function expire(person: Person, reference: string, random: Random): Person {
  const year = Number(reference.slice(0, 4)) - random.int(1, 3);
  return { ...person, expiryDate: isoDate(year, random.int(1, 12), random.int(1, 28)) };
}

const typed: Rendering = { kind: 'pdf' };
const photo: Rendering = { kind: 'image', damage: 'light' };

export function buildDossier(procedure: ProcedureKey, variant: Variant, seed: number): DossierSpec {
  const random = new Random(seed * 7919 + VARIANTS.indexOf(variant) * 131 + Object.keys(PROCEDURES).indexOf(procedure));
  const referenceYear = 2025;
  const reference = isoDate(referenceYear, random.int(1, 12), random.int(1, 28));
  const adult = (options: Partial<Parameters<typeof makePerson>[1]> = {}) => makePerson(random, { referenceYear, ...options });
  const card = (person: Person) => ({ name: 'can-cuoc', documents: [doc.idCard(random, variant === 'expired' ? expire(person, reference, random) : person)], rendering: random.chance(0.5) ? photo : typed });
  let applicant: Person;
  let files: DossierFileSpec[] = [];
  let required: string[] = [];

  switch (procedure) {
    case 'khai-sinh': {
      const mother = adult({ sex: 'Nữ', birthYear: random.int(1985, 2003) });
      const father = adult({ sex: 'Nam', birthYear: random.int(1982, 2000) });
      const childBirth = isoDate(referenceYear, 1, 1) < reference ? reference : reference;
      const born = new Date(Date.parse(childBirth) - random.int(3, 50) * 86_400_000).toISOString().slice(0, 10);
      const child: Person = { ...adult({ family: father.fullName.split(' ')[0] ?? 'Nguyễn' }), dateOfBirth: born, idNumber: '' };
      const requester = random.chance(0.7) ? mother : father;
      applicant = requester;
      const inconsistent = variant === 'inconsistent' || variant === 'real_form_inconsistent';
      const certificateChild = inconsistent ? { ...child, dateOfBirth: new Date(Date.parse(born) - random.int(2, 20) * 86_400_000).toISOString().slice(0, 10) } : child;
      files = [
        { name: 'to-khai', documents: [doc.birthDeclaration(random, requester, child, mother, father, reference)], rendering: typed },
        { name: 'giay-chung-sinh', documents: [doc.birthCertificate(random, certificateChild, mother)], rendering: random.chance(0.4) ? photo : typed },
        card(requester),
      ];
      required = ['to-khai', 'giay-chung-sinh', 'can-cuoc'];
      if (REAL_FORM_VARIANTS.includes(variant)) {
        files[0] = { name: 'to-khai', documents: [realBirthDeclaration(random, requester, child, mother, father)], rendering: { kind: 'real', as: variant === 'real_form_scanned' ? 'scan' : 'pdf' } };
      }
      if (variant === 'proxy_ok' || variant === 'proxy_missing') {
        const grandparent = adult({ birthYear: random.int(1955, 1970) });
        applicant = grandparent;
        files[2] = card(grandparent);
        if (variant === 'proxy_ok') files.push({ name: 'giay-uy-quyen', documents: [doc.authorisation(random, requester, grandparent, 'làm thủ tục đăng ký khai sinh cho con', reference)], rendering: typed });
      }
      break;
    }
    case 'ket-hon': {
      const underage = variant === 'refused';
      const wife = adult({ sex: 'Nữ', birthYear: underage ? referenceYear - 17 : random.int(1980, 2004) });
      const husband = adult({ sex: 'Nam', birthYear: random.int(1978, 2002) });
      if (underage) wife.dateOfBirth = isoDate(referenceYear - 17, 12, random.int(1, 28));
      applicant = random.chance(0.5) ? wife : husband;
      const wifeOnCard = variant === 'inconsistent' ? { ...wife, fullName: misspell(random, wife.fullName, 'Nữ') } : wife;
      files = [
        { name: 'to-khai', documents: [doc.marriageDeclaration(random, wife, husband, reference)], rendering: typed },
        { ...card(wifeOnCard), name: 'can-cuoc-nu' },
        { ...card(husband), name: 'can-cuoc-nam' },
      ];
      required = ['to-khai', 'can-cuoc-nu|can-cuoc-nam'];
      break;
    }
    case 'thuong-tru': {
      const person = adult();
      const lessor = adult({ birthYear: random.int(1950, 1985) });
      const where = `Số ${random.int(1, 200)} đường ${random.pick(['Lê Duẩn', 'Trường Chinh', 'Cách Mạng Tháng Tám'])}, phường Pleiku, tỉnh Gia Lai`;
      applicant = person;
      const onContract = variant === 'inconsistent' || variant === 'real_form_inconsistent' ? { ...person, fullName: misspell(random, person.fullName, person.sex) } : person;
      files = [
        { name: 'to-khai-ct01', documents: [doc.residenceDeclaration(random, person, random.chance(0.5) ? person : lessor, where, reference)], rendering: typed },
        { name: 'hop-dong-thue-nha', documents: [doc.rentalContract(random, lessor, onContract, where, isoDate(referenceYear - 1, random.int(1, 12), random.int(1, 28)))], rendering: random.chance(0.4) ? photo : typed },
        card(person),
      ];
      required = ['to-khai-ct01', 'hop-dong-thue-nha'];
      if (REAL_FORM_VARIANTS.includes(variant)) {
        const householder = random.chance(0.5) ? person : lessor;
        files[0] = { name: 'to-khai-ct01', documents: [realCt01(random, person, householder, where)], rendering: { kind: 'real', as: variant === 'real_form_scanned' ? 'scan' : 'pdf' } };
        // the population-data slip (DC01) as citizens bring it: the Word file, or the PDF typed over or filled in
        if (variant !== 'real_form_scanned') files.push({ name: 'phieu-dc01', documents: [realDc01(random, person, householder)], rendering: { kind: 'real', as: random.pick(['docx', 'pdf-overlay', 'pdf-fields'] as const) } });
      }
      break;
    }
    case 'chung-thuc': {
      const person = adult();
      applicant = person;
      files = [
        { name: 'ban-chinh', documents: [doc.paperToCertify(random, person, { secret: variant === 'refused' })], rendering: random.chance(0.5) ? photo : typed },
        card(person),
      ];
      required = ['ban-chinh'];
      break;
    }
    case 'trich-luc': {
      const requester = adult();
      const mother = adult({ sex: 'Nữ', birthYear: random.int(1950, 1970) });
      const father = adult({ sex: 'Nam', birthYear: random.int(1948, 1968) });
      const subject = random.chance(0.6) ? requester : adult({ birthYear: random.int(2005, 2015) });
      applicant = requester;
      const requesterOnCard = variant === 'inconsistent' ? { ...requester, fullName: misspell(random, requester.fullName, requester.sex) } : requester;
      files = [
        { name: 'to-khai', documents: [doc.extractRequest(random, requester, subject, reference)], rendering: typed },
        card(requesterOnCard),
      ];
      if (random.chance(0.5)) files.push({ name: 'trich-luc-cu', documents: [doc.birthExtract(random, subject, mother, father, isoDate(Number(subject.dateOfBirth.slice(0, 4)), 6, 1))], rendering: typed });
      required = ['to-khai', 'can-cuoc'];
      if (variant === 'proxy_ok' || variant === 'proxy_missing') {
        const agent = adult();
        applicant = agent;
        files[1] = card(agent);
        if (variant === 'proxy_ok') files.push({ name: 'giay-uy-quyen', documents: [doc.authorisation(random, requester, agent, 'nộp hồ sơ và nhận bản sao trích lục hộ tịch', reference)], rendering: typed });
      }
      break;
    }
  }

  if (variant === 'missing') {
    const choice = random.pick(required).split('|');
    files = files.filter((file) => !choice.includes(file.name));
  }
  if (variant === 'complete_scanned') files = files.map((file, index) => (index < 2 ? { ...file, rendering: photo } : file));
  if (variant === 'illegible') {
    const target = files.findIndex((file) => file.name !== 'can-cuoc');
    files = files.map((file, index) => (index === target ? { ...file, rendering: { kind: 'image', damage: 'heavy' } } : file));
  }
  if (variant === 'merged' && files.length >= 2) {
    const [first, second, ...rest] = files as [DossierFileSpec, DossierFileSpec, ...DossierFileSpec[]];
    files = [{ name: `${first.name}+${second.name}`, documents: [...first.documents, ...second.documents], rendering: typed }, ...rest];
  }
  void displayDate;
  return {
    id: `${procedure}/${variant}/${seed}`,
    procedure,
    variant,
    expected: EXPECTED[variant],
    applicant: { fullName: applicant.fullName, ...(random.chance(0.5) ? { idNumber: applicant.idNumber } : {}) },
    referenceDate: reference,
    files,
  };
}
