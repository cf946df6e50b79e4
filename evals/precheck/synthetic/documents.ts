import type { DocumentKind } from '../../../src/agents/precheck/index.js';
import { displayDate, type Person } from './people.js';
import type { Random } from './random.js';

/**
 * Synthetic documents in our own wording and layout, with the field labels Vietnamese civil papers
 * use. Each document knows its kind and the values it carries (the ground truth for field F1).
 * Wording varies by seed (title variants, optional lines, label spellings) so the classifier does
 * not learn one template.
 */

export interface SyntheticDocument {
  kind: DocumentKind;
  /** A short name for file names and reports. */
  name: string;
  /** Lines per page; `# ` marks a centred heading. */
  pages: string[][];
  truth: Record<string, string>;
  /** Rendered as an ID card (small landscape image) when scanned. */
  card?: boolean;
  /** A real blank form to fill instead of `pages` (see real-forms.ts). */
  fill?: { form: 'khai-sinh' | 'ct01' | 'dc01'; entries: { label: string; value: string }[] };
}

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
const nameLabel = (random: Random) => random.pick(['Họ, chữ đệm, tên', 'Họ, chữ đệm và tên', 'Họ và tên']);
const dobLabel = (random: Random) => random.pick(['Ngày, tháng, năm sinh', 'Ngày sinh']);
const place = (random: Random) => random.pick(['Ia Grai', 'Pleiku', 'Chư Păh', 'An Khê', 'Đak Đoa']);
const signOff = (random: Random, reference: string) => [`${place(random)}, ngày ${displayDate(reference).replace(/\//g, ' tháng ').replace(/ tháng (\d{4})$/u, ' năm $1')}`, 'Người yêu cầu', '(Ký, ghi rõ họ tên)'];

export function idCard(random: Random, person: Person): SyntheticDocument {
  const old = random.chance(0.3);
  return {
    kind: 'can_cuoc',
    name: 'can-cuoc',
    card: true,
    pages: [[
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '# ' + (old ? 'CĂN CƯỚC CÔNG DÂN' : 'CĂN CƯỚC'),
      old ? 'Citizen Identity Card' : 'Identity Card',
      `Số / No.: ${person.idNumber}`,
      'Họ và tên / Full name:',
      person.fullName.toUpperCase(),
      `Ngày sinh / Date of birth: ${displayDate(person.dateOfBirth)}`,
      `Giới tính / Sex: ${person.sex}    Quốc tịch / Nationality: Việt Nam`,
      `Nơi thường trú / Place of residence: ${person.residence}`,
      `Có giá trị đến / Date of expiry: ${person.expiryDate.includes('-') ? displayDate(person.expiryDate) : 'Không thời hạn'}`,
    ]],
    truth: { fullName: person.fullName, idNumber: person.idNumber, dateOfBirth: person.dateOfBirth, sex: person.sex, ...(person.expiryDate.includes('-') ? { expiryDate: person.expiryDate } : {}) },
  };
}

