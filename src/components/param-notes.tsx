import type { Lang } from '../domain/format.ts';
import './page.css';

export type ParamNoteCode =
  | 'bad_month'
  | 'bad_level'
  | 'bad_lang'
  | 'other_host'
  | 'from_after_to'
  | 'out_of_span'
  | 'unknown_unit'
  | 'unknown_field'
  | 'absent_level'
  | 'unknown_param'
  | 'bad_view'
  | 'bad_slide'
  | 'bad_theme'
  | 'bad_compare'
  | 'bad_target';

export interface ParamNoteView {
  param: string;
  value: string;
  code: ParamNoteCode;
}

const WHY: Record<Lang, Record<ParamNoteCode, string>> = {
  vi: {
    bad_month: 'tháng phải có dạng YYYY-MM',
    bad_level: 'cấp phải là province, district, commune hoặc all',
    bad_lang: 'ngôn ngữ phải là vi hoặc en',
    other_host: 'chỉ đọc dữ liệu trên cùng trang web này',
    from_after_to: 'tháng bắt đầu ở sau tháng kết thúc',
    out_of_span: 'nằm ngoài khoảng thời gian có số liệu',
    unknown_unit: 'không có đơn vị này trong dữ liệu',
    unknown_field: 'không có lĩnh vực này trong dữ liệu',
    absent_level: 'dữ liệu không có đơn vị nào ở cấp này',
    unknown_param: 'tham số không được dùng',
    bad_view: 'chế độ xem phải là present hoặc presenter',
    bad_slide: 'số trang chiếu phải là số nguyên dương',
    bad_theme: 'giao diện trình chiếu phải là light hoặc dark',
    bad_compare: 'so sánh phải là year (cùng kỳ năm trước) hoặc previous (kỳ trước)',
    bad_target: 'chỉ tiêu phải là một số phần trăm từ 0 đến 100, ví dụ 90 hoặc 92,5',
  },
  en: {
    bad_month: 'a month must be YYYY-MM',
    bad_level: 'level must be province, district, commune or all',
    bad_lang: 'language must be vi or en',
    other_host: 'data is read only from this same site',
    from_after_to: 'the start month is after the end month',
    out_of_span: 'outside the months the data covers',
    unknown_unit: 'no such unit in the data',
    unknown_field: 'no such procedure field in the data',
    absent_level: 'the data has no unit at that level',
    unknown_param: 'not a parameter this page uses',
    bad_view: 'view must be present or presenter',
    bad_slide: 'the slide must be a positive whole number',
    bad_theme: 'the presentation theme must be light or dark',
    bad_compare: 'compare must be year (the same months a year earlier) or previous (the previous period)',
    bad_target: 'a target must be a percentage from 0 to 100, such as 90 or 92.5',
  },
};

/** Parameters of the address that were ignored, and why: visible, never a blank page. */
export function ParamNotes({ notes, lang }: { notes: readonly ParamNoteView[]; lang: Lang }) {
  if (notes.length === 0) return null;
  const title =
    lang === 'vi' ? 'Một số tham số trong địa chỉ đã bị bỏ qua:' : 'Some parameters in the address were ignored:';
  return (
    <div className="alert alert--note" role="status">
      <p className="alert__title">{title}</p>
      <ul className="alert__list">
        {notes.map((n) => (
          <li key={`${n.param}=${n.value}:${n.code}`}>
            <code>
              {n.param}={n.value}
            </code>
            : {WHY[lang][n.code]}
          </li>
        ))}
      </ul>
    </div>
  );
}
