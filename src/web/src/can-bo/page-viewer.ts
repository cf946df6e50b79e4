// The page images of a dossier with the evidence of the selected check or field outlined on them.
// Evidence boxes are fractions of the page, so they are placed in percent over the image.
import { ApiError } from '../shared/api.js';
import { h } from './dom.js';
import type { DossierClient, DossierFile, Evidence } from './dossiers.api.js';
import { fieldLabel } from './labels.js';

export interface PageViewer {
  element: HTMLElement;
  show(evidence: Evidence, description: string): Promise<void>;
  dispose(): void;
}

const imageWidth = 1100;

export function createPageViewer(client: DossierClient, files: DossierFile[], pageCounts: Map<string, number>): PageViewer {
  const urls = new Map<string, string>();
  const select = h('select', { id: 'chon-trang', 'aria-label': 'Trang đang xem' });
  for (const file of files) {
    const pages = pageCounts.get(file.id) ?? file.pageCount ?? 1;
    for (let page = 1; page <= pages; page++) {
      select.append(h('option', { value: `${file.id}:${page}` }, `${file.filename} — trang ${page}`));
    }
  }
  const download = h('button', { type: 'button', class: 'button button--secondary', id: 'tai-tep-goc' }, 'Tải tệp gốc');
  download.addEventListener('click', async () => {
    const file = files.find((candidate) => candidate.id === select.value.split(':')[0]);
    if (!file) return;
    download.setAttribute('aria-busy', 'true');
    try {
      const url = URL.createObjectURL(await client.originalFile(file));
      const link = h('a', { href: url, download: file.filename });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      caption.textContent = error instanceof ApiError ? error.message : 'Không tải được tệp gốc.';
    } finally {
      download.removeAttribute('aria-busy');
    }
  });
  const image = h('img', { class: 'page-viewer__image', alt: '' });
  const boxes = h('div', { class: 'page-viewer__boxes', 'aria-hidden': 'true' });
  const stage = h('div', { class: 'page-viewer__stage' }, image, boxes);
  const caption = h('p', { class: 'page-viewer__caption', id: 'mo-ta-bang-chung', role: 'status' }, 'Chọn một bằng chứng trong danh sách kiểm tra để xem trên trang giấy tờ.');
  const element = h(
    'section',
    { class: 'page-viewer', 'aria-labelledby': 'tieu-de-trang-giay-to', 'data-state': 'empty' },
    h('div', { class: 'page-viewer__toolbar' }, h('h3', { id: 'tieu-de-trang-giay-to' }, 'Trang giấy tờ'), select, download),
    caption,
    stage,
  );
  let shown = '';

  async function load(fileId: string, page: number, highlight: Evidence | undefined, description: string) {
    const file = files.find((candidate) => candidate.id === fileId);
    if (!file) return;
    const key = `${fileId}:${page}`;
    shown = key;
    select.value = key;
    element.dataset.state = 'loading';
    boxes.replaceChildren();
    caption.textContent = description;
    try {
      let url = urls.get(key);
      if (!url) {
        url = await client.pageImage(file, page, imageWidth);
        urls.set(key, url);
      }
      if (shown !== key) return; // another page was chosen meanwhile
      if (image.src !== url) {
        const loaded = new Promise((resolve) => image.addEventListener('load', resolve, { once: true }));
        image.src = url;
        await loaded;
      }
      image.alt = `${file.filename}, trang ${page}`;
      if (highlight?.box) {
        const { x, y, width, height } = highlight.box;
        const box = h('div', { class: 'evidence-box', 'data-field': highlight.field });
        Object.assign(box.style, { left: `${x * 100}%`, top: `${y * 100}%`, width: `${width * 100}%`, height: `${height * 100}%` });
        boxes.append(box);
        box.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
      element.dataset.state = highlight?.box ? 'highlighted' : 'page';
    } catch (error) {
      element.dataset.state = 'error';
      image.removeAttribute('src');
      caption.textContent = error instanceof ApiError ? error.message : 'Không hiển thị được trang này.';
    }
  }

  select.addEventListener('change', () => {
    const [fileId = '', page = '1'] = select.value.split(':');
    void load(fileId, Number(page), undefined, 'Đang xem trang giấy tờ.');
  });

  return {
    element,
    show: (evidence, description) => {
      const what = evidence.field ? `${fieldLabel(evidence.field)}${evidence.value ? `: “${evidence.value}”` : ''}` : '';
      const where = `${files.find((file) => file.id === evidence.fileId)?.filename ?? 'tệp'}, trang ${evidence.page}`;
      const text = [description, what, where].filter(Boolean).join(' — ');
      return load(evidence.fileId, evidence.page, evidence, evidence.box ? text : `${text} (hệ thống không ghi vị trí trên trang)`);
    },
    dispose: () => {
      for (const url of urls.values()) URL.revokeObjectURL(url);
      urls.clear();
    },
  };
}
