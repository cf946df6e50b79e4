/**
 * Abbreviations of Vietnamese administration and their long forms. The tokenizer replaces an
 * abbreviation by its long form on BOTH sides (documents and queries), so `CCCD` finds
 * `căn cước công dân` and `căn cước công dân` finds a passage that only says `CCCD`.
 *
 * Keys are lower case. A key is looked up as written and in its diacritic-free form
 * (`hdnd` → `hđnd`), so users typing without `đ` still hit. Only keys that are not ordinary
 * Vietnamese words belong here (never `xa`, `so`, `ban`…).
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // identity and civil status papers
  cccd: 'căn cước công dân',
  cmnd: 'chứng minh nhân dân',
  cmtnd: 'chứng minh nhân dân',
  gplx: 'giấy phép lái xe',
  gcn: 'giấy chứng nhận',
  gcnqsdđ: 'giấy chứng nhận quyền sử dụng đất',
  qsdđ: 'quyền sử dụng đất',
  gks: 'giấy khai sinh',
  // bodies and levels of government
  ubnd: 'ủy ban nhân dân',
  hđnd: 'hội đồng nhân dân',
  ubmttq: 'ủy ban mặt trận tổ quốc',
  mttq: 'mặt trận tổ quốc',
  tand: 'tòa án nhân dân',
  vksnd: 'viện kiểm sát nhân dân',
  vks: 'viện kiểm sát',
  btp: 'bộ tư pháp',
  bca: 'bộ công an',
  btc: 'bộ tài chính',
  stp: 'sở tư pháp',
  qh: 'quốc hội',
  ubtvqh: 'ủy ban thường vụ quốc hội',
  cp: 'chính phủ',
  ttg: 'thủ tướng chính phủ',
  đsqvn: 'đại sứ quán việt nam',
  cqđd: 'cơ quan đại diện',
  // kinds of documents (also the suffixes of document numbers: 123/2015/NĐ-CP)
  'nđ-cp': 'nghị định chính phủ',
  nđ: 'nghị định',
  tt: 'thông tư',
  'tt-btp': 'thông tư bộ tư pháp',
  'tt-bca': 'thông tư bộ công an',
  'tt-btc': 'thông tư bộ tài chính',
  'ttlt-btp': 'thông tư liên tịch bộ tư pháp',
  ttlt: 'thông tư liên tịch',
  'qđ-ubnd': 'quyết định ủy ban nhân dân',
  'qđ-ttg': 'quyết định thủ tướng chính phủ',
  'qđ-btp': 'quyết định bộ tư pháp',
  qđ: 'quyết định',
  'nq-hđnd': 'nghị quyết hội đồng nhân dân',
  'nq-cp': 'nghị quyết chính phủ',
  nq: 'nghị quyết',
  blds: 'bộ luật dân sự',
  blhs: 'bộ luật hình sự',
  bltths: 'bộ luật tố tụng hình sự',
  bltt: 'bộ luật tố tụng',
  hnvgđ: 'hôn nhân và gia đình',
  vbqppl: 'văn bản quy phạm pháp luật',
  qppl: 'quy phạm pháp luật',
  // public services
  tthc: 'thủ tục hành chính',
  dvc: 'dịch vụ công',
  dvctt: 'dịch vụ công trực tuyến',
  'mot-cua': 'một cửa',
  csdl: 'cơ sở dữ liệu',
  csdlqg: 'cơ sở dữ liệu quốc gia',
  vneid: 'định danh điện tử',
  bhxh: 'bảo hiểm xã hội',
  bhyt: 'bảo hiểm y tế',
  mst: 'mã số thuế',
  kt3: 'tạm trú',
  xntthn: 'xác nhận tình trạng hôn nhân',
  xnttdhn: 'xác nhận tình trạng hôn nhân',
  ndt: 'người dân tộc',
  nnn: 'người nước ngoài',
  vn: 'việt nam',
  tp: 'thành phố',
  tx: 'thị xã',
};

/**
 * Informal and foreign wording citizens type for concepts the documents name formally. Applied
 * to queries only (documents use the formal words). Written from the domain, not from any
 * question set: everyday synonyms and the English words people mix in.
 */
