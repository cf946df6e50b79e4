// One dossier under review: the engine's recommendation, the checklist with evidence on the page
// images, what was read from each file (editable: the officer's corrections are recorded), and the
// decision form. The engine proposes; only the officer's decision is recorded as the outcome.
import { ApiError } from '../shared/api.js';
import { formatDate, formatDateTime, h } from './dom.js';
import type { Check, DecisionBody, Dossier, DossierClient, Evidence } from './dossiers.api.js';
import { categoryLabels, checkStatusLabels, decisionLabels, fieldLabel, kindLabels, statusLabels, type CheckCategory, type Decision } from './labels.js';
import { createPageViewer, type PageViewer } from './page-viewer.js';

const categories: CheckCategory[] = ['completeness', 'consistency', 'validity', 'legibility'];

export interface ReviewView {
  element: HTMLElement;
  dispose(): void;
}

export function renderReview(dossier: Dossier, client: DossierClient, onDecided: (dossier: Dossier) => void): ReviewView {
  const pageCounts = new Map((dossier.result?.files ?? []).map((file) => [file.fileId, Math.max(1, file.pageCount)]));
  const viewer = dossier.files.length ? createPageViewer(client, dossier.files, pageCounts) : undefined;
  const element = h(
    'div',
    { class: 'review', 'data-dossier-id': dossier.id, 'data-status': dossier.status },
    header(dossier),
    progressOrError(dossier),
    dossier.result ? recommendationPanel(dossier) : null,
    dossier.result || viewer
      ? h('div', { class: 'review__evidence' }, dossier.result ? checklist(dossier.result.checks, dossier, viewer) : null, viewer?.element)
      : null,
    dossier.result ? readFields(dossier, viewer) : null,
    dossier.decision ? decisionRecord(dossier) : isDecidable(dossier) ? decisionForm(dossier, client, onDecided) : null,
  );
  return { element, dispose: () => viewer?.dispose() };
}

const isDecidable = (dossier: Dossier) => dossier.status === 'checked' || dossier.status === 'failed';

function header(dossier: Dossier): HTMLElement {
  const applicant = dossier.applicant;
  return h(
    'div',
    { class: 'review__header' },
    h('h2', { id: 'tieu-de-chi-tiet' }, dossier.procedure.name),
    h(
      'dl',
      { class: 'facts' },
      fact('Người nộp', [applicant.fullName, applicant.idNumber && `số định danh ${applicant.idNumber}`, applicant.dateOfBirth && `sinh ngày ${formatDate(applicant.dateOfBirth)}`].filter(Boolean).join(', ')),
      fact('Mã thủ tục', dossier.procedure.code),
      fact('Ngày nộp', formatDateTime(dossier.createdAt)),
      fact('Trạng thái', h('span', { class: `status status--${dossier.status}`, id: 'trang-thai-ho-so' }, statusLabels[dossier.status])),
      fact('Số tệp', String(dossier.files.length)),
    ),
  );
}

function fact(term: string, description: string | Node): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, description)];
}

function progressOrError(dossier: Dossier): HTMLElement | null {
  if (dossier.status === 'queued' || dossier.status === 'processing') {
    const percent = Math.round(dossier.progress * 100);
    return h(
      'div',
      { class: 'review__progress', role: 'status' },
      h('p', {}, `Hệ thống đang kiểm tra sơ bộ hồ sơ: ${dossier.progressMessage ?? statusLabels[dossier.status]} (${percent}%).`),
      h('progress', { max: '100', value: String(percent), 'aria-label': 'Tiến độ kiểm tra sơ bộ' }),
    );
  }
  if (dossier.status === 'failed') {
    return h('p', { class: 'alert alert--danger', role: 'alert' }, `Kiểm tra sơ bộ không thực hiện được: ${dossier.errorDetail ?? 'không rõ lý do'}. Cán bộ kiểm tra trực tiếp giấy tờ rồi quyết định.`);
  }
  return null;
}

function recommendationPanel(dossier: Dossier): HTMLElement {
  const recommendation = dossier.result!.recommendation;
  return h(
    'section',
    { class: `recommendation recommendation--${recommendation.decision}`, 'aria-labelledby': 'tieu-de-de-xuat', id: 'de-xuat' },
    h('h3', { id: 'tieu-de-de-xuat' }, 'Đề xuất của hệ thống: ', h('strong', { class: 'recommendation__decision' }, decisionLabels[recommendation.decision])),
    h('p', {}, recommendation.summary),
    recommendation.reasons.length ? h('ul', { class: 'recommendation__reasons' }, recommendation.reasons.map((reason) => h('li', {}, reason))) : null,
    recommendation.legalBasis.length ? h('p', { class: 'muted' }, 'Căn cứ: ', recommendation.legalBasis.join('; ')) : null,
    h('p', { class: 'muted recommendation__note' }, 'Đây là gợi ý để cán bộ tham khảo; quyết định thuộc về cán bộ tiếp nhận.'),
  );
}

