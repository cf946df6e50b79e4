// Shared page frame (skip link, header, footer) and the landing page's group cards, rendered to
// HTML at build time by the `layoutPartials` plugin in vite.config.ts. A page writes
// `<!-- partial:header -->` where the piece belongs; the page then works before (and without)
// JavaScript and no page repeats the frame. Pure string functions: this runs in Node and the browser.
import { escapeHtml } from './html.js';
import { sections, site } from './site.js';

export interface PageContext {
  /** Page file name without `.html` (`index`, `tro-ly`, …) — marks the current link in the header. */
  pageId: string;
}

const brandMark = `<svg class="brand__mark" viewBox="0 0 32 32" width="36" height="36" aria-hidden="true" focusable="false">
  <rect width="32" height="32" rx="8" fill="currentColor"/>
  <path d="M8 10.5A2.5 2.5 0 0 1 10.5 8h11A2.5 2.5 0 0 1 24 10.5v7a2.5 2.5 0 0 1-2.5 2.5H15l-4.6 3.8c-.5.4-1.4.1-1.4-.6V20h0.5A1.5 1.5 0 0 1 8 18.5Z" fill="#fff"/>
  <circle cx="12.5" cy="14" r="1.5" fill="currentColor"/><circle cx="16" cy="14" r="1.5" fill="currentColor"/><circle cx="19.5" cy="14" r="1.5" fill="currentColor"/>
</svg>`;

function navLink(href: string, label: string, current: boolean): string {
  return `<li><a class="site-nav__link" href="${escapeHtml(href)}"${current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`;
}

export function siteHeader({ pageId }: PageContext): string {
  const links = [
    navLink('./', 'Trang chủ', pageId === 'index'),
    ...sections.filter((section) => section.available).map((section) => navLink(section.href, section.audience, pageId === section.id)),
    navLink(site.apiDocsHref, 'Tài liệu API', false),
  ];
  return `<a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site-header">
  <div class="container site-header__inner">
    <a class="brand" href="./">
      ${brandMark}
      <span class="brand__text"><span class="brand__name">${escapeHtml(site.name)}</span><span class="brand__province">${escapeHtml(site.province)}</span></span>
    </a>
    <nav class="site-nav" aria-label="Điều hướng chính"><ul class="site-nav__list">${links.join('')}</ul></nav>
  </div>
</header>`;
}

export function siteFooter(): string {
  return `<footer class="site-footer">
  <div class="container site-footer__inner">
    <div>
      <p class="site-footer__owner">${escapeHtml(site.owner)}</p>
      <p>Đơn vị vận hành: ${escapeHtml(site.operator)}</p>
    </div>
    <p class="site-footer__note">Thông tin do ${escapeHtml(site.name)} cung cấp chỉ để tham khảo. Kết quả giải quyết thủ tục hành chính căn cứ vào văn bản của cơ quan có thẩm quyền.</p>
  </div>
</footer>`;
}

/** The landing page's cards, one per user group; the badge is part of the link's description. */
export function sectionCards(): string {
  const cards = sections.map((section) => {
    const badgeId = `${section.id}-trang-thai`;
    const badge = section.available ? '' : `<span class="badge" id="${badgeId}">Sắp ra mắt</span>`;
    return `<li class="card">
  <h3 class="card__heading"><a class="card__link" href="${escapeHtml(section.href)}"${section.available ? '' : ` aria-describedby="${badgeId}"`}>
<span class="card__audience">${escapeHtml(section.audience)}<span class="visually-hidden">:</span></span><span class="card__title">${escapeHtml(section.title)}</span></a></h3>
  <p class="card__summary">${escapeHtml(section.summary)}</p>
  ${badge}
</li>`;
  });
  return `<ul class="cards" role="list">${cards.join('\n')}</ul>`;
}

export const partials: Record<string, (context: PageContext) => string> = {
  header: siteHeader,
  footer: siteFooter,
  'section-cards': sectionCards,
};
