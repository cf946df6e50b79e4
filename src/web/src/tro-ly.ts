// Citizens' chat page: asks /v1/chat with server-sent events, shows the answer as it streams,
// its citations (each opens the cited passage), suggestions, feedback buttons and "gặp cán bộ".
import './styles.css';
import './tro-ly.css';
import { ApiError, fetchJson, networkHint, unreachableMessage } from './shared/api.js';

interface Citation {
  index: number;
  document: { id: string; title: string; number: string | null; kind: string; source: string };
  citation: { article: string | null; clause: string | null; point: string | null; section: string | null; label: string };
  procedure: { code: string; name: string } | null;
  text: string;
}
interface Reply {
  conversationId: string;
  messageId: string;
  outcome: string;
  answer: string;
  citations: Citation[];
  suggestions?: string[];
}

const log = document.querySelector<HTMLElement>('#hoi-thoai')!;
const form = document.querySelector<HTMLFormElement>('#khung-hoi')!;
const input = document.querySelector<HTMLTextAreaElement>('#cau-hoi')!;
const errorBox = document.querySelector<HTMLElement>('#loi')!;
const handoverButton = document.querySelector<HTMLButtonElement>('#gap-can-bo')!;
const dialog = document.querySelector<HTMLDialogElement>('#trich-dan')!;
const storageKey = 'tro-ly-so:conversation';
let conversationId = sessionStorage.getItem(storageKey) ?? undefined;
let busy = false;

handoverButton.disabled = !conversationId;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function addMessage(role: 'user' | 'assistant' | 'officer', text = ''): HTMLElement {
  log.querySelector('.chat__empty')?.remove();
  const item = element('article', `message message--${role}`);
  item.append(element('p', 'message__who', role === 'user' ? 'Bạn' : role === 'officer' ? 'Cán bộ' : 'Trợ lý số'));
  item.append(element('div', 'message__text', text));
  log.append(item);
  item.scrollIntoView({ block: 'end' });
  return item;
}

function openPassage(citation: Citation): void {
  dialog.querySelector('.passage__title')!.textContent = citation.citation.label;
  const source = [citation.document.title, citation.document.number, citation.procedure ? `Mã thủ tục: ${citation.procedure.code}` : null].filter(Boolean).join(' · ');
  dialog.querySelector('.passage__source')!.textContent = source;
  dialog.querySelector('.passage__text')!.textContent = citation.text;
  dialog.showModal();
}

/** The answer text with each [n] as a link that opens citation n. */
function renderAnswer(target: HTMLElement, reply: Reply): void {
  target.textContent = '';
  for (const part of reply.answer.split(/(\[\d+\])/)) {
    const marker = /^\[(\d+)\]$/.exec(part);
    const citation = marker ? reply.citations[Number(marker[1]) - 1] : undefined;
    if (!citation) {
      target.append(part);
      continue;
    }
    const link = element('a', 'citation-marker', part);
    link.href = `#trich-dan-${citation.index}`;
    link.setAttribute('aria-label', `Trích dẫn ${citation.index}: ${citation.citation.label}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      openPassage(citation);
    });
    target.append(link);
  }
}

function renderExtras(item: HTMLElement, reply: Reply): void {
  if (reply.citations.length > 0) {
    const list = element('ol', 'citations');
    list.setAttribute('aria-label', 'Trích dẫn');
    for (const citation of reply.citations) {
      const link = element('a', 'citation-link', citation.citation.label);
      link.href = `#trich-dan-${citation.index}`;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openPassage(citation);
      });
      const entry = element('li');
      entry.append(link);
      list.append(entry);
    }
    item.append(list);
  }
  if (reply.suggestions?.length) {
    const box = element('div', 'suggestions');
    box.append(element('p', 'suggestions__title', reply.outcome === 'needs_clarification' ? 'Chọn thủ tục:' : 'Có thể bạn muốn hỏi:'));
    for (const suggestion of reply.suggestions) {
      const button = element('button', 'suggestion', suggestion);
      button.type = 'button';
      button.addEventListener('click', () => void ask(suggestion));
      box.append(button);
    }
    item.append(box);
  }
  const feedback = element('div', 'feedback');
  feedback.setAttribute('role', 'group');
  feedback.setAttribute('aria-label', 'Đánh giá câu trả lời');
  // the word beside the symbol keeps the button readable where no emoji font is installed
  for (const [rating, label, symbol, word] of [['up', 'Câu trả lời hữu ích', '👍', 'Hữu ích'], ['down', 'Câu trả lời chưa hữu ích', '👎', 'Chưa đúng']] as const) {
    const button = element('button', 'feedback__button', `${symbol} ${word}`);
    button.type = 'button';
    button.setAttribute('aria-label', label);
    button.addEventListener('click', () => void sendFeedback(reply, rating, feedback));
    feedback.append(button);
  }
  item.append(feedback);
}