export function birthDeclaration(random: Random, requester: Person, child: Person, mother: Person, father: Person, reference: string): SyntheticDocument {
  return {
    kind: 'to_khai',
    name: 'to-khai-khai-sinh',
    pages: [[
      ...MOTTO,
      '# TỜ KHAI ĐĂNG KÝ KHAI SINH',
      `Kính gửi: Ủy ban nhân dân ${random.pick(['xã Ia Grai', 'phường Pleiku', 'xã Chư Păh'])}`,
      `${nameLabel(random)} người yêu cầu: ${requester.fullName}`,
      `${dobLabel(random)}: ${displayDate(requester.dateOfBirth)}`,
      `Nơi cư trú: ${requester.residence}`,
      `Giấy tờ tùy thân: ${requester.idNumber}`,
      `Quan hệ với người được khai sinh: ${requester === mother ? 'Mẹ' : 'Cha'}`,
      'Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:',
      `${nameLabel(random)}: ${child.fullName}`,
      `${dobLabel(random)}: ${displayDate(child.dateOfBirth)}`,
      `Giới tính: ${child.sex}    Dân tộc: ${child.ethnicity}    Quốc tịch: Việt Nam`,
      `Nơi sinh: ${random.pick(['Bệnh viện Đa khoa tỉnh Gia Lai', 'Trạm y tế xã Ia Grai', 'Bệnh viện Nhi Gia Lai'])}`,
      `${nameLabel(random)} người mẹ: ${mother.fullName}`,
      `Năm sinh: ${mother.dateOfBirth.slice(0, 4)}    Dân tộc: ${mother.ethnicity}    Quốc tịch: Việt Nam`,
      `${nameLabel(random)} người cha: ${father.fullName}`,
      `Năm sinh: ${father.dateOfBirth.slice(0, 4)}    Dân tộc: ${father.ethnicity}    Quốc tịch: Việt Nam`,
      'Tôi cam đoan nội dung khai trên đây là đúng sự thật và chịu trách nhiệm về lời khai của mình.',
      ...signOff(random, reference),
    ]],
    truth: {
      requesterName: requester.fullName,
      requesterDateOfBirth: requester.dateOfBirth,
      requesterIdNumber: requester.idNumber,
      childName: child.fullName,
      childDateOfBirth: child.dateOfBirth,
      childSex: child.sex,
      motherName: mother.fullName,
      motherBirthYear: mother.dateOfBirth.slice(0, 4),
      fatherName: father.fullName,
      fatherBirthYear: father.dateOfBirth.slice(0, 4),
    },
  };
}

export function birthCertificate(random: Random, child: Person, mother: Person): SyntheticDocument {
  return {
    kind: 'giay_chung_sinh',
    name: 'giay-chung-sinh',
    pages: [[
      `${random.pick(['Bệnh viện Đa khoa tỉnh Gia Lai', 'Trung tâm Y tế huyện Chư Sê', 'Trạm y tế xã Ia Ly'])}`,
      `Số: ${random.int(100, 9999)}/GCS`,
      '# GIẤY CHỨNG SINH',
      `${nameLabel(random)} mẹ: ${mother.fullName}`,
      `Năm sinh: ${mother.dateOfBirth.slice(0, 4)}`,
      `Số định danh cá nhân: ${mother.idNumber}`,
      `Nơi thường trú: ${mother.residence}`,
      `Dân tộc: ${mother.ethnicity}`,
      `Đã sinh con vào lúc: ${random.int(0, 23)} giờ ${random.int(0, 59)} phút, ngày ${displayDate(child.dateOfBirth)}`,
      `Tại: ${random.pick(['Khoa Sản', 'Phòng sinh', 'Khoa Phụ sản'])}`,
      `Số con trong lần sinh này: 1`,
      `Giới tính của con: ${child.sex}`,
      `Cân nặng: ${(random.int(25, 40) / 10).toFixed(1).replace('.', ',')} kg`,
      `Dự định đặt tên con: ${child.fullName}`,
      'Người đỡ đẻ                    Thủ trưởng cơ sở y tế',
    ]],
    truth: { motherName: mother.fullName, motherBirthYear: mother.dateOfBirth.slice(0, 4), motherIdNumber: mother.idNumber, childDateOfBirth: child.dateOfBirth, childSex: child.sex, childName: child.fullName },
  };
}

function partyLines(random: Random, title: string, person: Person): string[] {
  return [
    title,
    `${nameLabel(random)}: ${person.fullName}`,
    `${dobLabel(random)}: ${displayDate(person.dateOfBirth)}`,
    `Dân tộc: ${person.ethnicity}    Quốc tịch: Việt Nam`,
    `Nơi cư trú: ${person.residence}`,
    `Số định danh cá nhân: ${person.idNumber}`,
    `Kết hôn lần thứ: ${random.pick(['Nhất', '1'])}`,
  ];
}

export function marriageDeclaration(random: Random, wife: Person, husband: Person, reference: string): SyntheticDocument {
  return {
    kind: 'to_khai',
    name: 'to-khai-ket-hon',
    pages: [[
      ...MOTTO,
      '# TỜ KHAI ĐĂNG KÝ KẾT HÔN',
      `Kính gửi: Ủy ban nhân dân ${random.pick(['xã Ia Grai', 'phường Pleiku', 'xã Đak Đoa'])}`,
      ...partyLines(random, 'BÊN NỮ', wife),
      ...partyLines(random, 'BÊN NAM', husband),
      'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện.',
      ...signOff(random, reference),
    ]],
    truth: {
      wifeName: wife.fullName, wifeDateOfBirth: wife.dateOfBirth, wifeIdNumber: wife.idNumber,
      husbandName: husband.fullName, husbandDateOfBirth: husband.dateOfBirth, husbandIdNumber: husband.idNumber,
    },
  };
}

