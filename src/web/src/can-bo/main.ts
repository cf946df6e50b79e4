// The officers' review page (can-bo.html): sign in, the agency's dossiers, one dossier's review.
import '../styles.css';
import './can-bo.css';
import { ApiError } from '../shared/api.js';
import { formatDateTime, h } from './dom.js';
import { DossierClient, type Dossier, type DossierSummary } from './dossiers.api.js';
import { decisionLabels, statusLabels } from './labels.js';
import { renderReview, type ReviewView } from './dossier-review.js';
import { clearSession, loadSession, signIn, type Session } from './session.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const signInSection = byId<HTMLElement>('dang-nhap');
const signInForm = byId<HTMLFormElement>('form-dang-nhap');
const signInError = byId<HTMLElement>('loi-dang-nhap');
const workspace = byId<HTMLElement>('ban-lam-viec');
const sessionBar = byId<HTMLElement>('phien-lam-viec');
const agencyLabel = byId<HTMLElement>('co-quan-hien-tai');
const signOutButton = byId<HTMLButtonElement>('dang-xuat');
const statusFilter = byId<HTMLSelectElement>('loc-trang-thai');
const reloadButton = byId<HTMLButtonElement>('tai-lai');
const listStatus = byId<HTMLElement>('trang-thai-danh-sach');
const list = byId<HTMLUListElement>('danh-sach-ho-so');
const detail = byId<HTMLElement>('chi-tiet');

const pollMs = 1500;
let client: DossierClient | undefined;
let selectedId: string | undefined;
let review: ReviewView | undefined;
let pollTimer: ReturnType<typeof setTimeout> | undefined;

function start(session: Session) {
  client = new DossierClient(session, () => signOut('Phiên làm việc đã hết hạn; vui lòng đăng nhập lại.'));
  signInSection.hidden = true;
  workspace.hidden = false;
  sessionBar.hidden = false;
  agencyLabel.textContent = `Cơ quan: ${session.agency ?? 'chưa gắn cơ quan'}`;
  void refreshList();
}

function signOut(message = '') {
  clearSession();
  client = undefined;
  selectedId = undefined;
  clearTimeout(pollTimer);
  review?.dispose();
  workspace.hidden = true;
  sessionBar.hidden = true;
  signInSection.hidden = false;
  signInError.textContent = message;
  list.replaceChildren();
}

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(signInForm);
  const clientId = String(data.get('clientId') ?? '').trim();
  const clientSecret = String(data.get('clientSecret') ?? '');
  if (!clientId || !clientSecret) {
    signInError.textContent = 'Hãy nhập mã ứng dụng và khóa bí mật.';
    return;
  }
  const button = signInForm.querySelector('button')!;
  button.disabled = true;
  signInError.textContent = '';
  try {
    const session = await signIn(clientId, clientSecret);
    signInForm.reset();
    start(session);
  } catch (error) {
    signInError.textContent =
      error instanceof ApiError && error.status === 401 ? 'Mã ứng dụng hoặc khóa bí mật không đúng.' : error instanceof ApiError ? error.message : 'Không đăng nhập được.';
  } finally {
    button.disabled = false;
  }
});

signOutButton.addEventListener('click', () => signOut());
statusFilter.addEventListener('change', () => void refreshList());
reloadButton.addEventListener('click', () => void refreshList());

async function refreshList() {
  if (!client) return;
  listStatus.textContent = 'Đang tải danh sách…';
  try {
    const { items, total } = await client.list(statusFilter.value);
    list.replaceChildren(...items.map(listItem));
    listStatus.textContent = total === 0 ? 'Không có hồ sơ nào.' : `${total} hồ sơ.`;
  } catch (error) {
    listStatus.textContent = error instanceof ApiError ? error.message : 'Không tải được danh sách hồ sơ.';
  }
}

function listItem(item: DossierSummary): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'dossier-list__button', 'aria-current': item.id === selectedId ? 'true' : undefined, 'data-dossier-id': item.id },
    h('span', { class: 'dossier-list__name' }, item.applicant.fullName),
    h('span', { class: 'dossier-list__procedure' }, item.procedure.name),
    h(
      'span',
      { class: 'dossier-list__meta' },
      h('span', { class: `status status--${item.status}` }, statusLabels[item.status]),
      item.recommendation && item.status === 'checked' ? h('span', { class: 'muted' }, ` · Đề xuất: ${decisionLabels[item.recommendation.decision]}`) : null,
      h('span', { class: 'muted' }, ` · ${item.fileCount} tệp · ${formatDateTime(item.createdAt)}`),
    ),
  );
  button.addEventListener('click', () => void open(item.id, true));
  return h('li', {}, button);
}

async function open(id: string, focus: boolean) {
  if (!client) return;
  clearTimeout(pollTimer);
  selectedId = id;
  for (const button of list.querySelectorAll<HTMLElement>('.dossier-list__button')) {
    if (button.dataset.dossierId === id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
  let dossier: Dossier;
  try {
    dossier = await client.get(id);
  } catch (error) {
    show(h('p', { class: 'alert alert--danger', role: 'alert' }, error instanceof ApiError ? error.message : 'Không mở được hồ sơ.'));
    return;
  }
  if (selectedId !== id) return;
  review?.dispose();
  review = renderReview(dossier, client, (decided) => {
    void refreshList();
    void open(decided.id, false);
  });
  show(review.element);
  if (focus) detail.focus();
  if (dossier.status === 'queued' || dossier.status === 'processing') {
    pollTimer = setTimeout(() => void open(id, false).then(() => refreshList()), pollMs);
  }
}

function show(content: HTMLElement) {
  detail.replaceChildren(content);
}

const existing = loadSession();
if (existing) start(existing);
