import type { Aspect } from './assistant.types.js';
import { ABBREVIATIONS, QUERY_SYNONYMS } from '../../retrieval/index.js';
import { accentedForm, fold, hasPhrase } from './text-folding.js';

/**
 * What the citizen's message is, before any retrieval: rules over the diacritic-free text, so
 * `le phi bao nhieu` is read like `lệ phí bao nhiêu`. Rules are phrase lists (not a model) so
 * every decision can be explained and the lists extended by the operators.
 */

export type MessageKind = 'question' | 'refused' | 'out_of_scope' | 'personal_data_request' | 'handover' | 'greeting' | 'thanks';

/** Abuse, or help with fraud, violence or other unlawful acts: refused without retrieval. */
const UNSAFE = [
  'lam gia giay', 'lam gia ho so', 'lam gia con dau', 'lam gia chu ky', 'lam gia so', 'gia mao chu ky', 'gia mao giay', 'gia mao con dau',
  'lam con dau gia', 'lam bang gia', 'mua bang gia', 'giay to gia', 'hoi lo', 'dut lot', 'lot tay can bo', 'che tao bom', 'lam bom',
  'mua ma tuy', 'ban ma tuy', 'tron thue', 'rua tien', 'hack', 'tan cong mang',
  'lam giay gia', 'mot to gia', 'to gia co dau', 'tien ca phe', 'tien cafe', 'boi duong can bo', 'boi duong cho can bo', 'dua tien can bo',
  'dua tien cho can bo', 'chay chot', 'lo lot', 'boi duong ho', 'boi duong cho ho', 'bao nhieu thi ho moi',
  // altering a paper so it passes for the real one
  'giong ban that', 'giong nhu ban that', 'giong that', 'photoshop', 'sua ngay cap tren', 'sua tren ban scan', 'sua ban scan',
  // getting past the officials unseen ("sửa năm sinh … mà xã không phát hiện ra")
  'khong phat hien', 'khong bi phat hien', 'khong ai phat hien', 'qua mat can bo', 'qua mat xa', 'qua mat cong an', 'lach luat',
];
/**
 * Making or buying a forged paper, or a bribe, in accented words (`làm một tờ giả`; `giả` without accents is
 * also `gia`, as in `gia hạn`). Asking what the penalty for a forged paper is stays a question.
 */
const UNSAFE_ACCENTED = /(?:^|[^\p{L}])(?:(?:làm|mua|in|khắc)(?:\s+\p{L}+){0,3}\s+giả|(?:gửi|đưa|biếu|cho)\s+(?:cho\s+)?cán bộ\s+(?:ít|chút|một ít)\s+tiền)(?![\p{L}])/u;
/** Insults, matched on the accented text: their diacritic-free forms are ordinary words (`lớn`, `điện`). */
const ABUSE = /(?:^|[^\p{L}])(?:đồ ngu|thằng ngu|con ngu|ngu như|óc chó|đm|đcm|vcl|vãi lồn|địt|lồn|cút đi|mẹ mày)(?![\p{L}])/u;
/** Requests for other people's data or the system's internals: never answered. */
const OTHERS_DATA = [
  'du lieu cua nguoi khac', 'thong tin cua nguoi khac', 'ho so cua nguoi khac', 'ho so nguoi khac', 'cua nguoi dung khac',
  'lich su tro chuyen', 'cuoc tro chuyen cua', 'danh sach nguoi dung', 'so cccd cua', 'so can cuoc cua', 'dia chi nha cua',
  'so dien thoai cua', 'system prompt', 'prompt he thong', 'huong dan he thong', 'mat khau', 'api key', 'khoa bi mat',
];
/**
 * Instructions aimed at the assistant itself (prompt injection). They are cut from the question
 * and change nothing else; what remains is answered as usual.
 */
