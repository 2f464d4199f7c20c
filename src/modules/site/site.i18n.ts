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
  'home.upcoming': 'Sắp diễn ra',
  'home.allEvents': 'Tất cả sự kiện, khóa tập huấn',
  'home.products': 'Sản phẩm của mạng lưới',
  'home.allProducts': 'Xem tất cả sản phẩm',
  'home.allFigures': 'Số liệu và câu chuyện thành công',
  'search.title': 'Tìm kiếm',
  'search.label': 'Tìm dự án, sản phẩm, chuyên gia, đối tác, sự kiện',
  'search.results': 'Kết quả cho “{q}”',
  'search.projects': 'Dự án',
  'search.communes': 'Xã, phường',
  'search.products': 'Sản phẩm',
  'search.experts': 'Chuyên gia',
  'search.partners': 'Đối tác',
  'search.events': 'Sự kiện',
  'search.all': 'Xem cả {count} kết quả',
  'search.nothing': 'Không tìm thấy gì cho “{q}”.',
  'search.nothingHint':
    'Hãy thử một từ ngắn hơn, ví dụ tên sản phẩm hoặc tên xã, hoặc xem danh sách dự án và sản phẩm.',
  'search.found': 'Tìm thấy ở: {groups}',
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
  'home.upcoming': 'Coming up',
  'home.allEvents': 'All events and courses',
  'home.products': 'Products of the network',
  'home.allProducts': 'See all products',
  'home.allFigures': 'Figures and success stories',
  'search.title': 'Search',
  'search.label': 'Search projects, products, experts, partners, events',
  'search.results': 'Results for “{q}”',
  'search.projects': 'Projects',
  'search.communes': 'Communes/wards',
  'search.products': 'Products',
  'search.experts': 'Experts',
  'search.partners': 'Partners',
  'search.events': 'Events',
  'search.all': 'See all {count} results',
  'search.nothing': 'Nothing found for “{q}”.',
  'search.nothingHint':
    'Try a shorter word, such as a product or a commune name, or browse the lists of projects and products.',
  'search.found': 'Found in: {groups}',
  'search.prompt': 'Enter a keyword to search. You can type without Vietnamese accents.',
};

declare module '#kernel/i18n/index.ts' {
  interface Messages extends Record<keyof typeof vi, string> {}
}