export function marriageCertificate(random: Random, wife: Person, husband: Person, registered: string): SyntheticDocument {
  return {
    kind: 'giay_chung_nhan_ket_hon',
    name: 'giay-chung-nhan-ket-hon',
    pages: [[
      ...MOTTO,
      '# GIẤY CHỨNG NHẬN KẾT HÔN',
      `Số: ${random.int(1, 300)}    Quyển số: ${random.int(1, 5)}/${registered.slice(0, 4)}`,
      'Thông tin bên chồng',
      `${nameLabel(random)}: ${husband.fullName}`,
      `Ngày, tháng, năm sinh: ${displayDate(husband.dateOfBirth)}`,
      `Số định danh cá nhân: ${husband.idNumber}`,
      'Thông tin bên vợ',
      `${nameLabel(random)}: ${wife.fullName}`,
      `Ngày, tháng, năm sinh: ${displayDate(wife.dateOfBirth)}`,
      `Số định danh cá nhân: ${wife.idNumber}`,
      `Ngày đăng ký: ${displayDate(registered)}`,
      'Chữ ký của hai bên nam nữ            Người ký Giấy chứng nhận kết hôn',
    ]],
    truth: { husbandName: husband.fullName, husbandDateOfBirth: husband.dateOfBirth, wifeName: wife.fullName, wifeDateOfBirth: wife.dateOfBirth, registrationDate: registered },
  };
}

export function birthExtract(random: Random, person: Person, mother: Person, father: Person, registered: string): SyntheticDocument {
  return {
    kind: 'trich_luc_ho_tich',
    name: 'trich-luc-khai-sinh',
    pages: [[
      ...MOTTO,
      `# ${random.pick(['TRÍCH LỤC KHAI SINH', 'TRÍCH LỤC KHAI SINH (BẢN SAO)', 'BẢN SAO TRÍCH LỤC KHAI SINH'])}`,
      `Số: ${random.int(1, 900)}/TLKS-BS`,
      `${nameLabel(random)}: ${person.fullName}`,
      `${dobLabel(random)}: ${displayDate(person.dateOfBirth)}`,
      `Giới tính: ${person.sex}    Dân tộc: ${person.ethnicity}    Quốc tịch: Việt Nam`,
      `Số định danh cá nhân: ${person.idNumber}`,
      `${nameLabel(random)} người mẹ: ${mother.fullName}`,
      `${nameLabel(random)} người cha: ${father.fullName}`,
      `Nơi đăng ký khai sinh: Ủy ban nhân dân ${random.pick(['xã Ia Grai', 'phường Pleiku'])}`,
      `Ngày đăng ký: ${displayDate(registered)}`,
    ]],
    truth: { fullName: person.fullName, dateOfBirth: person.dateOfBirth, sex: person.sex, idNumber: person.idNumber, motherName: mother.fullName, fatherName: father.fullName },
  };
}

export function extractRequest(random: Random, requester: Person, subject: Person, reference: string): SyntheticDocument {
  return {
    kind: 'to_khai',
    name: 'to-khai-cap-ban-sao',
    pages: [[
      ...MOTTO,
      `# ${random.pick(['TỜ KHAI ĐỀ NGHỊ CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH', 'TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH'])}`,
      `Kính gửi: Ủy ban nhân dân ${random.pick(['xã Ia Grai', 'phường Pleiku'])}`,
      `${nameLabel(random)} người yêu cầu: ${requester.fullName}`,
      `Nơi cư trú: ${requester.residence}`,
      `Giấy tờ tùy thân: ${requester.idNumber}`,
      `Quan hệ với người được cấp bản sao: ${requester === subject ? 'Bản thân' : 'Con'}`,
      'Đề nghị cấp bản sao trích lục khai sinh cho người có tên dưới đây:',
      `${nameLabel(random)}: ${subject.fullName}`,
      `${dobLabel(random)}: ${displayDate(subject.dateOfBirth)}`,
      `Số lượng bản sao: ${random.int(1, 3)} bản`,
      ...signOff(random, reference),
    ]],
    truth: { requesterName: requester.fullName, requesterIdNumber: requester.idNumber, fullName: subject.fullName, dateOfBirth: subject.dateOfBirth },
  };
}