const INJECTION = [
  /\b(?:hay )?bo qua (?:tat ca |moi |cac )?(?:huong dan|chi dan|quy tac|lenh|yeu cau)(?: truoc do| tren| he thong| cua ban)*\b/g,
  /\bignore (?:all |the )?(?:previous |above |prior )?(?:instructions|rules|prompts?)\b/g,
  /\b(?:tu bay gio )?ban (?:la|dong vai|hay dong vai) [a-z ]{0,40}?(?:khong bi gioi han|tu do|hacker|admin|quan tri)\b/g,
  /\b(?:you are now|act as|pretend to be)(?: an?| the)? [a-z]+/g,
];
/** Asking where one's own dossier stands (not a general question that mentions "hồ sơ của tôi"). */
const DOSSIER_STATUS = [
  'tinh trang ho so', 'trang thai ho so', 'tien do ho so', 'tra cuu ho so', 'ma ho so', 'so bien nhan', 'giay bien nhan cua toi',
  'ho so cua toi den dau', 'ho so den dau', 'ho so dang o dau', 'ket qua ho so cua toi', 'ho so bi tra lai', 'da xu ly xong chua',
  'xu ly xong chua', 'da co ket qua chua', 'den dau roi', 'bao gio toi nhan duoc ket qua', 'sao chua co ket qua', 'da duoc duyet chua',
  'giai quyet toi dau', 'giai quyet den dau', 'toi dau roi', 'kiem tra giup ho so', 'xem giup ho so', 'ho so cua toi giai quyet', 'co bi tra ve khong',
];
const HANDOVER = ['gap can bo', 'noi chuyen voi can bo', 'gap nguoi that', 'chuyen cho can bo', 'can bo tra loi', 'hoi can bo', 'gap truc tiep can bo', 'noi chuyen voi nguoi'];
/** Off-topic words whose diacritic-free forms are ordinary words (`mưa` / `mua`): matched with their accents. */
const OFF_TOPIC_ACCENTED = /(?:^|[^\p{L}])(?:có mưa|trời mưa|mưa to|mưa bão|nắng nóng|trời nắng|nhiệt độ ngoài trời|tỉ số|tỷ số)(?![\p{L}])/u;
/** Topics a one-stop-office assistant does not cover. */
const OFF_TOPIC = [
  'thoi tiet', 'du bao thoi tiet', 'bong da', 'ty so', 'ket qua xo so', 'xo so', 'lo de', 'gia vang', 'gia xang', 'chung khoan', 'gia co phieu',
  'tien ao', 'bitcoin', 'cong thuc nau', 'nau mon', 'mon an', 'bai hat', 'loi bai hat', 'lam tho', 'bai tho', 'viet bai tho', 'ke chuyen cuoi',
  'truyen cuoi', 'da bong', 'doi tuyen', 'tran dau', 'ti so', 'hagl', 'v league', 'vleague', 'da voi doi', 'cau thu', 'world cup', 'phim hay', 'xem phim', 'choi game', 'tro choi', 'viet code', 'lap trinh', 'javascript', 'python', 'giai toan',
  'bai tap toan', 'bai toan', 'hinh tron', 'hinh vuong', 'hinh tam giac', 'chu vi hinh', 'dien tich hinh', 'phuong trinh bac', 'xem tu vi', 'boi bai', 'cung hoang dao', 'hen ho', 'tinh yeu', 'du lich o dau', 'khach san', 've may bay',
  'dat xe', 'mua sam', 'giam can', 'chua benh', 'thuoc chua', 'benh vien nao tot', 'cach nau', 'uop gi', 'uop the nao', 'uop sao', 'cach nuong', 'mon ngon', 'gia vi', 'cho ngon', 'nau an', 'ga nuong', 'thit nuong',
  // repairing one's own devices
  'ket noi wifi', 'ket noi duoc wifi', 'mat wifi', 'wifi bi', 'bat wifi', 'mat khau wifi', 'laptop', 'may tinh cua toi', 'may tinh bi', 'sua may tinh', 'cai win', 'diet virus', 'sua dien thoai', 'dien thoai bi hong', 'may in bi',
  'tat nguon', 'het pin', 'sac pin', 'chai pin', 'samsung', 'iphone', 'android',
];
/**
 * Words of the one-stop office's and the law's domain. A question with none of them that nothing in the corpus
 * answers is out of scope (coffee prices, the weekend's weather) rather than a gap in the corpus ("thủ tục xin
 * chuyển trường"); generous on purpose: a word here only keeps the plainer "no information" reply.
 */
