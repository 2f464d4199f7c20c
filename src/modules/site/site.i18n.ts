/** The site module's words: Vietnamese (the source of the keys) and English. */
export const vi = {
  'home.title': 'Kết nối ý tưởng với những người có thể giúp nó thành hiện thực',
  'home.lead':
    'Nơi tác giả, nhóm tác giả đăng ký dự án và đề nghị hỗ trợ; Sở Khoa học và Công nghệ kết nối họ với chuyên gia, khóa đào tạo, khu làm việc chung, doanh nghiệp và chương trình quốc gia.',
  'home.cta.register': 'Đăng ký dự án của bạn',
  'home.cta.browse': 'Xem các dự án',
  'home.figures': 'Con số của mạng lưới',
  'home.figure.projects': 'dự án, ý tưởng công khai',
  'home.figure.supports': 'lượt hỗ trợ đã ghi nhận',
  'home.figure.communes': 'xã, phường có dự án',
  'home.latest': 'Dự án mới',
  'search.title': 'Tìm kiếm',
  'search.label': 'Tìm dự án, sản phẩm, xã phường',
  'search.results': 'Kết quả cho “{q}”',
  'search.projects': 'Dự án',
  'search.communes': 'Xã, phường',
  'search.prompt': 'Nhập từ khóa để tìm. Gõ không dấu cũng được.',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof vi, string> = {
  'home.title': 'Connecting ideas with the people who can help make them happen',
  'home.lead':
    'Where founders and founding teams register their projects and ask for support, and the Department of Science and Technology connects them with experts, training courses, co-working spaces, businesses and national programmes.',
  'home.cta.register': 'Register your project',
  'home.cta.browse': 'Browse projects',
  'home.figures': 'The network in numbers',
  'home.figure.projects': 'public projects and ideas',
  'home.figure.supports': 'support activities recorded',
  'home.figure.communes': 'communes/wards with projects',
  'home.latest': 'Latest projects',
  'search.title': 'Search',
  'search.label': 'Search projects, products, communes/wards',
  'search.results': 'Results for “{q}”',
  'search.projects': 'Projects',
  'search.communes': 'Communes/wards',
  'search.prompt': 'Enter a keyword to search. You can type without Vietnamese accents.',
};

declare module '#kernel/i18n/index.ts' {
  interface Messages extends Record<keyof typeof vi, string> {}
}
