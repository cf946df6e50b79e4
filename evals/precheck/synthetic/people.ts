import type { Random } from './random.js';

/**
 * Synthetic people for the pre-check evaluation: names from common Vietnamese family, middle and
 * given names, birth dates, 12-digit personal numbers that encode place, century, sex and birth
 * year the way real ones do, and addresses in Gia Lai. None of them is a real person.
 */

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Rơ Mah', 'Ksor', 'Siu', 'Rah Lan'];
const MIDDLE_MALE = ['Văn', 'Minh', 'Đức', 'Quốc', 'Hữu', 'Thành', 'Công', 'Xuân', 'Ngọc', 'Gia'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Bích', 'Mỹ', 'Hồng', 'Diệu', 'Phương'];
const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khôi', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Trung', 'Vinh', 'Đạt', 'Hiếu', 'Khang', 'Lộc'];
const GIVEN_FEMALE = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhung', 'Oanh', 'Quỳnh', 'Thảo', 'Trang', 'Tuyết', 'Uyên', 'Yến'];
const COMMUNES = ['xã Ia Grai', 'xã Ia Hrung', 'phường Pleiku', 'phường Hội Phú', 'xã Chư Păh', 'xã Đak Đoa', 'xã Ia Ly', 'phường An Khê', 'xã Kông Chro', 'xã Chư Sê'];
const VILLAGES = ['Thôn 1', 'Thôn 2', 'Thôn 3', 'Làng Bua', 'Làng Mrông Yố', 'Tổ dân phố 4', 'Tổ dân phố 7', 'Thôn Tân Lập', 'Làng Út', 'Thôn Hòa Bình'];
const STREETS = ['Lê Lợi', 'Trần Hưng Đạo', 'Hùng Vương', 'Phạm Văn Đồng', 'Nguyễn Tất Thành', 'Lý Thái Tổ', 'Quang Trung'];
export const ETHNICITIES = ['Kinh', 'Kinh', 'Kinh', 'Gia Rai', 'Ba Na', 'Tày', 'Mường'];
/** Gia Lai's code in personal numbers; a few other provinces for people born elsewhere. */
const PLACE_CODES = ['064', '064', '064', '052', '066', '001', '079', '040'];

export type Sex = 'Nam' | 'Nữ';

export interface Person {
  fullName: string;
  sex: Sex;
  dateOfBirth: string; // ISO
  idNumber: string;
  ethnicity: string;
  residence: string;
  placeOfOrigin: string;
  issueDate: string;
  expiryDate: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function displayDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

export function address(random: Random): string {
  if (random.chance(0.35)) return `Số ${random.int(1, 250)} đường ${random.pick(STREETS)}, ${random.pick(['phường Pleiku', 'phường Hội Phú', 'phường Diên Hồng'])}, tỉnh Gia Lai`;
  return `${random.pick(VILLAGES)}, ${random.pick(COMMUNES)}, tỉnh Gia Lai`;
}

export function personalNumber(random: Random, sex: Sex, birthYear: number): string {
  const century = Math.floor((birthYear - 1900) / 100);
  const centurySex = century * 2 + (sex === 'Nữ' ? 1 : 0);
  return `${random.pick(PLACE_CODES)}${centurySex}${String(birthYear % 100).padStart(2, '0')}${random.digits(6)}`;
}

/** Căn cước cards expire at 25, 40 and 60 (Luật Căn cước 2023): the next of those birthdays after issue. */
function cardExpiry(dateOfBirth: string, referenceYear: number): string {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  // a card in use today: it expires at the next of those birthdays after this year
  for (const age of [25, 40, 60]) if (year + age > referenceYear) return isoDate(year + age, month, day);
  return 'không thời hạn';
}

export function makePerson(random: Random, options: { sex?: Sex; birthYear?: number; family?: string; referenceYear: number }): Person {
  const sex = options.sex ?? (random.chance(0.5) ? 'Nam' : 'Nữ');
  const family = options.family ?? random.pick(FAMILY);
  const middle = random.pick(sex === 'Nam' ? MIDDLE_MALE : MIDDLE_FEMALE);
  const given = random.pick(sex === 'Nam' ? GIVEN_MALE : GIVEN_FEMALE);
  const year = options.birthYear ?? random.int(1965, options.referenceYear - 20);
  const dateOfBirth = isoDate(year, random.int(1, 12), random.int(1, 28));
  const issueYear = Math.max(year + 14, options.referenceYear - random.int(1, 6));
  const issueDate = isoDate(Math.min(issueYear, options.referenceYear - 1), random.int(1, 12), random.int(1, 28));
  return {
    fullName: `${family} ${middle} ${given}`,
    sex,
    dateOfBirth,
    idNumber: personalNumber(random, sex, year),
    ethnicity: random.pick(ETHNICITIES),
    residence: address(random),
    placeOfOrigin: `${random.pick(COMMUNES)}, tỉnh Gia Lai`,
    issueDate,
    expiryDate: cardExpiry(dateOfBirth, options.referenceYear),
  };
}

/** A changed spelling that is not just case or diacritics: another given or middle name. */
export function misspell(random: Random, name: string, sex: Sex): string {
  const parts = name.split(' ');
  const pool = sex === 'Nam' ? GIVEN_MALE : GIVEN_FEMALE;
  let replacement = random.pick(pool);
  while (replacement === parts[parts.length - 1]) replacement = random.pick(pool);
  parts[parts.length - 1] = replacement;
  return parts.join(' ');
}
