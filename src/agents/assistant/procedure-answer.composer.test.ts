import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROCEDURE_SECTION_TITLES, type ProcedureRecord } from '../../ingest/structure/index.js';
import type { Passage } from '../../retrieval/index.js';
import { supports } from './citation-check.js';
import { bodyLines, composeProcedureAnswer } from './procedure-answer.composer.js';
import { procedurePassage } from './testing/procedure-passage.js';

const record = { name: 'Đăng ký thành lập hộ kinh doanh', code: '1.001612' } as ProcedureRecord;

const passage = (id: string, body: string) => procedurePassage(id, body, { code: record.code, name: record.name });

test('documents: the papers everyone hands in come before the cases, each line with its own passage', () => {
  const passages = [
    passage('p1', 'Trường hợp ủy quyền thì kèm theo một trong các giấy tờ sau:\n- (ii) Trường hợp ủy quyền cho tổ chức: bản sao hợp đồng dịch vụ'),
    passage('p2', '- - Giấy đề nghị đăng ký hộ kinh doanh; (1 bản chính)\n- Nếu chưa có tài khoản định danh điện tử: bản sao thẻ Căn cước\n- Bản sao văn bản ủy quyền của các thành viên hộ gia đình'),
  ];
  const draft = composeProcedureAnswer(record, passages, 'documents');
  assert.equal(draft.found, true);
  const facts = draft.lines.filter((line) => line.passage);
  assert.deepEqual(
    facts.map((line) => [line.passage!.id, line.text.slice(0, 30)]),
    [
      ['p2', '- Giấy đề nghị đăng ký hộ kinh'],
      ['p2', '- Bản sao văn bản ủy quyền của'],
      ['p1', 'Trường hợp ủy quyền thì kèm th'],
      ['p1', '- (ii) Trường hợp ủy quyền cho'],
      ['p2', '- Nếu chưa có tài khoản định d'],
    ],
  );
  // a doubled bullet is shown once, and the line is still inside its passage
  for (const line of facts) assert.ok(line.passage!.text.includes(line.text.replace(/^- /, '')));
});

test('documents: a sub-item `+ …` moves with its item when the cases go last', () => {
  const passages = [
    passage('p1', '- Trường hợp cha, mẹ đã chết thì nộp giấy tờ chứng minh:\n+ Giấy chứng tử của cha, mẹ\n+ Trường hợp không có giấy chứng tử thì văn bản xác nhận\n- Tờ khai theo mẫu'),
  ];
  const facts = composeProcedureAnswer(record, passages, 'documents').lines.filter((line) => line.passage);
  assert.deepEqual(
    facts.map((line) => line.text.split(' ').slice(0, 4).join(' ')),
    ['- Tờ khai theo', '- Trường hợp cha,', '+ Giấy chứng tử', '+ Trường hợp không'],
  );
});

test('other aspects keep the order of the record', () => {
  const steps = [procedurePassage('s1', 'Bước 1: Trường hợp nộp trực tiếp, nộp tại Bộ phận Một cửa\nBước 2: Thẩm định hồ sơ', { code: record.code, name: record.name }, PROCEDURE_SECTION_TITLES.trinhTuThucHien)];
  const draft = composeProcedureAnswer(record, steps, 'steps');
  assert.deepEqual(draft.lines.filter((line) => line.passage).map((line) => line.text.slice(0, 6)), ['Bước 1', 'Bước 2']);
});

test('a line is quoted as the passage shows it, whatever tone placement the searchable body kept', () => {
  const shown = passage('p', 'Người ủy quyền chịu trách nhiệm.');
  const withOldBody = { ...shown, fields: { body: 'Người uỷ quyền chịu trách nhiệm.' } } as Passage;
  assert.deepEqual(bodyLines(withOldBody), ['Người ủy quyền chịu trách nhiệm.']);
  assert.equal(supports(withOldBody, bodyLines(withOldBody)[0]!), true);
});