const ADMINISTRATIVE = [
  'thu tuc', 'ho so', 'giay', 'giay to', 'giay phep', 'dang ky', 'xin phep', 'le phi', 'phi', 'chi phi', 'chung thuc', 'cong chung', 'sao y', 'ban sao',
  'ban chinh', 'to khai', 'mau don', 'lam don', 'viet don', 'nop don', 'don xin', 'don de nghi', 'chung nhan', 'xac nhan', 'trich luc', 'cap', 'cap lai',
  'cap doi', 'nop', 'tiep nhan', 'mot cua', 'can bo', 'co quan', 'ubnd', 'uy ban', 'xa', 'phuong', 'thi tran', 'huyen', 'so tu phap', 'cong an', 'toa an',
  'vien kiem sat', 'nha nuoc', 'chinh quyen', 'dich vu cong', 'luat', 'bo luat', 'phap luat', 'quy dinh', 'nghi dinh', 'thong tu', 'nghi quyet',
  'quyet dinh', 'dieu kien', 'quyen', 'nghia vu', 'trach nhiem', 'vi pham', 'xu phat', 'bi phat', 'phat tien', 'khieu nai', 'to cao', 'khoi kien',
  'tranh chap', 'boi thuong', 'hinh su', 'dan su', 'hanh chinh', 'khai sinh', 'khai tu', 'ket hon', 'ly hon', 'vo chong', 'ho tich', 'giam ho',
  'con nuoi', 'nhan cha', 'quoc tich', 'cu tru', 'tam tru', 'thuong tru', 'tam vang', 'ho khau', 'can cuoc', 'cccd', 'cmnd', 'chung minh', 'ho chieu',
  'visa', 'thi thuc', 'hop dong', 'di chuc', 'di san', 'thua ke', 'tai san', 'dat dai', 'su dung dat', 'thua dat', 'manh dat', 'mua dat', 'ban dat',
  'nha o', 'so do', 'so hong', 'xay dung', 'thue', 'bao hiem', 'tro cap', 'che do', 'duoc huong', 'huong che do', 'luong huu', 'tien luong',
  'lao dong', 'doanh nghiep', 'kinh doanh', 'nghia vu quan su', 'hoc sinh', 'sinh vien', 'nhap hoc', 'chuyen truong', 'bang lai', 'giay phep lai xe',
  'bien so', 'hon nhan', 'cuoi vo', 'cuoi chong', 'cam doan', 'bao tu', 'dan toc', 'xac minh', 'quy trinh', 'van ban', 'ban goc', 'chu ky', 'ky ten', 'diem chi',
  'ket qua', 'dich thuat', 'nguoi dich', 'uy quyen', 'giao dich', 'buoc',
];

/** The field's words, the abbreviations and informal or foreign words the search knows, and their long forms. */
const ADMINISTRATIVE_PHRASES = [
  ...new Set([
    ...ADMINISTRATIVE,
    ...[...Object.keys(ABBREVIATIONS), ...Object.keys(QUERY_SYNONYMS)].map((phrase) => fold(phrase).trim()),
    // long forms of several words only: one-word long forms (`con` of `child`, `cha`, `mẹ`) are everyday words
    ...[...Object.values(ABBREVIATIONS), ...Object.values(QUERY_SYNONYMS)].map((phrase) => fold(phrase).trim()).filter((phrase) => phrase.includes(' ')),
  ]),
];

/** Whether the message speaks of anything an administrative or legal question would (see ADMINISTRATIVE_PHRASES). */
export function soundsAdministrative(message: string): boolean {
  return hasPhrase(fold(message), ADMINISTRATIVE_PHRASES);
}

const GREETING = ['xin chao', 'chao ban', 'chao em', 'chao tro ly', 'hello', 'hi', 'alo', 'chao'];
const THANKS = ['cam on', 'cam on ban', 'cam on em', 'thank', 'thanks', 'ok cam on'];

export interface MessageIntent {
  kind: MessageKind;
  /** The question with instructions to the assistant removed: what is searched. */
  searchText: string;
  injectionRemoved: boolean;
}

export function readIntent(message: string): MessageIntent {
  let folded = fold(message);
  let injectionRemoved = false;
  for (const pattern of INJECTION) {
    const next = folded.replace(pattern, ' ');
    if (next !== folded) injectionRemoved = true;
    folded = next;
  }
  const searchText = injectionRemoved ? cleanQuestion(message, folded) : message;
  const words = folded.trim().split(/\s+/).filter(Boolean);
  const lower = message.normalize('NFC').toLowerCase();
  if (hasPhrase(folded, OTHERS_DATA) || hasPhrase(folded, UNSAFE) || ABUSE.test(lower) || UNSAFE_ACCENTED.test(lower)) return { kind: 'refused', searchText, injectionRemoved };
  if (hasPhrase(folded, HANDOVER)) return { kind: 'handover', searchText, injectionRemoved };
  // a hypothetical ("nếu hồ sơ của tôi cần xác minh…") is a question about the procedure, not a status lookup
  if (hasPhrase(folded, DOSSIER_STATUS) && !hasPhrase(folded, ['neu'])) return { kind: 'personal_data_request', searchText, injectionRemoved };
  if (hasPhrase(folded, OFF_TOPIC) || OFF_TOPIC_ACCENTED.test(lower)) return { kind: 'out_of_scope', searchText, injectionRemoved };
  if (words.length <= 4 && hasPhrase(folded, THANKS)) return { kind: 'thanks', searchText, injectionRemoved };
  if (words.length <= 3 && hasPhrase(folded, GREETING)) return { kind: 'greeting', searchText, injectionRemoved };
  if (words.length === 0) return { kind: 'out_of_scope', searchText, injectionRemoved };
  return { kind: 'question', searchText, injectionRemoved };
}