function checklist(checks: Check[], dossier: Dossier, viewer: PageViewer | undefined): HTMLElement {
  const section = h('section', { class: 'checklist', 'aria-labelledby': 'tieu-de-kiem-tra' }, h('h3', { id: 'tieu-de-kiem-tra' }, 'Danh sách kiểm tra'));
  for (const category of categories) {
    const items = checks.filter((check) => check.category === category);
    if (!items.length) continue;
    section.append(
      h('h4', {}, categoryLabels[category]),
      h(
        'ul',
        { class: 'checklist__items', role: 'list' },
        items.map((check) =>
          h(
            'li',
            { class: `check check--${check.status}`, 'data-check-id': check.id },
            h('span', { class: `check__status check__status--${check.status}` }, checkStatusLabels[check.status]),
            h(
              'div',
              { class: 'check__body' },
              h('p', { class: 'check__message' }, check.message),
              check.requirement ? h('p', { class: 'check__requirement muted' }, 'Yêu cầu: ', check.requirement) : null,
              check.legalBasis ? h('p', { class: 'check__basis muted' }, 'Căn cứ: ', check.legalBasis) : null,
              viewer && check.evidence.length
                ? h('p', { class: 'check__evidence' }, check.evidence.map((evidence) => evidenceButton(evidence, dossier, viewer, check.message)))
                : null,
            ),
          ),
        ),
      ),
    );
  }
  return section;
}

function evidenceButton(evidence: Evidence, dossier: Dossier, viewer: PageViewer, description: string): HTMLElement {
  const file = dossier.files.find((candidate) => candidate.id === evidence.fileId);
  const label = `Xem: ${file?.filename ?? 'tệp'}, trang ${evidence.page}${evidence.field ? `, ${fieldLabel(evidence.field)}` : ''}`;
  const button = h('button', { type: 'button', class: 'link-button evidence-button' }, label);
  button.addEventListener('click', () => void viewer.show(evidence, description));
  return button;
}

/** What the engine read, file by file; a changed value or kind becomes a correction sent with the decision. */
function readFields(dossier: Dossier, viewer: PageViewer | undefined): HTMLElement {
  const editable = isDecidable(dossier) && !dossier.decision;
  const section = h(
    'section',
    { class: 'read-fields', 'aria-labelledby': 'tieu-de-thong-tin' },
    h('h3', { id: 'tieu-de-thong-tin' }, 'Thông tin hệ thống đọc được'),
    editable ? h('p', { class: 'muted' }, 'Sửa trực tiếp những giá trị đọc sai; các sửa đổi được ghi cùng quyết định để cải thiện mô hình.') : null,
  );
  for (const file of dossier.result!.files) {
    const block = h('div', { class: 'read-fields__file' }, h('h4', {}, file.fileName));
    if (file.error) block.append(h('p', { class: 'alert alert--danger' }, file.error));
    for (const segment of file.segments) {
      const kindSelect = h(
        'select',
        { class: 'correction', 'data-file-id': file.fileId, 'data-page': String(segment.pages.from), 'data-field': 'kind', 'data-original': segment.kind, disabled: !editable, 'aria-label': `Loại giấy tờ của ${file.fileName}, trang ${segment.pages.from}` },
        Object.entries(kindLabels).map(([kind, label]) => h('option', { value: kind, selected: kind === segment.kind }, label)),
      );
      const pages = segment.pages.from === segment.pages.to ? `trang ${segment.pages.from}` : `trang ${segment.pages.from}–${segment.pages.to}`;
      block.append(
        h(
          'p',
          { class: 'read-fields__segment' },
          `${pages}: `,
          kindSelect,
          h('span', { class: 'muted' }, ` độ tin cậy ${Math.round(segment.confidence * 100)}%${segment.method === 'rule' ? ' (theo quy tắc' + (segment.formCode ? `, mẫu ${segment.formCode}` : '') + ')' : ' (mô hình)'}`),
        ),
      );
      if (!segment.fields.length) continue;
      const rows = segment.fields.map((field) => {
        const input = h('input', {
          class: 'correction',
          value: field.value,
          'data-file-id': file.fileId,
          'data-page': String(field.evidence.page),
          'data-field': field.name,
          'data-original': field.value,
          readonly: !editable,
          'aria-label': `${fieldLabel(field.name)} (${file.fileName})`,
        });
        const show = viewer ? h('button', { type: 'button', class: 'link-button' }, 'Xem') : null;
        show?.addEventListener('click', () => void viewer!.show(field.evidence, fieldLabel(field.name)));
        return h(
          'tr',
          { class: field.confidence < 0.6 ? 'read-fields__low' : undefined },
          h('th', { scope: 'row' }, fieldLabel(field.name)),
          h('td', {}, input),
          h('td', { class: 'muted' }, `${Math.round(field.confidence * 100)}%`),
          h('td', {}, show),
        );
      });
      block.append(
        h(
          'table',
          { class: 'read-fields__table' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Trường'), h('th', { scope: 'col' }, 'Giá trị'), h('th', { scope: 'col' }, 'Tin cậy'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Bằng chứng')))),
          h('tbody', {}, rows),
        ),
      );
    }
    section.append(block);
  }
  return section;
}