async function sendFeedback(reply: Reply, rating: 'up' | 'down', box: HTMLElement): Promise<void> {
  const comment = rating === 'down' ? (window.prompt('Góp ý để trợ lý trả lời tốt hơn (không bắt buộc):') ?? undefined) : undefined;
  try {
    await fetchJson(`./v1/chat/${reply.conversationId}/messages/${reply.messageId}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rating, ...(comment ? { comment } : {}) }),
    });
    box.replaceChildren(element('p', 'feedback__thanks', 'Cảm ơn bạn đã đánh giá.'));
  } catch (error) {
    showError(error);
  }
}

function showError(error: unknown): void {
  errorBox.textContent = error instanceof ApiError ? error.message : `${unreachableMessage}. ${networkHint}`;
}

/** Posts the question and reads the event stream: deltas are shown as they arrive. */
async function ask(message: string): Promise<void> {
  if (busy || !message.trim()) return;
  busy = true;
  errorBox.textContent = '';
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled = true;
  addMessage('user', message);
  const item = addMessage('assistant');
  item.setAttribute('aria-busy', 'true');
  const text = item.querySelector<HTMLElement>('.message__text')!;
  try {
    const response = await fetch('./v1/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message, ...(conversationId ? { conversationId } : {}) }),
    });
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
      throw new ApiError(body?.detail ?? `Yêu cầu không thực hiện được (mã ${response.status}).`, response.status, body);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let reply: Reply | undefined;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (!event || !data) continue;
        if (event === 'delta') text.append((JSON.parse(data) as { text: string }).text);
        else if (event === 'done') reply = JSON.parse(data) as Reply;
      }
    }
    if (!reply) throw new ApiError('Câu trả lời bị gián đoạn. Vui lòng hỏi lại.', 0);
    conversationId = reply.conversationId;
    sessionStorage.setItem(storageKey, conversationId);
    handoverButton.disabled = false;
    item.dataset.outcome = reply.outcome;
    renderAnswer(text, reply);
    renderExtras(item, reply);
  } catch (error) {
    item.remove();
    showError(error);
  } finally {
    item.removeAttribute('aria-busy');
    busy = false;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled = false;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const message = input.value.trim();
  if (!message) {
    errorBox.textContent = 'Vui lòng nhập câu hỏi.';
    return;
  }
  input.value = '';
  void ask(message);
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
document.querySelector('#hoi-moi')!.addEventListener('click', () => {
  conversationId = undefined;
  sessionStorage.removeItem(storageKey);
  handoverButton.disabled = true;
  log.replaceChildren(element('p', 'chat__empty', 'Bắt đầu cuộc trò chuyện mới.'));
  input.focus();
});
handoverButton.addEventListener('click', async () => {
  if (!conversationId) return;
  try {
    const result = await fetchJson<{ reply: string }>(`./v1/chat/${conversationId}/handover`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    addMessage('assistant', result.reply);
  } catch (error) {
    showError(error);
  }
});