/** The original wording of what survived the injection filter (keeps the accents for search). */
function cleanQuestion(original: string, survivingFolded: string): string {
  const keep = new Set(survivingFolded.trim().split(' '));
  const words = original.split(/\s+/).filter((word) => {
    const key = fold(word).trim();
    return key === '' || key.split(' ').every((part) => keep.has(part));
  });
  return words.join(' ');
}

/** Aspect phrases, most specific first: the first aspect with a match wins. */
const ASPECT_PHRASES: ReadonlyArray<[Aspect, readonly string[]]> = [
  ['forms', ['mau don', 'mau to khai', 'to khai mau', 'mau nao', 'bieu mau', 'to khai nao', 'mau gi', 'to khai gi', 'dien to khai', 'dien mau', 'dien don', 'dien giay gi', 'dien gi', 'dien nhung gi']],
  ['fee', ['le phi', 'phi', 'bao nhieu tien', 'tinh tien', 'mat tien', 'ton tien', 'mat bao nhieu', 'ton bao nhieu', 'chi phi', 'tien phi', 'thu phi', 'mien phi', 'phai tra tien', 'dong tien', 'nop tien']],
  ['time', ['bao lau', 'may ngay', 'bao nhieu ngay', 'thoi han', 'thoi gian giai quyet', 'thoi gian xu ly', 'thoi gian', 'khi nao co ket qua', 'bao gio co ket qua', 'trong ngay', 'mat may ngay', 'lau khong', 'lau ko', 'lay ngay', 'co ngay', 'nhan ngay', 'lay lien', 'co lien',
    'bao gio lay', 'bao gio nhan', 'bao gio co', 'bao gio xong', 'khi nao lay', 'khi nao nhan', 'khi nao xong']],
  ['legalBasis', ['can cu phap ly', 'can cu', 'van ban nao quy dinh', 'luat nao', 'nghi dinh nao', 'thong tu nao', 'quy dinh o dau', 'co so phap ly', 'van ban phap luat']],
  ['conditions', ['dieu kien', 'yeu cau dieu kien', 'can dap ung', 'duoc phep khong', 'co duoc khong', 'truong hop nao', 'khong duoc', 'khi nao thi', 'du tuoi', 'dong y khong', 'su dong y']],
  ['applicants', ['doi tuong', 'ai duoc', 'ai co the', 'ai phai', 'nguoi nao duoc']],
  ['result', ['ket qua', 'nhan duoc gi', 'duoc cap gi', 'nhan lai gi', 'cap giay gi', 'duoc giay gi', 'nhan giay gi', 'duoc cap giay', 'nhan duoc giay', 'duoc nhan giay', 'duoc may ban', 'cap may ban', 'duoc bao nhieu ban', 'cap bao nhieu ban']],
  ['where', ['o dau', 'noi nao', 'cho nao', 'co quan nao', 'xa nao', 'phuong nao', 'huyen nao', 'ubnd nao', 'uy ban nao', 'nop o', 'lam o', 'den dau', 'dia chi', 'truc tuyen', 'online', 'qua mang', 'buu chinh', 'cach thuc', 'hinh thuc nop', 'nop the nao', 'nop nhu the nao', 'noi nop', 'tham quyen']],
  ['steps', ['trinh tu', 'cac buoc', 'buoc nao', 'quy trinh', 'phai lam nhung gi', 'phai lam gi', 'lam the nao', 'lam nhu the nao', 'the nao', 'nhu the nao', 'thu tuc ra sao', 'ra sao', 'cach lam', 'huong dan']],
  ['documents', ['giay to', 'ho so gom', 'ho so can', 'thanh phan ho so', 'can nhung gi', 'can gi', 'mang theo', 'chuan bi', 'nop nhung gi', 'can nop', 'giay gi', 'ho so', 'xuat trinh', 'chung cu gi', 'chung cu nao', 'mang gi', 'mang nhung gi']],
];

/** Explicit asks for the papers (not `nộp giấy tờ xong thì…`, which tells what was done). */
const DOCUMENT_ASKS = [
  'giay to gi', 'giay to nao', 'nhung giay to', 'nhung giay gi', 'can nhung gi', 'mang theo', 'can gi', 'ho so gom', 'thanh phan ho so', 'chuan bi gi', 'can chuan bi', 'ho so can',
  'nop gi', 'nop giay gi', 'nop nhung gi', 'nop nhung giay', 'nop them giay', 'can giay gi', 'them giay gi', 'can nhung giay', 'chung cu gi', 'chung cu nao', 'mang gi', 'mang nhung gi',
];
/** Explicit asks for the conditions (not `có được không`, which most questions end with). */
const CONDITION_ASKS = ['dieu kien', 'du tuoi', 'dong y khong', 'su dong y'];
/** Aspects a second question in the same message may ask ("bao lâu xong, có tốn lệ phí không?"). */
const SECOND_ASPECTS: ReadonlySet<Aspect> = new Set(['fee', 'time', 'where', 'forms', 'result', 'documents', 'conditions']);