function decisionRecord(dossier: Dossier): HTMLElement {
  const decision = dossier.decision!;
  return h(
    'section',
    { class: 'decision-record', 'aria-labelledby': 'tieu-de-quyet-dinh', id: 'quyet-dinh' },
    h('h3', { id: 'tieu-de-quyet-dinh' }, 'Quyết định của cán bộ: ', h('strong', {}, decisionLabels[decision.decision])),
    h('p', { class: 'muted' }, `Ghi bởi ${decision.decidedBy} lúc ${formatDateTime(decision.decidedAt)}.`),
    decision.additionsRequest ? h('div', {}, h('p', {}, 'Yêu cầu bổ sung đã gửi:'), h('pre', { class: 'decision-record__text' }, decision.additionsRequest)) : null,
    decision.reason ? h('div', {}, h('p', {}, 'Lý do:'), h('pre', { class: 'decision-record__text' }, decision.reason)) : null,
    decision.note ? h('p', { class: 'muted' }, `Ghi chú: ${decision.note}`) : null,
  );
}

function decisionForm(dossier: Dossier, client: DossierClient, onDecided: (dossier: Dossier) => void): HTMLElement {
  const recommendation = dossier.result?.recommendation;
  const radios = (Object.keys(decisionLabels) as Decision[]).map((decision) =>
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'decision', value: decision }), ` ${decisionLabels[decision]}`),
  );
  const additions = h('textarea', { name: 'additionsRequest', rows: '6', id: 'yeu-cau-bo-sung' });
  additions.value = recommendation?.additionsRequest ?? '';
  const reason = h('textarea', { name: 'reason', rows: '4', id: 'ly-do-tu-choi' });
  reason.value = recommendation?.decision === 'reject' ? [...recommendation.reasons, ...recommendation.legalBasis.map((basis) => `Căn cứ: ${basis}`)].join('\n') : '';
  const note = h('textarea', { name: 'note', rows: '2', id: 'ghi-chu' });
  const additionsField = h('div', { class: 'form__field', hidden: true }, h('label', { for: 'yeu-cau-bo-sung' }, 'Danh sách giấy tờ cần bổ sung gửi công dân (sửa được)'), additions);
  const reasonField = h('div', { class: 'form__field', hidden: true }, h('label', { for: 'ly-do-tu-choi' }, 'Lý do từ chối: điều kiện không đáp ứng và căn cứ pháp lý'), reason);
  const error = h('p', { class: 'form__error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'Ghi quyết định');
  const form = h(
    'form',
    { class: 'form decision-form', novalidate: true, 'aria-labelledby': 'tieu-de-quyet-dinh', id: 'quyet-dinh' },
    h('h3', { id: 'tieu-de-quyet-dinh' }, 'Quyết định của cán bộ'),
    h('fieldset', { class: 'choices' }, h('legend', {}, 'Chọn quyết định'), radios),
    additionsField,
    reasonField,
    h('div', { class: 'form__field' }, h('label', { for: 'ghi-chu' }, 'Ghi chú nội bộ (không gửi công dân)'), note),
    error,
    submit,
  );
  const chosen = () => (form.querySelector<HTMLInputElement>('input[name="decision"]:checked')?.value as Decision | undefined) ?? undefined;
  form.addEventListener('change', () => {
    additionsField.hidden = chosen() !== 'request_additions';
    reasonField.hidden = chosen() !== 'reject';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const decision = chosen();
    error.textContent = '';
    if (!decision) {
      error.textContent = 'Hãy chọn tiếp nhận, yêu cầu bổ sung hoặc từ chối.';
      return;
    }
    if (decision === 'request_additions' && !additions.value.trim()) {
      error.textContent = 'Hãy ghi danh sách giấy tờ cần bổ sung để gửi công dân.';
      additions.focus();
      return;
    }
    if (decision === 'reject' && !reason.value.trim()) {
      error.textContent = 'Từ chối hồ sơ cần nêu lý do: điều kiện không đáp ứng và căn cứ pháp lý.';
      reason.focus();
      return;
    }
    const body: DecisionBody = {
      decision,
      ...(decision === 'request_additions' ? { additionsRequest: additions.value } : {}),
      ...(decision === 'reject' ? { reason: reason.value } : {}),
      ...(note.value.trim() ? { note: note.value } : {}),
      corrections: collectCorrections(form.ownerDocument),
    };
    submit.disabled = true;
    try {
      onDecided(await client.decide(dossier.id, body));
    } catch (caught) {
      error.textContent = caught instanceof ApiError ? caught.message : 'Không ghi được quyết định; vui lòng thử lại.';
      submit.disabled = false;
    }
  });
  return form;
}

function collectCorrections(root: Document): DecisionBody['corrections'] {
  const corrections: DecisionBody['corrections'] = [];
  for (const control of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.correction')) {
    const value = control.value.trim();
    if (!value || value === control.dataset.original) continue;
    corrections.push({ fileId: control.dataset.fileId!, page: Number(control.dataset.page), field: control.dataset.field!, value });
  }
  return corrections;
}