export function residenceDeclaration(random: Random, person: Person, householder: Person, newAddress: string, reference: string): SyntheticDocument {
  return {
    kind: 'to_khai',
    name: 'to-khai-ct01',
    pages: [[
      'Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA',
      ...MOTTO,
      '# TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ',
      'Kính gửi: Công an xã Ia Grai',
      `1. ${nameLabel(random)}: ${person.fullName}`,
      `2. Ngày, tháng, năm sinh: ${displayDate(person.dateOfBirth)}    3. Giới tính: ${person.sex}`,
      `4. Số định danh cá nhân: ${person.idNumber}`,
      `5. Số điện thoại liên hệ: 09${random.digits(8)}`,
      `6. Họ, chữ đệm và tên chủ hộ: ${householder.fullName}`,
      `7. Quan hệ với chủ hộ: ${householder === person ? 'Chủ hộ' : random.pick(['Con', 'Vợ', 'Em'])}`,
      `8. Số định danh cá nhân của chủ hộ: ${householder.idNumber}`,
      `9. Nội dung đề nghị: Đăng ký thường trú tại ${newAddress}`,
      ...signOff(random, reference),
    ]],
    truth: { fullName: person.fullName, dateOfBirth: person.dateOfBirth, sex: person.sex, idNumber: person.idNumber, householderName: householder.fullName },
  };
}

export function rentalContract(random: Random, lessor: Person, lessee: Person, where: string, signed: string): SyntheticDocument {
  return {
    kind: 'giay_to_cu_tru',
    name: 'hop-dong-thue-nha',
    pages: [[
      ...MOTTO,
      `# ${random.pick(['HỢP ĐỒNG THUÊ NHÀ Ở', 'HỢP ĐỒNG CHO THUÊ NHÀ', 'HỢP ĐỒNG CHO Ở NHỜ'])}`,
      `Hôm nay, ngày ${displayDate(signed)}, tại ${where}, chúng tôi gồm:`,
      'BÊN CHO THUÊ (Bên A)',
      `${nameLabel(random)}: ${lessor.fullName}`,
      `Số định danh cá nhân: ${lessor.idNumber}`,
      'BÊN THUÊ (Bên B)',
      `${nameLabel(random)}: ${lessee.fullName}`,
      `Ngày sinh: ${displayDate(lessee.dateOfBirth)}`,
      `Số định danh cá nhân: ${lessee.idNumber}`,
      `Điều 1. Bên A cho Bên B thuê nhà ở tại ${where}, diện tích ${random.int(30, 120)} m2.`,
      `Điều 2. Thời hạn thuê ${random.int(2, 5)} năm; giá thuê ${random.int(2, 8)}.000.000 đồng/tháng.`,
      'Điều 3. Bên A đồng ý để Bên B đăng ký thường trú tại chỗ ở này.',
      `Chứng thực: Ủy ban nhân dân ${random.pick(['xã Ia Grai', 'phường Pleiku'])} chứng thực hợp đồng, số chứng thực ${random.int(10, 999)}.`,
    ]],
    truth: { lessorName: lessor.fullName, lesseeName: lessee.fullName, lesseeIdNumber: lessee.idNumber },
  };
}

export function authorisation(random: Random, principal: Person, agent: Person, task: string, reference: string): SyntheticDocument {
  return {
    kind: 'giay_uy_quyen',
    name: 'giay-uy-quyen',
    pages: [[
      ...MOTTO,
      `# ${random.pick(['GIẤY ỦY QUYỀN', 'VĂN BẢN ỦY QUYỀN'])}`,
      'BÊN ỦY QUYỀN',
      `${nameLabel(random)}: ${principal.fullName}`,
      `Ngày sinh: ${displayDate(principal.dateOfBirth)}`,
      `Số định danh cá nhân: ${principal.idNumber}`,
      'BÊN ĐƯỢC ỦY QUYỀN',
      `${nameLabel(random)}: ${agent.fullName}`,
      `Ngày sinh: ${displayDate(agent.dateOfBirth)}`,
      `Số định danh cá nhân: ${agent.idNumber}`,
      `Nội dung ủy quyền: Thay mặt bên ủy quyền ${task}.`,
      `Thời hạn ủy quyền: từ ngày ${displayDate(reference)} đến khi hoàn thành công việc.`,
      ...signOff(random, reference),
    ]],
    truth: { principalName: principal.fullName, principalIdNumber: principal.idNumber, agentName: agent.fullName, agentIdNumber: agent.idNumber },
  };
}