export const QUERY_SYNONYMS: Readonly<Record<string, string>> = {
  // English words mixed into Vietnamese questions
  birth: 'khai sinh',
  'birth certificate': 'giấy khai sinh',
  marriage: 'kết hôn',
  married: 'kết hôn',
  wedding: 'kết hôn',
  divorce: 'ly hôn',
  death: 'khai tử',
  died: 'khai tử',
  foreign: 'nước ngoài',
  foreigner: 'người nước ngoài',
  foreigners: 'người nước ngoài',
  international: 'yếu tố nước ngoài',
  adoption: 'nuôi con nuôi',
  adopt: 'nuôi con nuôi',
  guardian: 'giám hộ',
  guardianship: 'giám hộ',
  certify: 'chứng thực',
  certified: 'chứng thực',
  certification: 'chứng thực',
  notarize: 'chứng thực',
  notarized: 'chứng thực',
  copy: 'bản sao',
  signature: 'chữ ký',
  translator: 'người dịch',
  translation: 'bản dịch',
  contract: 'hợp đồng',
  will: 'di chúc',
  inheritance: 'di sản thừa kế',
  register: 'đăng ký',
  registration: 'đăng ký',
  'register again': 'đăng ký lại',
  reregister: 'đăng ký lại',
  amend: 'thay đổi cải chính',
  correct: 'cải chính',
  correction: 'cải chính',
  single: 'độc thân',
  mobile: 'lưu động',
  paternity: 'nhận cha con',
  father: 'cha',
  mother: 'mẹ',
  child: 'con',
  online: 'trực tuyến',
  fee: 'lệ phí',
  form: 'mẫu tờ khai',
  passport: 'hộ chiếu',
  // everyday Vietnamese for formal terms
  'làm giấy khai sinh': 'đăng ký khai sinh',
  // a citizen's passport is an ordinary one (`phổ thông`), issued (`cấp`) by the police
  'làm hộ chiếu': 'cấp hộ chiếu phổ thông',
  'báo tử': 'khai tử',
  'giấy chứng tử': 'trích lục khai tử',
  'lấy vợ': 'kết hôn',
  'lấy chồng': 'kết hôn',
  'đám cưới': 'kết hôn',
  'làm giấy cưới': 'đăng ký kết hôn',
  'giấy cưới': 'giấy chứng nhận kết hôn',
  'giấy đăng ký kết hôn': 'giấy chứng nhận kết hôn',
  'xin con nuôi': 'nuôi con nuôi',
  'nhận con nuôi': 'nuôi con nuôi',
  'nhận nuôi': 'nuôi con nuôi',
  // a father or mother acknowledging a child is `nhận cha, mẹ, con`
  'nhận con': 'nhận cha mẹ con',
  'công chứng': 'chứng thực',
  'sao y': 'chứng thực bản sao',
  'photo công chứng': 'chứng thực bản sao',
  'photo': 'bản chụp bản sao',
  'phô tô': 'bản chụp bản sao',
  'giấy độc thân': 'giấy xác nhận tình trạng hôn nhân',
  'xác nhận độc thân': 'xác nhận tình trạng hôn nhân',
  // an officer who comes to the family registers "lưu động" (mobile registration)
  'đến tận nơi': 'lưu động',
  'đến tận nhà': 'lưu động',
  'về tận nơi': 'lưu động',
  'tận nhà': 'lưu động',
  // a name is changed or corrected in the civil-status register (thay đổi, cải chính hộ tịch)
  'đổi tên': 'thay đổi thông tin hộ tịch họ tên',
  'sửa tên': 'cải chính thông tin hộ tịch họ tên',
  'sửa giấy khai sinh': 'cải chính hộ tịch',
  // opening a shop is founding a household business; a company, an enterprise
  'mở tiệm': 'thành lập hộ kinh doanh',
  'mở quán': 'thành lập hộ kinh doanh',
  'mở cửa hàng': 'thành lập hộ kinh doanh',
  'mở công ty': 'thành lập doanh nghiệp',
  // everyday names of papers
  'bằng lái xe': 'giấy phép lái xe',
  'bằng lái': 'giấy phép lái xe',
  'sổ đỏ': 'giấy chứng nhận quyền sử dụng đất',
  'sổ hồng': 'giấy chứng nhận quyền sử dụng đất quyền sở hữu nhà ở',
  // the residence confirmation (form CT07) the schools and banks ask for
  'xác nhận cư trú': 'xác nhận thông tin về cư trú',
  // a baby or a child in everyday words; a social protection centre is a care facility (cơ sở nuôi dưỡng)
  'em bé': 'trẻ em',
  'cháu bé': 'trẻ em',
  'đứa bé': 'trẻ em',
  'một bé': 'trẻ em',
  'bé gái': 'trẻ em',
  'bé trai': 'trẻ em',
  'đứa trẻ': 'trẻ em',
  'trung tâm bảo trợ': 'cơ sở nuôi dưỡng',
  // a will is made (`lập`) in the Civil Code's words
  'làm di chúc': 'lập di chúc',
  'viết di chúc': 'lập di chúc',
  // pregnancy in everyday words; the laws say "có thai" (not `mang thai hộ`, surrogacy: see SYNONYM_EXCEPTIONS)
  'mang bầu': 'có thai',
  'mang thai': 'có thai',
  'có bầu': 'có thai',
  // a mistake in a civil-status paper is corrected by the procedure "cải chính"
  'ghi sai': 'cải chính',
  'viết sai': 'cải chính',
  'bị sai': 'cải chính',
  // one who cannot sign presses a fingertip (`lăn tay`): the certification's `điểm chỉ`
  'lăn tay': 'điểm chỉ',
  // a vehicle sold or given is a contract on movable property (`tài sản là động sản`)
  'mua bán xe': 'tài sản là động sản',
  'bán xe': 'tài sản là động sản',
  'tặng cho xe': 'tài sản là động sản',
  // changing a clause of a contract is `sửa đổi, bổ sung`
  'sửa lại': 'sửa đổi',
  'ghi nhầm': 'cải chính',
  'sai sót': 'cải chính',
  // civil status: a lost or destroyed record is registered again (đăng ký lại); cases with a
  // foreign party are the procedures "có yếu tố nước ngoài"
  'mất giấy': 'đăng ký lại',
  'bị mất': 'đăng ký lại',
  'thất lạc': 'đăng ký lại',
  'làm lại': 'đăng ký lại',
  // a lost passport is reported (`trình báo mất`) before another is issued
  'báo mất': 'trình báo mất',
  'mất hộ chiếu': 'trình báo mất hộ chiếu',
  // a card lost or remade is issued again (`cấp lại`), not registered again
  'mất thẻ': 'cấp lại thẻ',
  'làm lại thẻ': 'cấp lại thẻ',
  'nước ngoài': 'có yếu tố nước ngoài',
  'quốc tịch': 'có yếu tố nước ngoài',
  'ủy ban': 'ủy ban nhân dân',
  'việt kiều': 'người việt nam định cư ở nước ngoài',
  // a foreign party named by its country or nationality (marriages with Korean, Chinese, Taiwanese…
  // spouses are common in the province); words that are also Vietnamese words (`lào` of `lao động`,
  // `anh`, `úc`, `nga`) only with `người` / `nước` / `bên` before them
  'ngoại quốc': 'có yếu tố nước ngoài',
  'hàn quốc': 'có yếu tố nước ngoài',
  'trung quốc': 'có yếu tố nước ngoài',
  'đài loan': 'có yếu tố nước ngoài',
  'nhật bản': 'có yếu tố nước ngoài',
  'hoa kỳ': 'có yếu tố nước ngoài',
  'campuchia': 'có yếu tố nước ngoài',
  'thái lan': 'có yếu tố nước ngoài',
  'singapore': 'có yếu tố nước ngoài',
  'malaysia': 'có yếu tố nước ngoài',
  'philippines': 'có yếu tố nước ngoài',
  'indonesia': 'có yếu tố nước ngoài',
  'canada': 'có yếu tố nước ngoài',
  'ấn độ': 'có yếu tố nước ngoài',
  ...Object.fromEntries(
    ['mỹ', 'nhật', 'lào', 'úc', 'pháp', 'đức', 'nga', 'hàn', 'tàu']
      .flatMap((country) => ['người', 'nước', 'bên'].map((before) => [`${before} ${country}`, 'có yếu tố nước ngoài']))
      // `nhà nước pháp quyền`, `nước đục` are not countries
      .filter(([phrase]) => phrase !== 'nước pháp' && phrase !== 'nước đức')
      // `bên anh` / `nước anh` are also "your side" / "your country"
      .concat([['người anh quốc', 'có yếu tố nước ngoài'], ['nước anh quốc', 'có yếu tố nước ngoài']])
      // living or going there (`định cư ở Mỹ`, `sang Hàn`): not for `lào`, `đức`, `nga`, `pháp`, `tàu` (`ở Lào Cai`, `ở Đức Cơ`)
      .concat(['mỹ', 'nhật', 'úc', 'hàn'].flatMap((country) => ['ở', 'sang'].map((before) => [`${before} ${country}`, 'có yếu tố nước ngoài']))),
  ),
};

/**
 * Words that, right after an informal phrase, make it something else: `mang thai hộ` is surrogacy, not a
 * pregnancy (`có thai`).
 */
export const SYNONYM_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  'mang thai': ['hộ'],
};