/** At most this many aspects are answered for one message (the first and two more). */
const MAX_ASPECTS = 3;

/**
 * The aspects a message asks, in the order asked: `first` (readAspect's) and the concrete ones asked
 * besides it ("nộp ở đâu, bao lâu xong, có mất phí không?"): fee, time, where, forms, result, and the
 * papers or conditions asked for explicitly.
 */
export function askedAspects(message: string, first: Aspect): Aspect[] {
  const folded = normalizeAsks(fold(message));
  const at = (phrases: readonly string[]) => Math.min(...phrases.map((phrase) => folded.indexOf(` ${phrase} `)).filter((index) => index >= 0), Infinity);
  const firstPhrases = ASPECT_PHRASES.find(([aspect]) => aspect === first)?.[1];
  const asked: Array<{ aspect: Aspect; at: number }> = [{ aspect: first, at: firstPhrases ? at(firstPhrases) : -1 }];
  for (const [aspect, phrases] of ASPECT_PHRASES) {
    if (aspect === first || !SECOND_ASPECTS.has(aspect) || asked.length === MAX_ASPECTS) continue;
    const asks = at(aspect === 'documents' ? DOCUMENT_ASKS : aspect === 'conditions' ? CONDITION_ASKS : phrases);
    const position = aspect === 'conditions' ? Math.min(asks, feasibleAt(folded)) : asks;
    if (position < Infinity) asked.push({ aspect, at: position });
  }
  return asked.sort((a, b) => a.at - b.at).map((item) => item.aspect);
}

/**
 * "có làm được không", "có cử cán bộ xuống tận nhà … được không", "có được tự lập di chúc … không",
 * "ra xã đăng ký kết hôn được chưa": whether it can be done at all.
 */
const FEASIBLE = [/ co ((?:[a-z0-9]+ ){1,16}?)duoc (?:khong|ko|k) /g, / co duoc ((?:[a-z0-9]+ ){1,12}?)(?:khong|ko|k) /g, / ((?:[a-z0-9]+ ){1,6})duoc chua /g];
/** Aspects a feasibility clause may itself name (`có nộp online được không` asks where, not whether). */
const OTHER_ASPECT_WORDS = ASPECT_PHRASES.filter(([aspect]) => aspect !== 'conditions' && aspect !== 'steps').flatMap(([, phrases]) => phrases);

/** Position of a question whether the thing can be done (its conditions), or Infinity. */
function feasibleAt(folded: string): number {
  let first = Infinity;
  for (const pattern of FEASIBLE) {
    for (const match of folded.matchAll(pattern)) {
      if (!hasPhrase(` ${match[1]!}`, OTHER_ASPECT_WORDS)) {
        first = Math.min(first, match.index);
        break;
      }
    }
  }
  return first;
}

/**
 * "mất bao nhiêu ngày" spends days, not money: the verb is dropped so the fee's `mat bao nhieu` does not match.
 * "hồ sơ ra sao" asks for the papers, not the steps.
 * "nhận được những giấy gì" asks what is received (the result), not which papers to hand in
 * ("lấy giấy gì thay" does: which paper to use instead).
 */
function normalizeAsks(folded: string): string {
  return folded
    // "hồ sơ ra sao / thế nào" asks what the file holds, not the steps
    .replace(/ ho so (?:can |phai )?(?:ra sao|the nao|nhu the nao) /g, ' ho so gom gi ')
    .replace(/ (?:mat|ton|het) (?=bao nhieu (?:ngay|thang|tuan|gio|buoi|lau|thoi gian) )/g, ' ')
    .replace(/ (?:nhan (?:duoc |lai |ve )?|lay (?:duoc|ve) )(?:nhung |cac )?giay (?:to )?(?:gi|nao) /g, ' nhan duoc giay ');
}

export function readAspect(message: string): Aspect | undefined {
  // "xã cấp cho em giấy gì" asks the result as "cấp giấy gì" does
  const folded = normalizeAsks(fold(message)).replace(/ cap cho (?:toi|em|minh|tui|con|chau|anh|chi|chung toi|chung em|vo chong (?:toi|em)) (?=giay )/g, ' cap ');
  for (const [aspect, phrases] of ASPECT_PHRASES) if (hasPhrase(folded, phrases)) return aspect;
  return feasibleAt(folded) < Infinity ? 'conditions' : undefined;
}

