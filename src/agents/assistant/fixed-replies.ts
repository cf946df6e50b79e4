/**
 * The assistant's own sentences (no retrieval behind them): what it says when it cannot or must
 * not answer from the documents. Kept together so the wording is reviewed in one place.
 */

export const ONE_STOP_HINT =
  'Bạn có thể liên hệ trực tiếp Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của xã, phường nơi bạn cư trú, ' +
  'hoặc gọi đường dây nóng của Trung tâm Phục vụ hành chính công tỉnh để được hướng dẫn.';

export const replies = {
  noInformation: `Xin lỗi, tôi chưa tìm thấy thông tin về nội dung này trong các thủ tục hành chính và văn bản pháp luật hiện có, nên không thể trả lời chắc chắn. ${ONE_STOP_HINT}`,
  outOfScope:
    'Xin lỗi, tôi là trợ lý hỏi đáp về thủ tục hành chính và pháp luật của tỉnh Gia Lai nên không hỗ trợ nội dung này. ' +
    'Bạn có thể hỏi, ví dụ: "Đăng ký khai sinh cần giấy tờ gì?" hoặc "Lệ phí chứng thực bản sao là bao nhiêu?".',
  refused:
    'Xin lỗi, tôi không thể hỗ trợ yêu cầu này. Trợ lý chỉ hướng dẫn thủ tục hành chính và pháp luật, không cung cấp thông tin của người khác ' +
    'và không hỗ trợ việc trái pháp luật. Mong bạn giữ lời lẽ lịch sự để được phục vụ tốt nhất.',
  personalData:
    'Trợ lý không xem hồ sơ cá nhân trong khung trò chuyện để bảo vệ dữ liệu của bạn. Để biết hồ sơ của bạn đang được xử lý đến đâu, ' +
    'hãy tra cứu bằng mã hồ sơ ghi trên giấy tiếp nhận (chức năng tra cứu tình trạng hồ sơ, API GET /v1/dossiers/{mã hồ sơ}), ' +
    'hoặc liên hệ Bộ phận Một cửa nơi bạn đã nộp hồ sơ.',
  greeting:
    'Xin chào! Tôi là Trợ lý số của tỉnh Gia Lai. Bạn có thể hỏi về giấy tờ cần chuẩn bị, lệ phí, thời hạn, nơi nộp hay trình tự của một thủ tục hành chính, ' +
    'hoặc về quy định pháp luật.',
  thanks: 'Rất vui được hỗ trợ bạn. Nếu còn thắc mắc về thủ tục khác, bạn cứ hỏi tiếp nhé.',
  whichProcedure: 'Bạn muốn hỏi về thủ tục nào? Ví dụ: "Lệ phí đăng ký kết hôn là bao nhiêu?"',
  clarify: 'Câu hỏi của bạn có thể thuộc một trong các thủ tục sau. Bạn hỏi về thủ tục nào?',
  personalDataNotice:
    'Lưu ý: bạn không nên gửi số căn cước, số điện thoại hay địa chỉ thư điện tử trong khung trò chuyện; hệ thống đã ẩn các thông tin này.',
} as const;

/** Office hours of the one-stop desks: Monday–Friday 7:30–11:30 and 13:30–17:00, Vietnam time (UTC+7, no daylight saving). */
const OPEN_PERIODS: ReadonlyArray<[number, number]> = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];
const DAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

export function vietnamTime(now: Date): { day: number; minutes: number; date: Date } {
  const local = new Date(now.getTime() + 7 * 3600_000);
  return { day: local.getUTCDay(), minutes: local.getUTCHours() * 60 + local.getUTCMinutes(), date: local };
}

export function isOfficeHours(now: Date): boolean {
  const { day, minutes } = vietnamTime(now);
  return day >= 1 && day <= 5 && OPEN_PERIODS.some(([start, end]) => minutes >= start && minutes < end);
}

/** When an officer can next pick up a request, as a Vietnamese phrase. */
export function nextOpening(now: Date): string {
  const { day, minutes } = vietnamTime(now);
  for (let offset = 0; offset < 8; offset++) {
    const weekday = (day + offset) % 7;
    if (weekday === 0 || weekday === 6) continue;
    for (const [start] of OPEN_PERIODS) {
      if (offset === 0 && minutes >= start) continue;
      const time = `${Math.floor(start / 60)} giờ ${String(start % 60).padStart(2, '0')}`;
      if (offset === 0) return `${time} hôm nay`;
      if (offset === 1) return `${time} sáng mai (${DAY_NAMES[weekday]})`;
      return `${time} sáng ${DAY_NAMES[weekday]}`;
    }
  }
  return '7 giờ 30 ngày làm việc tiếp theo';
}

export function handoverReply(now: Date): string {
  return isOfficeHours(now)
    ? 'Yêu cầu gặp cán bộ của bạn đã được chuyển tới Bộ phận Một cửa. Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này trong giờ làm việc hôm nay.'
    : `Yêu cầu gặp cán bộ của bạn đã được ghi nhận. Hiện ngoài giờ làm việc (thứ Hai đến thứ Sáu, 7 giờ 30 – 11 giờ 30 và 13 giờ 30 – 17 giờ), ` +
        `cán bộ sẽ trả lời trong cuộc trò chuyện này từ ${nextOpening(now)}.`;
}
