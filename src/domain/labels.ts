import type { Lang } from './format.ts';
import type { Level } from './schema.ts';

/**
 * Names of levels and figures, shared by the page, the slides, the briefing
 * and the exports so one figure carries one name everywhere.
 */

export const LEVEL_LABEL: Record<Level, Record<Lang, string>> = {
  province: { vi: 'Cấp tỉnh', en: 'Province level' },
  district: { vi: 'Cấp huyện', en: 'District level' },
  commune: { vi: 'Cấp xã', en: 'Commune level' },
};

export const LEVEL_SHORT: Record<Level, Record<Lang, string>> = {
  province: { vi: 'Tỉnh', en: 'Province' },
  district: { vi: 'Huyện', en: 'District' },
  commune: { vi: 'Xã', en: 'Commune' },
};

/** The level as a noun inside a phrase: "cả tỉnh và xã", "province and commune". */
export const LEVEL_NOUN: Record<Level, Record<Lang, string>> = {
  province: { vi: 'tỉnh', en: 'province' },
  district: { vi: 'huyện', en: 'district' },
  commune: { vi: 'xã', en: 'commune' },
};

/**
 * The name of "all levels" for the levels a dataset has, so that a province
 * with its communes reads "Cả tỉnh và xã" and never mentions a district.
 */
export function allLevelsLabel(levels: readonly Level[], lang: Lang): string {
  const nouns = levels.map((l) => LEVEL_NOUN[l][lang]);
  const list =
    nouns.length <= 1
      ? nouns.join('')
      : `${nouns.slice(0, -1).join(', ')} ${lang === 'vi' ? 'và' : 'and'} ${nouns.at(-1)}`;
  if (lang === 'vi') return `Cả ${list}`;
  return nouns.length <= 1 ? `All (${list})` : `All levels (${list})`;
}

/** The word for a procedure field (lĩnh vực). */
export const FIELD_LABEL: Record<Lang, string> = { vi: 'Lĩnh vực', en: 'Field' };
export const ALL_FIELDS_LABEL: Record<Lang, string> = { vi: 'Tất cả lĩnh vực', en: 'All fields' };

export type FigureKey =
  | 'total'
  | 'carriedOver'
  | 'received'
  | 'onTime'
  | 'onTimeRate'
  | 'resolved'
  | 'resolvedEarly'
  | 'resolvedOnTime'
  | 'resolvedLate'
  | 'withdrawn'
  | 'pending'
  | 'pendingWithinDeadline'
  | 'pendingOverdue'
  | 'online'
  | 'receivedOnline'
  | 'onlineRate'
  | 'receivedOnlineLevel3'
  | 'receivedOnlineLevel4'
  | 'level4Share'
  | 'offline'
  | 'interlinked'
  | 'saturdayReceived'
  | 'apologyLetters'
  | 'feesVnd'
  | 'completionRate';

export const FIGURE_LABEL: Record<FigureKey, Record<Lang, string>> = {
  total: { vi: 'Hồ sơ tiếp nhận và xử lý', en: 'Dossiers handled' },
  carriedOver: { vi: 'Kỳ trước chuyển sang', en: 'Carried over' },
  received: { vi: 'Mới tiếp nhận', en: 'Newly received' },
  onTime: { vi: 'Giải quyết đúng hạn', en: 'Resolved on time' },
  onTimeRate: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' },
  resolved: { vi: 'Đã giải quyết', en: 'Resolved' },
  resolvedEarly: { vi: 'Giải quyết trước hạn', en: 'Resolved early' },
  resolvedOnTime: { vi: 'Giải quyết đúng hạn', en: 'Resolved on time' },
  resolvedLate: { vi: 'Giải quyết quá hạn', en: 'Resolved late' },
  withdrawn: { vi: 'Trả lại / rút hồ sơ', en: 'Withdrawn' },
  pending: { vi: 'Đang giải quyết', en: 'In progress' },
  pendingWithinDeadline: { vi: 'Đang giải quyết trong hạn', en: 'In progress, within deadline' },
  pendingOverdue: { vi: 'Đang giải quyết quá hạn', en: 'In progress, overdue' },
  online: { vi: 'Hồ sơ trực tuyến mức độ 3, 4', en: 'Online dossiers, levels 3 and 4' },
  receivedOnline: { vi: 'Hồ sơ trực tuyến', en: 'Online dossiers' },
  onlineRate: { vi: 'Tỷ lệ trực tuyến', en: 'Online uptake' },
  receivedOnlineLevel3: { vi: 'Trực tuyến mức độ 3 (một phần)', en: 'Online level 3 (partial)' },
  receivedOnlineLevel4: { vi: 'Trực tuyến mức độ 4 (toàn trình)', en: 'Online level 4 (end-to-end)' },
  level4Share: { vi: 'Tỷ lệ mức độ 4', en: 'Level-4 share' },
  offline: { vi: 'Trực tiếp, bưu chính', en: 'In person or by post' },
  interlinked: { vi: 'Hồ sơ liên thông', en: 'Interlinked dossiers' },
  saturdayReceived: { vi: 'Tiếp nhận sáng thứ 7', en: 'Received on Saturday mornings' },
  apologyLetters: { vi: 'Thư xin lỗi', en: 'Apology letters' },
  feesVnd: { vi: 'Phí, lệ phí', en: 'Fees and charges' },
  completionRate: { vi: 'Tỷ lệ đã giải quyết', en: 'Completion rate' },
};

/** Words for figures the data does not report, never shown as 0. */
export const NOT_REPORTED: Record<Lang, string> = { vi: 'không báo cáo', en: 'not reported' };

/** Where online dossiers are given as one total, without levels 3 and 4. */
export const SPLIT_NOT_REPORTED: Record<Lang, string> = {
  vi: 'không báo cáo tách mức độ 3, 4',
  en: 'split into levels 3 and 4 not reported',
};

/** The kinds of unit a name begins with, most specific first ("Thành phố" can be a province or a district). */
const UNIT_TYPES: readonly { prefix: string; levels: readonly Level[]; vi: string; en: string }[] = [
  { prefix: 'thị trấn', levels: ['commune'], vi: 'Thị trấn', en: 'Town' },
  { prefix: 'phường', levels: ['commune'], vi: 'Phường', en: 'Ward' },
  { prefix: 'đặc khu', levels: ['commune'], vi: 'Đặc khu', en: 'Special zone' },
  { prefix: 'xã', levels: ['commune'], vi: 'Xã', en: 'Commune' },
  { prefix: 'thị xã', levels: ['district'], vi: 'Thị xã', en: 'Town' },
  { prefix: 'quận', levels: ['district'], vi: 'Quận', en: 'Urban district' },
  { prefix: 'huyện', levels: ['district'], vi: 'Huyện', en: 'District' },
  { prefix: 'thành phố', levels: ['district', 'province'], vi: 'Thành phố', en: 'City' },
  { prefix: 'tỉnh', levels: ['province'], vi: 'Tỉnh', en: 'Province' },
];

/**
 * What kind of unit this is, read from its name (Thị trấn Trâu Quỳ is a town,
 * Phường Bến Nghé a ward), not one word for every unit of a level; the level's
 * own word when the name says nothing.
 */
export function unitType(unit: { name: string; level: Level }, lang: Lang): string {
  const name = unit.name.normalize('NFC').toLocaleLowerCase('vi').trimStart();
  const type = UNIT_TYPES.find(
    (t) => t.levels.includes(unit.level) && (name === t.prefix || name.startsWith(`${t.prefix} `)),
  );
  return type ? type[lang] : LEVEL_SHORT[unit.level][lang];
}