/** Words that carry no topic: question words, pronouns, fillers. Aspect phrases are removed before them. */
const FILLER = new Set(
  (
    'con thi the vay a oi nhe nha di ha neu la co khong ko k gi nao bao nhieu may o dau nop lam can phai duoc ' +
    'toi minh em anh chi cho hoi xin muon giup voi thu tuc nay viec cai do day cap ' +
    'va hay hoac ve cua trong nhu nua them tiep gom nhung cac mot moi bi da se roi khi ma den xa phuong huyen tinh ubnd loai mat ton het ' +
    'tui hom len luon dum gium ne thoi ay xong'
  ).split(' '),
);

/**
 * Words of a citizen's story that a formal corpus never uses and that name no procedure: pronouns
 * (`nó`, `thằng`, `hắn`, `ổng`, `bả`), `gái` of `con gái`/`em gái`, `năm ngoái`, `mấy chục`. Matched
 * with their accents only: folded they are other words (`nợ`, `gai`, `chúc`).
 */
const STORY_WORDS = /(?<![\p{L}\p{N}])(?:nó|thằng|hắn|ổng|bả|bọn|gái|ngoái|chục)(?![\p{L}\p{N}])/giu;

/** The message without story words (see STORY_WORDS): the text topic words are numbered in. */
function withoutStoryWords(message: string): string {
  return message.normalize('NFC').replace(STORY_WORDS, ' ');
}

/** Fillers of several words; removed as phrases so their words still count elsewhere (`lý` in `ly hôn`, `hợp` in `hợp đồng`). */
const FILLER_PHRASES =
  / (?:thi sao|ra sao|lam sao|vi sao|tai sao|sao vay|the nao|nhu the nao|ban oi|ban cho|cho ban|ban co|giup ban|ban giup|tro ly|truong hop|uy ban nhan dan|uy ban|nhan dan|vui long|muon biet|cho con|cua con|con toi|con minh|con em|nhan duoc|bat buoc phai)(?= )/g;

/** Every aspect phrase, longest first, so `thanh phan ho so` goes before `ho so`. */
const ASPECT_WORDS = ASPECT_PHRASES.flatMap(([, phrases]) => phrases).sort((a, b) => b.length - a.length);

/**
 * Accented words whose folded form is a filler (`thẻ` / `thế`, `căn` / `cần`, `máy` / `mấy`, `đầu` /
 * `đâu`, `báo` / `bao`, `tội` / `tôi`…) but which, typed with these accents, name a thing a
 * procedure or a law is about. A word typed without accents stays a filler.
 */
const NOT_FILLER_ACCENTED = new Set(
  'thẻ căn cán máy đầu dấu tôn rơi hội dì tình tính mã báo bảo thị cải đền lâm tội chỗ ảnh mặt mật trồng khí dược'.split(' '),
);

/** A topic word: folded, and as typed (lower case, accents kept; the folded form when typed without). */
export interface TopicWord {
  folded: string;
  typed: string;
  /** Position among the words of the folded message. */
  position: number;
}

/**
 * Words of the message that may name a procedure or a legal topic. `namesPair` tells when a filler
 * word is part of a name with its neighbour (`cai chinh`, `con nuoi`): then it stays. Phrases are
 * removed from the folded text word for word, so each remaining word keeps the form it was typed in.
 */
export function topicTokens(message: string, namesPair?: (first: string, second: string, word: string) => boolean): TopicWord[] {
  const cleaned = withoutStoryWords(message);
  const blank = (phrase: string) => phrase.replace(/\S+/g, '_');
  let folded = fold(cleaned).replace(FILLER_PHRASES, blank);
  for (const phrase of ASPECT_WORDS) folded = folded.replaceAll(` ${phrase} `, (match) => blank(match));
  const all = folded.trim().split(' ');
  const typedAll = accentedForm(cleaned).trim().split(' ');
  const typedOf = (index: number) => (typedAll.length === all.length ? typedAll[index]! : all[index]!);
  // removed phrases leave their neighbours next to each other, as if they had never been there
  const kept = all.map((word, index) => ({ word, index })).filter(({ word }) => word && word !== '_');
  const words = kept.map(({ word }) => word);
  // a filler word stays when it forms a name with a neighbour that is not filler itself
  const pairs = (first: string, second: string, word: string) => namesPair !== undefined && !FILLER.has(first === word ? second : first) && namesPair(first, second, word);
  const named = (i: number) => (i > 0 && pairs(words[i - 1]!, words[i]!, words[i]!)) || (i + 1 < words.length && pairs(words[i]!, words[i + 1]!, words[i]!));
  return kept
    .map(({ word, index }) => ({ folded: word, typed: typedOf(index), position: index }))
    .filter(({ folded: word, typed }, i) => !/^\d+$/.test(word) && (!FILLER.has(word) || NOT_FILLER_ACCENTED.has(typed) || named(i)));
}