test('forms: without a forms section, the papers that name a form to fill in', () => {
  const papers = passage('p', '- Tờ khai thay đổi thông tin cư trú (Mẫu CT01); (1 bản chính)\n- Giấy tờ chứng minh chỗ ở hợp pháp\n- Văn bản đồng ý cho đăng ký theo mẫu của cơ quan');
  const draft = composeProcedureAnswer(record, [papers], 'forms');
  assert.equal(draft.found, true);
  assert.deepEqual(draft.lines.filter((line) => line.passage).map((line) => line.text.slice(0, 12)), ['- Tờ khai th', '- Văn bản đồ']);
  // a record with a forms section answers from it alone
  const forms = procedurePassage('f', 'Mẫu số 01/TK', { code: record.code, name: record.name }, PROCEDURE_SECTION_TITLES.mauDonToKhai);
  assert.deepEqual(composeProcedureAnswer(record, [papers, forms], 'forms').lines.filter((line) => line.passage).map((line) => line.passage!.id), ['f']);
});

test('time: without a time section, the sentences of the steps that give a time limit', () => {
  const steps = procedurePassage(
    's',
    'Cơ quan đăng ký kinh doanh trao giấy tiếp nhận hồ sơ. Trường hợp hồ sơ hợp lệ, cấp Giấy chứng nhận trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ. Hộ kinh doanh nộp lệ phí khi nộp hồ sơ.',
    { code: record.code, name: record.name },
    PROCEDURE_SECTION_TITLES.trinhTuThucHien,
  );
  const draft = composeProcedureAnswer(record, [steps], 'time');
  const facts = draft.lines.filter((line) => line.passage);
  assert.deepEqual(facts.map((line) => line.text), ['Trường hợp hồ sơ hợp lệ, cấp Giấy chứng nhận trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ.']);
  assert.equal(supports(steps, facts[0]!.text), true);
});

test('conditions that only say "Không" are no answer to whether one may do it: the record is said not to state any', () => {
  const none = [procedurePassage('c1', 'Không', { code: record.code, name: record.name }, PROCEDURE_SECTION_TITLES.yeuCauDieuKien)];
  const draft = composeProcedureAnswer(record, none, 'conditions');
  assert.equal(draft.found, false);
  assert.match(draft.lines[0]!.text, /không ghi yêu cầu, điều kiện/);
});

test('overview: a short conditions section is quoted under its heading; a bare "Không" or a long one is not', () => {
  const conditions = (body: string) => {
    const passage = procedurePassage('c', body, { code: record.code, name: record.name }, PROCEDURE_SECTION_TITLES.yeuCauDieuKien);
    return { ...passage, text: `${record.name} (${record.code})\nYêu cầu, điều kiện:\n${body}` };
  };
  const short = conditions('Trẻ em sinh ra mà cha mẹ bị khuyết tật, ốm bệnh không thể đi đăng ký khai sinh cho con.');
  const facts = composeProcedureAnswer(record, [short], 'overview').lines.filter((line) => line.passage);
  assert.deepEqual(facts.map((line) => line.text), ['Yêu cầu, điều kiện: Trẻ em sinh ra mà cha mẹ bị khuyết tật, ốm bệnh không thể đi đăng ký khai sinh cho con.']);
  assert.equal(supports(short, facts[0]!.text), true);
  assert.equal(composeProcedureAnswer(record, [conditions('Không')], 'overview').found, false);
  assert.equal(composeProcedureAnswer(record, [conditions('Điều kiện dài. '.repeat(40))], 'overview').found, false);
});

test('where: the agency section in full when there is one, not the line the overview cut', () => {
  const overview = procedurePassage('o', 'Cơ quan thực hiện: Ủy ban nhân dân cấp xã nơi thường trú. Trường hợp không có nơi thường trú nhưng có đăng ký tạm trú theo quy định của pháp luật về c…', record, 'Tổng quan');
  const agency = procedurePassage('a', 'Ủy ban nhân dân cấp xã nơi thường trú. Trường hợp không có nơi thường trú nhưng có đăng ký tạm trú theo quy định của pháp luật về cư trú thì Ủy ban nhân dân cấp xã nơi tạm trú thực hiện.', record, PROCEDURE_SECTION_TITLES.coQuanThucHien);
  const ids = (passages: Passage[]) => composeProcedureAnswer(record, passages, 'where').lines.filter((line) => line.passage).map((line) => line.passage!.id);
  assert.deepEqual(ids([overview, agency]), ['a']);
  // a short agency lives in the overview alone
  assert.deepEqual(ids([overview]), ['o']);
  // the overview itself keeps its brief line
  assert.deepEqual(composeProcedureAnswer(record, [overview, agency], 'overview').lines.filter((line) => line.passage).map((line) => line.passage!.id), ['o']);
});
