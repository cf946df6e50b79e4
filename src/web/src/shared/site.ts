// What the site is made of: the pages for each user group and who runs it. Read both at build time
// (layout partials) and in the browser, so keep this file free of DOM and Node APIs.

export interface SiteSection {
  /** Page file name without `.html`; also the key in `pages` of vite.config.ts. */
  id: string;
  /** Relative, so the site also works behind a reverse proxy under a sub-path. */
  href: string;
  audience: string;
  title: string;
  summary: string;
  /** `false` shows the "Sắp ra mắt" badge on the landing page and keeps the page out of the header. */
  available: boolean;
}

export const site = {
  name: 'Trợ lý số',
  province: 'Tỉnh Gia Lai',
  tagline: 'Nền tảng trợ lý ảo và xử lý hồ sơ thông minh',
  owner: 'Ủy ban nhân dân tỉnh Gia Lai',
  // The operating department is not settled yet; change it here and every page follows.
  operator: 'Sở Khoa học và Công nghệ tỉnh Gia Lai',
  apiDocsHref: './docs/',
} as const;

export const sections: readonly SiteSection[] = [
  {
    id: 'tro-ly',
    href: './tro-ly.html',
    audience: 'Người dân',
    title: 'Hỏi đáp thủ tục hành chính và pháp luật',
    summary:
      'Hỏi bằng tiếng Việt, gõ có dấu hay không dấu đều được. Câu trả lời nêu rõ văn bản, điều, khoản làm căn cứ.',
    available: true,
  },
  {
    id: 'can-bo',
    href: './can-bo.html',
    audience: 'Cán bộ một cửa',
    title: 'Kiểm tra hồ sơ',
    summary:
      'Đối chiếu thành phần hồ sơ với quy định của thủ tục, chỉ ra giấy tờ còn thiếu và gợi ý điền tờ khai.',
    available: true,
  },
  {
    id: 'lanh-dao',
    href: './lanh-dao.html',
    audience: 'Lãnh đạo',
    title: 'Bảng điều khiển',
    summary:
      'Theo dõi số câu hỏi, hồ sơ và lĩnh vực người dân quan tâm; đặt câu hỏi phân tích bằng lời.',
    available: false,
  },
];