/** The folded topic words of a message (see `topicTokens`). */
export function topicWords(message: string, namesPair?: (first: string, second: string, word: string) => boolean): string[] {
  return topicTokens(message, namesPair).map((token) => token.folded);
}

/**
 * The level of government the citizen says they go to (`ở xã`, `ra UBND phường`, `lên Sở`), folded:
 * `xa` (commune level) or `tinh` (province level). `xã hội` is not a commune.
 */
export function askedLevel(message: string): 'xa' | 'tinh' | undefined {
  const folded = fold(message);
  const to = '(?:o|ra|tai|len|den|cua|nop|lam|xuong)';
  const body = '(?:ubnd |uy ban nhan dan |uy ban |cong an |bo phan mot cua )?(?:cap )?';
  if (new RegExp(` ${to} ${body}(?:xa|phuong|thi tran)(?! hoi)(?= )`).test(folded)) return 'xa';
  if (new RegExp(` ${to} ${body}(?:tinh|so tu phap|so)(?= )`).test(folded)) return 'tinh';
  return undefined;
}

/** Words after which the citizen names the procedure they want (`thủ tục xin chuyển trường`, `đăng ký thăm gặp`). */
const NAMING_CUES = ['thu tuc', 'dang ky', 'lam giay', 'xin giay', 'xin phep', 'xin cap'];
/** Demonstratives: the words before them point back to what was said. */
const POINTING_BACK = new Set(['nay', 'do', 'ay', 'kia', 'tren']);
/** How many words after the cue (fillers such as `xin` in between) the name may start. */
const NAMING_REACH = 2;
const MAX_NAMED_WORDS = 4;

/**
 * The words by which the message names the procedure it is about (`thủ tục xin chuyển trường` →
 * `chuyen truong`): topic words right after `thủ tục`, `đăng ký`, `xin cấp`… (fillers such as `xin`
 * in between), up to the next filler. None when it names nothing ("sau khi làm thủ tục tôi nhận được
 * gì?") or points back to one already named (`thủ tục này`).
 */
export function namedAfterCue(
  message: string,
  namesPair?: (first: string, second: string, word: string) => boolean,
  cues: readonly string[] = NAMING_CUES,
): string[] {
  // the same words, at the same positions, as `topicTokens` numbers them
  const words = fold(withoutStoryWords(message)).trim().split(' ');
  const topics = new Map(topicTokens(message, namesPair).map((token) => [token.position, token.folded]));
  for (let i = 0; i < words.length; i += 1) {
    for (const cue of cues) {
      const length = cue.split(' ').length;
      if (words.slice(i, i + length).join(' ') !== cue) continue;
      // `thủ tục này`, `thủ tục kết hợp này` point back to one already named
      if (words.slice(i + length, i + length + NAMING_REACH + 1).some((word) => POINTING_BACK.has(word))) continue;
      let start = i + length;
      while (start < i + length + NAMING_REACH && !topics.has(start)) start += 1;
      const named: string[] = [];
      for (let position = start; topics.has(position) && named.length < MAX_NAMED_WORDS; position += 1) named.push(topics.get(position)!);
      if (named.length > 0) return named;
    }
  }
  return [];
}

/** Words asking a limit or a penalty the law sets ("tối đa mấy năm", "có bị phạt không") or what the law says ("theo luật thì…"), not how a procedure runs. */
const RULE_ASKS = ['bi phat', 'phat bao nhieu', 'theo luat', 'luat quy dinh', 'phap luat quy dinh', 'phap luat co cho', 'luat co cho', 'thoi hieu'];
/**
 * `tối đa` / `tối thiểu` with their accents; typed without, `toi da` is also `tôi đã` ("chau toi da du 18 tuoi"),
 * so only a limit stated or asked right after it counts ("toi da may nam", "toi da 02 nam").
 */
const LIMIT_TYPED = /(?<![\p{L}\p{N}])tối (?:đa|thiểu)(?![\p{L}\p{N}])/u;
const LIMIT_PLAIN = / toi (?:da|thieu) (?:la |duoc |chi )?(?:may|bao|\d|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) /;

export function asksRule(message: string): boolean {
  const folded = fold(message);
  return hasPhrase(folded, RULE_ASKS) || LIMIT_TYPED.test(message.normalize('NFC').toLowerCase()) || LIMIT_PLAIN.test(folded);
}