export function pledge(random: Random, person: Person, content: string, reference: string): SyntheticDocument {
  return {
    kind: 'van_ban_cam_doan',
    name: 'van-ban-cam-doan',
    pages: [[
      ...MOTTO,
      `# ${random.pick(['VĂN BẢN CAM ĐOAN', 'GIẤY CAM ĐOAN', 'BẢN CAM ĐOAN'])}`,
      `${nameLabel(random)}: ${person.fullName}`,
      `Ngày sinh: ${displayDate(person.dateOfBirth)}`,
      `Số định danh cá nhân: ${person.idNumber}`,
      `Nơi cư trú: ${person.residence}`,
      `Tôi xin cam đoan ${content}. Nếu sai tôi xin chịu trách nhiệm trước pháp luật.`,
      ...signOff(random, reference),
    ]],
    truth: { fullName: person.fullName, idNumber: person.idNumber },
  };
}

const DIPLOMAS = ['BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG', 'BẰNG CỬ NHÂN', 'GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT', 'CHỨNG CHỈ NGOẠI NGỮ', 'HỌC BẠ TRUNG HỌC CƠ SỞ', 'GIẤY KHEN'];

/** The paper a citizen brings to have copies certified (bản chính cần chứng thực). */
export function paperToCertify(random: Random, person: Person, options: { secret?: boolean } = {}): SyntheticDocument {
  const title = random.pick(DIPLOMAS);
  return {
    kind: 'ban_can_chung_thuc',
    name: 'ban-chinh-can-chung-thuc',
    pages: [[
      ...(options.secret ? ['MẬT', 'Tài liệu không được sao chụp'] : []),
      ...MOTTO,
      `# ${title}`,
      `${random.pick(['Cấp cho', 'Chứng nhận'])}: ${person.fullName}`,
      `Ngày sinh: ${displayDate(person.dateOfBirth)}`,
      `Nơi sinh: ${person.placeOfOrigin}`,
      random.pick([`Đã tốt nghiệp năm ${random.int(2000, 2022)}, xếp loại ${random.pick(['Khá', 'Giỏi', 'Trung bình'])}`, `Thửa đất số ${random.int(1, 900)}, tờ bản đồ số ${random.int(1, 60)}`, `Đạt trình độ ${random.pick(['A2', 'B1', 'B2'])} theo khung năng lực ngoại ngữ`]),
      `Số vào sổ cấp: ${random.int(100, 99999)}/${random.pick(['QĐ', 'VB', 'CC'])}`,
      `${random.pick(['Hiệu trưởng', 'Giám đốc', 'Chủ tịch'])}`,
    ]],
    truth: {},
  };
}

const OTHER_TITLES = ['BIÊN LAI THU TIỀN', 'GIẤY KHÁM SỨC KHỎE', 'HÓA ĐƠN TIỀN ĐIỆN', 'PHIẾU XUẤT KHO', 'THÔNG BÁO HỌP PHỤ HUYNH', 'GIẤY MỜI'];

export function otherPaper(random: Random, person: Person): SyntheticDocument {
  return {
    kind: 'khac',
    name: 'giay-to-khac',
    pages: [[
      `# ${random.pick(OTHER_TITLES)}`,
      `Khách hàng: ${person.fullName}`,
      `Địa chỉ: ${person.residence}`,
      `Số tiền: ${random.int(50, 900)}.000 đồng`,
      random.pick(['Kỳ thanh toán tháng 5', 'Kết luận: đủ sức khỏe học tập, lao động', 'Thời gian: 7 giờ 30 sáng thứ Bảy', 'Hàng hóa: văn phòng phẩm']),
    ]],
    truth: {},
  };
}