/** Where what is asked to be done ends: a place, a negation, a particle. */
const ACT_ENDS = new Set(['khong', 'ko', 'k', 'nua', 'o', 'tai', 'hay', 'thi', 'voi', 'cho', 'truoc', 'sau', 'trong', 'khi', 'neu', 'a', 'ah', 'vay', 'nhi', 'chua', 'roi', 'moi', 'duoc', 'nhung', 'ma', 'va', 'luon', 'ngay', 'de', 'gi', 'nao', 'dau', 'may', 'sao', 'the']);
/** Question words: what follows the duty is asked (`phải nộp giấy gì`), not whether there is one. */
const ASKED_WHAT = new Set(['gi', 'nao', 'dau', 'may', 'sao', 'the']);
/** A sentence that asks: a question mark, a yes-no ending or a duration asked. */
const ASKING = /\?|(?:^| )(?:khong|ko|chua|bao lau|may ngay|may thang|may nam|bao nhieu ngay|bao nhieu thang)(?: |$)/;
/**
 * `bắt buộc (phải)`, `buộc phải`, `(có) phải` before what is to be done, with a filler verb (`đi`, `làm`,
 * `thực hiện`); not the other branch of a choice ("ra xã chứng thực được không, hay bắt buộc phải đi công chứng?").
 * Not `có cần`: measured on the routing questions, "có cần hợp pháp hóa lãnh sự / mang theo giấy tờ tùy thân không?"
 * ask about a procedure's papers far more often than about a duty in law.
 */
const OBLIGATION = /(?:^| )(?<!(?:hay|hoac|buoc|bat) )(?:bat buoc(?: phai)?|buoc phai|phai)(?: di| lam| thuc hien)? (.+)$/;

/** The folded words of a deed up to where it ends (ACT_ENDS, or a word that is no word), and the word it ended at. */
function deedOf(folded: string): { deed: string[]; end: string | undefined } {
  const deed: string[] = [];
  for (const word of folded.trim().split(' ')) {
    if (ACT_ENDS.has(word) || !/^\p{L}+$/u.test(word)) return { deed, end: word };
    deed.push(word);
  }
  return { deed, end: undefined };
}

/**
 * What the citizen asks whether (or after how long) they must do, folded: "có bắt buộc phải đăng ký tạm trú không?",
 * "đi bao lâu thì phải khai báo tạm vắng?" → `dang ky tam tru`, `khai bao tam vang`. Only in a sentence that asks,
 * and two words at least (a deed and what it is done to): "chủ trọ nói em phải đăng ký tạm trú." tells, it does not ask.
 */
export function askedObligation(message: string): string | undefined {
  for (const sentence of message.split(/(?<=[.?!\n])/)) {
    const folded = fold(sentence).trim();
    if (!ASKING.test(sentence.includes('?') ? '?' : folded)) continue;
    const match = OBLIGATION.exec(folded);
    if (!match) continue;
    const { deed, end } = deedOf(match[1]!);
    // "phải mang theo giấy gì?" asks what, not whether
    if (end !== undefined && ASKED_WHAT.has(end)) continue;
    if (deed.length >= 2) return deed.slice(0, 4).join(' ');
  }
  return undefined;
}

/** Asks how a procedure is carried out, in so many words (`làm thế nào`, `trình tự`, `các bước`, a `thủ tục` named), not a bare `thế nào`. */
const HOW_TO_PROCEED = ['trinh tu', 'cac buoc', 'buoc nao', 'quy trinh', 'phai lam nhung gi', 'phai lam gi', 'lam the nao', 'lam nhu the nao', 'thu tuc ra sao', 'thu tuc the nao', 'cach lam', 'huong dan'];

/**
 * Whether the steps a message asks are a procedure's: "làm thế nào", "trình tự ra sao"; "chia thế nào" (how an estate
 * is shared) asks what the law says.
 */
export function asksHowToProceed(message: string): boolean {
  const folded = fold(message);
  return hasPhrase(folded, HOW_TO_PROCEED) || folded.includes(' thu tuc ');
}

/** `có được … không`, `có quyền … không`: the deed whose permission is asked. */
const PERMISSION = / co (?:duoc|quyen)(?: tu| di)? ((?:[a-z]+ ){1,10}?)(?:khong|ko|k|chua)(?: |$)/;

/**
 * The deed a message asks whether one may do, folded, up to where it ends (`nộp đơn ra tòa xin ly hôn` of "tôi có được
 * nộp đơn ra tòa xin ly hôn ngay lúc này không?"); undefined when none is asked.
 */
export function askedPermission(message: string): string | undefined {
  const match = PERMISSION.exec(fold(message));
  if (!match) return undefined;
  const { deed } = deedOf(match[1]!);
  return deed.length >= 2 ? deed.join(' ') : undefined;
}
