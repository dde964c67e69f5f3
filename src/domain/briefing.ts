import { compareNames } from './collation.ts';
import type { Compared, ComparisonPlan } from './comparison-plan.ts';
import { comparedWithStart, incompleteText, noComparisonText, targetName, targetsNote } from './comparison-words.ts';
import {
  accountabilityRows,
  type ChangeChart,
  type ChangeRow,
  type FieldRow,
  fieldRows,
  type HeadlineGroup,
  headline,
  type ResolvedTargets,
  type Selection,
  type UnitChanges,
  type UnitRow,
  unitChanges,
  unitRows,
} from './dashboard.ts';
import {
  formatCount,
  formatPercent,
  formatPointChange,
  formatRange,
  formatRelativeChange,
  formatVnd,
  formatVndShort,
  type Lang,
} from './format.ts';
import { LEVEL_LABEL, LEVEL_NOUN } from './labels.ts';
import { type DatasetIndex, onlineCount, onTimeCount, type Totals } from './metrics.ts';
import { findWarnings } from './validate.ts';

/**
 * A plain-language briefing of the figures on screen, for a People's Council
 * report (province, district or commune: the levels are those of the data).
 * Every number is written by the same format.ts function the dashboard uses
 * for that figure, so a councillor who reads a number aloud finds the very
 * same characters on the page. A figure the data does not report is left out
 * of the text or said to be not reported, never written as 0.
 */

export interface BriefingParagraph {
  /** 'intro', a level ('province' | 'district' | 'commune') or 'unit', 'fields', 'online', 'fees', 'ranking', 'accountability', 'change', 'targets', 'quality'. */
  id: string;
  text: string;
}

/** How a group is named in a sentence: at its start and in the middle of it. */
interface Subject {
  start: string;
  inner: string;
  /** The bare name, for list-like lines ("District level: …"). */
  label: string;
}

/** One unit on the best or weakest side of a comparison. */
interface Extreme {
  names: string[];
  /** Units sharing the value beyond the names written out. */
  others: number;
  rate: string;
}

interface RankingLine {
  /** How many communes have the rate; when all share one value, best and weakest are the same. */
  count: number;
  best: Extreme;
  weakest: Extreme | null;
}

interface LevelFigures {
  total: string;
  carriedOver: string;
  received: string;
  resolved: string;
  onTime: string;
  onTimeRate: string | null;
  late: string | null;
  apologyLetters: string | null;
  withdrawn: string | null;
  pending: string | null;
  overdue: string | null;
  interlinked: string | null;
  saturday: string | null;
}

interface OnlineFigures {
  online: string;
  /** null: the split into levels 3 and 4 is not reported; online is one total. */
  level3: string | null;
  level4: string | null;
  rate: string | null;
}

/** A unit with late or overdue dossiers, as the accountability paragraph names it. */
interface AccountableUnit {
  name: string;
  late: string | null;
  overdue: string | null;
  /** null: apology letters are not reported, so nothing is said of them. */
  letters: string | null;
  /** Its fields with the most late and overdue dossiers. */
  fields: string[];
}

/** What lags in one field: only the parts that do are set. */
interface FieldLag {
  name: string;
  onTimeRate: string | null;
  onlineRate: string | null;
  late: string | null;
  apologyLetters: string | null;
  overdue: string | null;
}

interface TargetFigures {
  onTime: { rate: string; met: boolean } | null;
  online: { rate: string; met: boolean } | null;
}

interface ChangeFigures {
  total: string | null;
  onTimeRate: string | null;
  online: string | null;
  onlineRate: string | null;
  fees: string | null;
}

/** How one rate changed across the units of a level. */
interface UnitChangeLine {
  /** Units compared, and how many of them did better, worse, the same (null: none did). */
  compared: string;
  better: string | null;
  worse: string | null;
  same: string | null;
  /** Units with the rate now but nothing to compare it with; null when none. */
  without: string | null;
  /** The largest fall, when some unit did worse; the largest rise, when some unit did better. */
  fall: { name: string; points: string } | null;
  rise: { name: string; points: string } | null;
}

/** The targets as a paragraph names them: each with whose it is. */
interface TargetNames {
  onTime: string;
  online: string;
  /** Both are the dataset's own: the text reads as it always did. */
  official: boolean;
}

/** Up to this many units are named when several share the best or weakest value. */
const MAX_NAMED = 3;

/** English plural for a counted noun; the number itself is already formatted. */
function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "A, B và C" / "A, B and C". */
function listOf(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

const TEXT = {
  vi: {
    intro: (title: string, period: string, scope: string | null, illustrative: boolean) =>
      [
        `Bản tóm tắt này dựa trên bộ dữ liệu “${title}”, kỳ báo cáo ${period}${scope ? `, ${scope}` : ''}.`,
        illustrative ? 'Lưu ý: một phần các con số được dựng để minh hoạ, chưa phải số liệu thống kê chính thức.' : '',
      ]
        .filter(Boolean)
        .join(' '),
    scopeLevel: (levels: string) => `chỉ xét ${levels}`,
    scopeUnit: (name: string) => `riêng ${name}`,
    scopeField: (name: string) => `riêng lĩnh vực ${name}`,
    empty: 'Trong kỳ đã chọn không có số liệu nào.',
    subject: (s: Subject, units: string | null) => (units ? `${s.start} (cộng chung ${units} đơn vị)` : s.start),
    handled: (who: string, f: LevelFigures) =>
      `${who} tiếp nhận và xử lý tổng cộng ${f.total} hồ sơ; trong số này ${f.carriedOver} hồ sơ từ kỳ trước chuyển sang, ${f.received} hồ sơ mới tiếp nhận.`,
    resolved: (f: LevelFigures) =>
      f.onTimeRate === null
        ? 'Trong kỳ chưa có hồ sơ nào được giải quyết xong.'
        : `Đã giải quyết xong ${f.resolved} hồ sơ, trong đó ${f.onTime} hồ sơ đúng hạn (tính cả trước hạn), tỷ lệ đúng hạn đạt ${f.onTimeRate}.`,
    late: (f: LevelFigures) => {
      if (f.onTimeRate === null) return '';
      if (f.late === null) return 'Không có hồ sơ nào giải quyết quá hạn.';
      const apology = f.apologyLetters === null ? '' : `; đã gửi ${f.apologyLetters} thư xin lỗi`;
      return `Có ${f.late} hồ sơ giải quyết quá hạn${apology}.`;
    },
    withdrawn: (f: LevelFigures) => (f.withdrawn === null ? '' : `Có ${f.withdrawn} hồ sơ được trả lại hoặc rút.`),
    pending: (f: LevelFigures) => {
      if (f.pending === null) return 'Cuối kỳ không còn hồ sơ nào đang giải quyết.';
      if (f.overdue === null)
        return `Cuối kỳ còn ${f.pending} hồ sơ đang giải quyết, tất cả còn trong hạn, không có hồ sơ nào quá hạn.`;
      return `Cuối kỳ còn ${f.pending} hồ sơ đang giải quyết, trong đó ${f.overdue} hồ sơ đã quá hạn.`;
    },
    extras: (f: LevelFigures) => {
      const parts = [
        f.interlinked === null ? null : `${f.interlinked} hồ sơ liên thông`,
        f.saturday === null ? null : `${f.saturday} hồ sơ tiếp nhận vào sáng thứ Bảy`,
      ].filter((x): x is string => x !== null);
      return parts.length === 0 ? '' : `Ngoài ra có ${listOf(parts, 'và')}.`;
    },
    online: (s: Subject, f: OnlineFigures) =>
      `${s.start} tiếp nhận ${f.online} hồ sơ qua dịch vụ công trực tuyến${f.level3 === null || f.level4 === null ? '' : ` (${f.level3} hồ sơ mức độ 3, ${f.level4} hồ sơ mức độ 4)`}${f.rate === null ? '' : `, bằng ${f.rate} số hồ sơ mới tiếp nhận`}.`,
    fees: (items: string[]) => `Phí, lệ phí thu được trong kỳ: ${items.join('; ')}.`,
    feesNone: 'Phí, lệ phí: số liệu không báo cáo.',
    feeItem: (s: Subject, full: string, short: string | null) => `${s.inner} ${full}${short ? ` (${short})` : ''}`,
    feeNotReported: (s: Subject) => `${s.inner} không báo cáo`,
    fields: (count: number, onTime: string, online: string, lags: FieldLag[], names: TargetNames) => {
      const n = formatCount(count, 'vi');
      if (lags.length === 0) {
        return count === 1
          ? `Theo lĩnh vực: lĩnh vực có số liệu đạt ${names.onTime} (${onTime}) và ${names.online} (${online}), không có hồ sơ quá hạn.`
          : `Theo lĩnh vực: cả ${n} lĩnh vực có số liệu đều đạt ${names.onTime} (${onTime}) và ${names.online} (${online}), không có hồ sơ quá hạn.`;
      }
      const item = (l: FieldLag) => {
        const parts = [
          l.onTimeRate && `tỷ lệ đúng hạn ${l.onTimeRate}`,
          l.onlineRate && `tỷ lệ trực tuyến ${l.onlineRate}`,
          l.late &&
            `${l.late} hồ sơ giải quyết quá hạn${l.apologyLetters === null ? '' : `, đã gửi ${l.apologyLetters} thư xin lỗi`}`,
          l.overdue && `${l.overdue} hồ sơ đang giải quyết đã quá hạn`,
        ].filter(Boolean);
        return `${l.name} (${parts.join('; ')})`;
      };
      return `Theo lĩnh vực (${n} lĩnh vực có số liệu), chưa đạt ${names.onTime} ${onTime} hoặc ${names.online} ${online}, hay còn hồ sơ quá hạn: ${lags.map(item).join('; ')}.`;
    },
    ranking: (count: string, lines: string[]) => `Trong kỳ có số liệu của ${count} đơn vị cấp xã. ${lines.join(' ')}`,
    rankingLine: (what: string, line: RankingLine, count: string) => {
      const names = (e: Extreme) =>
        e.others > 0 ? `${e.names.join(', ')} và ${formatCount(e.others, 'vi')} đơn vị khác` : listOf(e.names, 'và');
      if (line.weakest === null) return `${what} như nhau ở cả ${count} đơn vị, cùng là ${line.best.rate}.`;
      return `${what} cao nhất là ${line.best.rate}, thuộc về ${names(line.best)}; thấp nhất là ${line.weakest.rate}, ở ${names(line.weakest)}.`;
    },
    onTimeWhat: 'Tỷ lệ đúng hạn',
    onlineWhat: 'Tỷ lệ trực tuyến',
    accountability: (count: string, items: AccountableUnit[], others: number) => {
      const item = (u: AccountableUnit) => {
        const parts = [
          u.late && `${u.late} hồ sơ giải quyết quá hạn`,
          u.overdue && `${u.overdue} hồ sơ đang quá hạn`,
          u.letters !== null && `đã gửi ${u.letters} thư xin lỗi`,
          u.fields.length > 0 && `chủ yếu ở lĩnh vực ${listOf(u.fields, 'và')}`,
        ].filter(Boolean);
        return `${u.name} (${parts.join('; ')})`;
      };
      const rest = others > 0 ? `; và ${formatCount(others, 'vi')} đơn vị khác` : '';
      return `Có ${count} đơn vị có hồ sơ trễ hạn (giải quyết quá hạn hoặc đang quá hạn): ${items.map(item).join('; ')}${rest}.`;
    },
    change: (against: string, lines: string[]) =>
      lines.length === 0
        ? `${against}: chưa có chỉ số nào so sánh được.`
        : `${against}, các chỉ số thay đổi như sau. ${lines.join(' ')}`,
    incompleteLine: (s: Subject, why: string) => `${s.start} ${why}.`,
    unitChange: (what: string, level: string, c: UnitChangeLine) => {
      const moves = [
        c.better && `tăng ở ${c.better}`,
        c.worse && `giảm ở ${c.worse}`,
        c.same && `không đổi ở ${c.same}`,
      ].filter(Boolean);
      const fall = c.fall ? `; giảm nhiều nhất ở ${c.fall.name} (${c.fall.points})` : '';
      const rise = c.rise ? `; tăng nhiều nhất ở ${c.rise.name} (${c.rise.points})` : '';
      const without = c.without ? `; ${c.without} đơn vị chưa so sánh được` : '';
      return `${what} (${c.compared} đơn vị ${level} so sánh được): ${moves.join(', ')}${fall}${rise}${without}.`;
    },
    changeLine: (s: Subject, c: ChangeFigures) =>
      `${s.start}: ${[
        c.total && `tổng số hồ sơ ${c.total}`,
        c.onTimeRate && `tỷ lệ đúng hạn ${c.onTimeRate}`,
        c.online && `hồ sơ trực tuyến ${c.online}`,
        c.onlineRate && `tỷ lệ trực tuyến ${c.onlineRate}`,
        c.fees && `phí, lệ phí ${c.fees}`,
      ]
        .filter(Boolean)
        .join('; ')}.`,
    targets: (onTime: string, online: string, lines: string[], names: TargetNames) =>
      names.official
        ? `Đối chiếu với chỉ tiêu (tỷ lệ đúng hạn ${onTime}, tỷ lệ trực tuyến ${online}): ${lines.join('; ')}.`
        : `Đối chiếu với ${names.onTime} ${onTime} và ${names.online} ${online}: ${lines.join('; ')}.`,
    targetLine: (s: Subject, t: TargetFigures, names: TargetNames) => {
      const onTime = t.onTime
        ? `${t.onTime.met ? 'đạt' : 'chưa đạt'} ${names.onTime} (${t.onTime.rate})`
        : 'chưa tính được tỷ lệ đúng hạn';
      const online = t.online
        ? `${t.online.met ? 'đạt' : 'chưa đạt'} ${names.online} (${t.online.rate})`
        : 'chưa tính được tỷ lệ trực tuyến';
      const same = t.onTime !== null && t.online !== null && t.onTime.met === t.online.met;
      return `${s.inner} ${onTime} ${same || !t.onTime || !t.online ? 'và' : 'nhưng'} ${online}`;
    },
    quality: (warnings: number, count: string) =>
      warnings === 0
        ? 'Về chất lượng số liệu: các con số tự khớp với nhau ở mọi đơn vị và mọi tháng (đầu vào cân đối với kết quả xử lý, số chuyển sang khớp với số còn tồn của tháng trước).'
        : `Về chất lượng số liệu: toàn bộ dữ liệu có ${count} chỗ chưa khớp (xem phần Chất lượng dữ liệu); các con số trên vẫn tính cả những chỗ này, nên cần đối chiếu lại với đơn vị báo cáo.`,
  },
  en: {
    intro: (title: string, period: string, scope: string | null, illustrative: boolean) =>
      [
        `This briefing is based on the dataset “${title}” for the period ${period}${scope ? `, ${scope}` : ''}.`,
        illustrative ? 'Note: some of the figures were made up for illustration and are not official statistics.' : '',
      ]
        .filter(Boolean)
        .join(' '),
    scopeLevel: (levels: string) => `${levels} only`,
    scopeUnit: (name: string) => `${name} only`,
    scopeField: (name: string) => `the field ${name} only`,
    empty: 'There are no figures in the chosen period.',
    subject: (s: Subject, units: string | null) => (units ? `${s.start} (${units} units together)` : s.start),
    handled: (who: string, f: LevelFigures, n: Totals) =>
      `${who}, ${f.total} ${plural(n.total, 'dossier was', 'dossiers were')} handled: ${f.carriedOver} carried over from the previous period and ${f.received} newly received.`,
    resolved: (f: LevelFigures, n: Totals) =>
      f.onTimeRate === null
        ? 'No dossier was resolved in the period.'
        : `Of these, ${f.resolved} ${plural(n.resolved, 'was', 'were')} resolved, ${f.onTime} on time (early ones included), an on-time rate of ${f.onTimeRate}.`,
    late: (f: LevelFigures, n: Totals) => {
      if (f.onTimeRate === null) return '';
      if (f.late === null) return 'None was resolved late.';
      const apology =
        f.apologyLetters === null
          ? ''
          : `; ${f.apologyLetters} ${plural(n.apologyLetters ?? 0, 'apology letter was', 'apology letters were')} sent`;
      return `Of those resolved, ${f.late} ${plural(n.resolvedLate, 'was', 'were')} late${apology}.`;
    },
    withdrawn: (f: LevelFigures, n: Totals) =>
      f.withdrawn === null
        ? ''
        : `In addition, ${f.withdrawn} ${plural(n.withdrawn, 'was', 'were')} withdrawn or returned.`,
    pending: (f: LevelFigures, n: Totals) => {
      if (f.pending === null) return 'Nothing was left in progress at the end of the period.';
      const still = `At the end of the period ${f.pending} ${plural(n.pending, 'was', 'were')} still in progress`;
      if (f.overdue === null) return `${still}, all within the deadline, none overdue.`;
      return `${still}, ${f.overdue} of them overdue.`;
    },
    extras: (f: LevelFigures, n: Totals) => {
      const parts = [
        f.interlinked === null
          ? null
          : `${f.interlinked} interlinked ${plural(n.interlinked ?? 0, 'dossier', 'dossiers')}`,
        f.saturday === null
          ? null
          : `${f.saturday} ${plural(n.saturdayReceived ?? 0, 'dossier', 'dossiers')} received on Saturday mornings`,
      ].filter((x): x is string => x !== null);
      return parts.length === 0 ? '' : `There were also ${listOf(parts, 'and')}.`;
    },
    online: (s: Subject, f: OnlineFigures, n: Totals) =>
      `${s.start}, ${f.online} ${plural(onlineCount(n), 'dossier', 'dossiers')} came in through online public services${f.level3 === null || f.level4 === null ? '' : ` (${f.level3} at level 3, ${f.level4} at level 4)`}${f.rate === null ? '' : `, ${f.rate} of the newly received`}.`,
    fees: (items: string[]) => `Fees and charges collected in the period: ${items.join('; ')}.`,
    feesNone: 'Fees and charges: not reported in the data.',
    feeItem: (s: Subject, full: string, short: string | null) => `${s.inner} ${full}${short ? ` (${short})` : ''}`,
    feeNotReported: (s: Subject) => `${s.inner} not reported`,
    fields: (count: number, onTime: string, online: string, lags: FieldLag[], names: TargetNames) => {
      const n = formatCount(count, 'en');
      if (lags.length === 0) {
        return count === 1
          ? `By field: the field with figures meets ${names.onTime} (${onTime}) and ${names.online} (${online}) and has no overdue dossiers.`
          : `By field: all ${n} fields with figures meet ${names.onTime} (${onTime}) and ${names.online} (${online}) and have no overdue dossiers.`;
      }
      const item = (l: FieldLag) => {
        const parts = [
          l.onTimeRate && `on-time rate ${l.onTimeRate}`,
          l.onlineRate && `online uptake ${l.onlineRate}`,
          l.late &&
            `${l.late} resolved late${l.apologyLetters === null ? '' : `, ${l.apologyLetters} apology ${l.apologyLetters === '1' ? 'letter' : 'letters'} sent`}`,
          l.overdue && `${l.overdue} overdue and still in progress`,
        ].filter(Boolean);
        return `${l.name} (${parts.join('; ')})`;
      };
      return `By field (${n} ${plural(count, 'field has', 'fields have')} figures), below ${names.onTime} of ${onTime} or ${names.online} of ${online}, or with overdue dossiers: ${lags.map(item).join('; ')}.`;
    },
    ranking: (count: string, lines: string[]) =>
      `The period has figures for ${count} commune-level units. ${lines.join(' ')}`,
    rankingLine: (what: string, line: RankingLine, count: string) => {
      const names = (e: Extreme) =>
        e.others > 0
          ? `${e.names.join(', ')} and ${formatCount(e.others, 'en')} other ${plural(e.others, 'unit', 'units')}`
          : listOf(e.names, 'and');
      const verb = (e: Extreme) => (e.names.length + e.others > 1 ? 'is shared by' : 'is at');
      if (line.weakest === null) return `The ${lowerFirst(what)} is the same in all ${count} units, ${line.best.rate}.`;
      return `The highest ${lowerFirst(what)}, ${line.best.rate}, ${verb(line.best)} ${names(line.best)}; the lowest, ${line.weakest.rate}, ${verb(line.weakest)} ${names(line.weakest)}.`;
    },
    onTimeWhat: 'On-time rate',
    onlineWhat: 'Online uptake',
    accountability: (count: string, items: AccountableUnit[], others: number) => {
      const item = (u: AccountableUnit) => {
        const parts = [
          u.late && `${u.late} resolved late`,
          u.overdue && `${u.overdue} overdue in progress`,
          u.letters !== null && `${u.letters} apology ${u.letters === '1' ? 'letter' : 'letters'} sent`,
          u.fields.length > 0 && `mostly in ${listOf(u.fields, 'and')}`,
        ].filter(Boolean);
        return `${u.name} (${parts.join('; ')})`;
      };
      const rest = others > 0 ? `; and ${formatCount(others, 'en')} other ${plural(others, 'unit', 'units')}` : '';
      return `${count} ${count === '1' ? 'unit has' : 'units have'} late dossiers (resolved late or overdue in progress): ${items.map(item).join('; ')}${rest}.`;
    },
    change: (against: string, lines: string[]) =>
      lines.length === 0
        ? `${against}, no figure can be compared yet.`
        : `${against}, the figures changed as follows. ${lines.join(' ')}`,
    incompleteLine: (s: Subject, why: string) => `${s.label}: ${why}.`,
    unitChange: (what: string, level: string, c: UnitChangeLine) => {
      const moves = [
        c.better && `up at ${c.better}`,
        c.worse && `down at ${c.worse}`,
        c.same && `unchanged at ${c.same}`,
      ].filter(Boolean);
      const fall = c.fall ? `; the largest fall at ${c.fall.name} (${c.fall.points})` : '';
      const rise = c.rise ? `; the largest rise at ${c.rise.name} (${c.rise.points})` : '';
      const without = c.without ? `; ${c.without} without a comparison` : '';
      return `${what} (${c.compared} ${level} units compared): ${moves.join(', ')}${fall}${rise}${without}.`;
    },
    changeLine: (s: Subject, c: ChangeFigures) =>
      `${s.label}: ${[
        c.total && `dossiers handled ${c.total}`,
        c.onTimeRate && `on-time rate ${c.onTimeRate}`,
        c.online && `online dossiers ${c.online}`,
        c.onlineRate && `online uptake ${c.onlineRate}`,
        c.fees && `fees and charges ${c.fees}`,
      ]
        .filter(Boolean)
        .join('; ')}.`,
    targets: (onTime: string, online: string, lines: string[], names: TargetNames) =>
      names.official
        ? `Against the targets (on-time rate ${onTime}, online uptake ${online}): ${lines.join('; ')}.`
        : `Against ${names.onTime} of ${onTime} and ${names.online} of ${online}: ${lines.join('; ')}.`,
    targetLine: (s: Subject, t: TargetFigures, names: TargetNames) => {
      const onTime = t.onTime
        ? `${t.onTime.met ? 'met' : 'missed'} ${names.onTime} (${t.onTime.rate})`
        : 'has no on-time rate yet';
      const online = t.online
        ? `${t.online.met ? 'met' : 'missed'} ${names.online} (${t.online.rate})`
        : 'has no online rate yet';
      const same = t.onTime !== null && t.online !== null && t.onTime.met === t.online.met;
      return `${s.inner} ${onTime} ${same || !t.onTime || !t.online ? 'and' : 'but'} ${online}`;
    },
    quality: (warnings: number, count: string) =>
      warnings === 0
        ? 'On data quality: the figures agree with one another for every unit and month (what comes in balances what is done with it, and each month carries over what the month before left pending).'
        : `On data quality: the dataset has ${count} ${plural(warnings, 'place', 'places')} where the figures do not agree (see Data quality); the figures above still count them, so they are worth checking with the reporting unit.`,
  },
};

/** English subjects read "At district level"; Vietnamese ones "Cấp huyện". */
function subjectOf(group: HeadlineGroup, lang: Lang): Subject {
  if (group.kind === 'unit') {
    const start = lang === 'vi' ? group.label : `At ${group.label}`;
    return { start, inner: group.label, label: group.label };
  }
  const label = LEVEL_LABEL[group.kind][lang];
  if (lang === 'vi') return { start: label, inner: lowerFirst(label), label };
  return { start: `At ${lowerFirst(label)}`, inner: lowerFirst(label), label };
}

function levelFigures(t: Totals, lang: Lang): LevelFigures {
  const positive = (n: number) => (n > 0 ? formatCount(n, lang) : null);
  return {
    total: formatCount(t.total, lang),
    carriedOver: formatCount(t.carriedOver, lang),
    received: formatCount(t.received, lang),
    resolved: formatCount(t.resolved, lang),
    onTime: formatCount(onTimeCount(t), lang),
    onTimeRate: t.onTimeRate === null ? null : formatPercent(t.onTimeRate, lang),
    late: positive(t.resolvedLate),
    apologyLetters: t.apologyLetters === null ? null : formatCount(t.apologyLetters, lang),
    withdrawn: positive(t.withdrawn),
    pending: positive(t.pending),
    overdue: positive(t.pendingOverdue),
    // Optional figures: null means the data does not report them, so they stay out of the text.
    interlinked: t.interlinked === null ? null : formatCount(t.interlinked, lang),
    saturday: t.saturdayReceived === null ? null : formatCount(t.saturdayReceived, lang),
  };
}

function levelParagraph(group: HeadlineGroup, unitCount: number | null, lang: Lang): BriefingParagraph {
  const f = levelFigures(group.current, lang);
  const s = subjectOf(group, lang);
  const units = unitCount !== null && unitCount > 1 ? formatCount(unitCount, lang) : null;
  const sentences =
    lang === 'vi'
      ? [
          TEXT.vi.handled(TEXT.vi.subject(s, units), f),
          TEXT.vi.resolved(f),
          TEXT.vi.late(f),
          TEXT.vi.withdrawn(f),
          TEXT.vi.pending(f),
          TEXT.vi.extras(f),
        ]
      : [
          TEXT.en.handled(TEXT.en.subject(s, units), f, group.current),
          TEXT.en.resolved(f, group.current),
          TEXT.en.late(f, group.current),
          TEXT.en.withdrawn(f, group.current),
          TEXT.en.pending(f, group.current),
          TEXT.en.extras(f, group.current),
        ];
  return { id: group.kind, text: sentences.filter(Boolean).join(' ') };
}

function onlineParagraph(groups: readonly HeadlineGroup[], lang: Lang): BriefingParagraph {
  const sentences = groups.map((g) => {
    const t = g.current;
    // Where the split into levels 3 and 4 is not reported, online is given as the one total it is.
    const f: OnlineFigures = {
      online: formatCount(onlineCount(t), lang),
      level3: t.receivedOnlineLevel3 === null ? null : formatCount(t.receivedOnlineLevel3, lang),
      level4: t.receivedOnlineLevel4 === null ? null : formatCount(t.receivedOnlineLevel4, lang),
      rate: t.onlineRate === null ? null : formatPercent(t.onlineRate, lang),
    };
    const s = subjectOf(g, lang);
    return lang === 'vi' ? TEXT.vi.online(s, f) : TEXT.en.online(s, f, t);
  });
  return { id: 'online', text: sentences.join(' ') };
}

function feesParagraph(groups: readonly HeadlineGroup[], lang: Lang): BriefingParagraph {
  const t = TEXT[lang];
  // Fees the data does not report are said to be so, never written as 0.
  if (groups.every((g) => g.current.feesVnd === null)) return { id: 'fees', text: t.feesNone };
  const items = groups.map((g) => {
    const fees = g.current.feesVnd;
    if (fees === null) return t.feeNotReported(subjectOf(g, lang));
    const full = formatVnd(fees, lang);
    const short = formatVndShort(fees, lang);
    // The headline card shows the short form big and the full amount beneath; the text leads with the full one.
    return t.feeItem(subjectOf(g, lang), full, short === full ? null : short);
  });
  return { id: 'fees', text: t.fees(items) };
}

/** A field lags when it misses the on-time or the online target, or has late or overdue dossiers. */
function fieldLag(row: FieldRow, lang: Lang): FieldLag | null {
  const t = row.totals;
  const lag: FieldLag = {
    name: row.name,
    onTimeRate: row.belowOnTimeTarget ? formatPercent(t.onTimeRate, lang) : null,
    onlineRate: row.belowOnlineTarget ? formatPercent(t.onlineRate, lang) : null,
    late: t.resolvedLate > 0 ? formatCount(t.resolvedLate, lang) : null,
    apologyLetters: t.resolvedLate > 0 && t.apologyLetters !== null ? formatCount(t.apologyLetters, lang) : null,
    overdue: t.pendingOverdue > 0 ? formatCount(t.pendingOverdue, lang) : null,
  };
  return lag.onTimeRate || lag.onlineRate || lag.late || lag.overdue ? lag : null;
}

/** The lagging fields with their figures, weakest on-time rate first; null when the data has no fields. */
function fieldsParagraph(rows: readonly FieldRow[], targets: ResolvedTargets, lang: Lang): BriefingParagraph | null {
  if (rows.length === 0) return null;
  const ordered = [...rows].sort(
    (a, b) =>
      (a.totals.onTimeRate ?? 2) - (b.totals.onTimeRate ?? 2) ||
      b.totals.resolvedLate + b.totals.pendingOverdue - (a.totals.resolvedLate + a.totals.pendingOverdue) ||
      compareNames(a.name, b.name),
  );
  const lags = ordered.flatMap((r) => fieldLag(r, lang) ?? []);
  const text = TEXT[lang].fields(
    rows.length,
    formatPercent(targets.onTimeRate, lang),
    formatPercent(targets.onlineRate, lang),
    lags,
    targetNames(targets, lang),
  );
  return { id: 'fields', text };
}

/** Units sharing the value at one end, as the ranking table shows it (equal when formatted alike). */
function extreme(rows: readonly { name: string; rate: string }[]): Extreme | null {
  const first = rows[0];
  if (!first) return null;
  const tied = rows.filter((r) => r.rate === first.rate).map((r) => r.name);
  return { names: tied.slice(0, MAX_NAMED), others: Math.max(0, tied.length - MAX_NAMED), rate: first.rate };
}

function rankingLine(rows: readonly UnitRow[], pick: (r: UnitRow) => number | null, lang: Lang): RankingLine | null {
  const rated = rows
    .map((r) => ({ name: r.name, value: pick(r) }))
    .filter((r): r is { name: string; value: number } => r.value !== null);
  if (rated.length < 2) return null;
  const byValue = (dir: 1 | -1) =>
    [...rated]
      .sort((a, b) => dir * (b.value - a.value) || compareNames(a.name, b.name))
      .map((r) => ({ name: r.name, rate: formatPercent(r.value, lang) }));
  const best = extreme(byValue(1));
  const weakest = extreme(byValue(-1));
  if (!best || !weakest) return null;
  return { count: rated.length, best, weakest: best.rate === weakest.rate ? null : weakest };
}

function rankingParagraph(rows: readonly UnitRow[], lang: Lang): BriefingParagraph | null {
  const communes = rows.filter((r) => r.level === 'commune');
  const t = TEXT[lang];
  const lines = [
    [t.onTimeWhat, rankingLine(communes, (r) => r.totals.onTimeRate, lang)],
    [t.onlineWhat, rankingLine(communes, (r) => r.totals.onlineRate, lang)],
  ] as const;
  const sentences = lines.flatMap(([what, line]) =>
    line ? [t.rankingLine(what, line, formatCount(line.count, lang))] : [],
  );
  if (sentences.length === 0) return null;
  return { id: 'ranking', text: t.ranking(formatCount(communes.length, lang), sentences) };
}

function changeFigures(current: Totals, previous: Totals, lang: Lang): ChangeFigures {
  return {
    total: formatRelativeChange(current.total, previous.total, lang),
    onTimeRate: formatPointChange(current.onTimeRate, previous.onTimeRate, lang),
    online: formatRelativeChange(onlineCount(current), onlineCount(previous), lang),
    onlineRate: formatPointChange(current.onlineRate, previous.onlineRate, lang),
    // Null where either period does not report fees: then no change is claimed.
    fees: formatRelativeChange(current.feesVnd, previous.feesVnd, lang),
  };
}

/** How one rate changed across the units of a level; null when fewer than two units can be compared. */
function unitChangeLine(chart: ChangeChart, lang: Lang): UnitChangeLine | null {
  if (chart.rows.length < 2) return null;
  const count = (verdict: string) => {
    const n = chart.rows.filter((r) => r.verdict === verdict).length;
    return n > 0 ? formatCount(n, lang) : null;
  };
  // Rows come largest fall first, largest rise last.
  const named = (row: ChangeRow | undefined, verdict: ChangeRow['verdict']) =>
    row && row.verdict === verdict
      ? { name: row.name, points: formatPointChange(row.current, row.previous, lang) ?? '' }
      : null;
  return {
    compared: formatCount(chart.rows.length, lang),
    better: count('better'),
    worse: count('worse'),
    same: count('same'),
    without: chart.withoutComparison.length > 0 ? formatCount(chart.withoutComparison.length, lang) : null,
    fall: named(chart.rows[0], 'worse'),
    rise: named(chart.rows.at(-1), 'better'),
  };
}

function unitChangeSentences(changes: UnitChanges, lang: Lang): string[] {
  const { level } = changes;
  if (level === null) return [];
  const t = TEXT[lang];
  const levelName = lang === 'vi' ? lowerFirst(LEVEL_LABEL[level].vi) : `${LEVEL_NOUN[level].en}-level`;
  const lines = [
    [t.onTimeWhat, unitChangeLine(changes.onTime, lang)],
    [t.onlineWhat, unitChangeLine(changes.online, lang)],
  ] as const;
  return lines.flatMap(([what, line]) => (line ? [t.unitChange(what, levelName, line)] : []));
}

/**
 * Every change with what it is compared with: the mode and its months lead
 * the paragraph; a group whose units lack months says so instead of a
 * figure; then, per rate, how the units of one level moved.
 */
function changeParagraph(
  groups: readonly HeadlineGroup[],
  plan: ComparisonPlan,
  compare: Compared | null,
  changes: UnitChanges | null,
  lang: Lang,
): BriefingParagraph {
  const t = TEXT[lang];
  if (compare === null) return { id: 'change', text: noComparisonText(plan, lang) ?? '' };
  const lines = groups.flatMap((g) => {
    const why = incompleteText(g.coverage, lang);
    if (why) return [t.incompleteLine(subjectOf(g, lang), why)];
    if (!g.previous) return [];
    const c = changeFigures(g.current, g.previous, lang);
    if (Object.values(c).every((v) => v === null)) return [];
    return [t.changeLine(subjectOf(g, lang), c)];
  });
  const units = changes ? unitChangeSentences(changes, lang) : [];
  return { id: 'change', text: t.change(comparedWithStart(compare, lang), [...lines, ...units]) };
}

function targetNames(targets: ResolvedTargets, lang: Lang): TargetNames {
  return {
    onTime: targetName(targets, 'onTimeRate', lang),
    online: targetName(targets, 'onlineRate', lang),
    official: targets.source.onTimeRate === 'dataset' && targets.source.onlineRate === 'dataset',
  };
}

/**
 * Each group against the targets in force. A default target is named as one
 * in every mention, and a closing sentence says it is no one's official
 * target; a reader's target is named as the reader's.
 */
function targetsParagraph(groups: readonly HeadlineGroup[], targets: ResolvedTargets, lang: Lang): BriefingParagraph {
  const t = TEXT[lang];
  const names = targetNames(targets, lang);
  const lines = groups.map((g) => {
    const { onTimeRate, onlineRate } = g.current;
    const figures: TargetFigures = {
      onTime:
        onTimeRate === null ? null : { rate: formatPercent(onTimeRate, lang), met: onTimeRate >= targets.onTimeRate },
      online:
        onlineRate === null ? null : { rate: formatPercent(onlineRate, lang), met: onlineRate >= targets.onlineRate },
    };
    return t.targetLine(subjectOf(g, lang), figures, names);
  });
  const text = t.targets(
    formatPercent(targets.onTimeRate, lang),
    formatPercent(targets.onlineRate, lang),
    lines,
    names,
  );
  const note = targetsNote(targets, lang);
  return { id: 'targets', text: note ? `${text} ${note}` : text };
}

function qualityParagraph(index: DatasetIndex, lang: Lang): BriefingParagraph {
  // The same dataset-wide list the data-quality panel shows, so the count matches the page.
  const warnings = findWarnings(index.dataset.records).length;
  return { id: 'quality', text: TEXT[lang].quality(warnings, formatCount(warnings, lang)) };
}

function introParagraph(
  index: DatasetIndex,
  selection: Selection,
  groups: readonly HeadlineGroup[],
  lang: Lang,
): BriefingParagraph {
  const t = TEXT[lang];
  const unit = selection.unitId ? index.unitsById.get(selection.unitId) : undefined;
  const scopes: string[] = [];
  if (unit) scopes.push(t.scopeUnit(unit.name));
  else if (selection.level !== 'all') {
    const levels = groups.flatMap((g) => (g.kind === 'unit' ? [] : [lowerFirst(LEVEL_LABEL[g.kind][lang])]));
    if (levels.length > 0) scopes.push(t.scopeLevel(listOf(levels, lang === 'vi' ? 'và' : 'and')));
  }
  const field = selection.field === null ? undefined : index.fieldsById.get(selection.field);
  if (field) scopes.push(t.scopeField(field.name));
  const text = t.intro(
    index.dataset.title,
    formatRange(selection.range, lang),
    scopes.length > 0 ? scopes.join(', ') : null,
    index.dataset.illustrative === true,
  );
  return { id: 'intro', text };
}

/**
 * The briefing for what the dashboard shows: one paragraph per topic, in
 * reading order. Every figure is restricted to the selected field when there is one.
 */
export function briefing(index: DatasetIndex, selection: Selection, lang: Lang): BriefingParagraph[] {
  const h = headline(index, selection);
  const rows = unitRows(index, selection);
  // A commune's own dataset has one unit: the briefing names it rather than "the commune level".
  const only = index.units.length === 1 ? index.units[0] : undefined;
  const groups = only
    ? h.groups.map((g): HeadlineGroup => (g.kind === 'unit' ? g : { ...g, kind: 'unit', label: only.name }))
    : h.groups;
  const paragraphs: BriefingParagraph[] = [introParagraph(index, selection, groups, lang)];
  if (groups.length === 0) {
    paragraphs.push({ id: 'empty', text: TEXT[lang].empty });
    return paragraphs;
  }
  for (const g of groups) {
    const unitCount = g.kind === 'unit' ? null : rows.filter((r) => r.level === g.kind).length;
    paragraphs.push(levelParagraph(g, unitCount, lang));
  }
  const fields = fieldsParagraph(fieldRows(index, selection), h.targets, lang);
  if (fields) paragraphs.push(fields);
  paragraphs.push(onlineParagraph(groups, lang), feesParagraph(groups, lang));
  const ranking = rankingParagraph(rows, lang);
  if (ranking) paragraphs.push(ranking);
  const accountability = selection.unitId === null && !only ? accountabilityParagraph(index, selection, lang) : null;
  if (accountability) paragraphs.push(accountability);
  const changes = selection.unitId === null && !only && h.compare ? unitChanges(index, selection, rows) : null;
  paragraphs.push(
    changeParagraph(groups, h.comparison, h.compare, changes, lang),
    targetsParagraph(groups, h.targets, lang),
    qualityParagraph(index, lang),
  );
  return paragraphs;
}

/** Up to this many units are named in the accountability paragraph, those with most late and overdue dossiers. */
const MAX_ACCOUNTABLE = 5;

/**
 * The units with late or overdue dossiers, most first, with the apology
 * letters they sent where that is reported (left out where it is not).
 */
function accountabilityParagraph(index: DatasetIndex, selection: Selection, lang: Lang): BriefingParagraph | null {
  const rows = accountabilityRows(index, selection);
  if (rows.length === 0) return null;
  const items = rows.slice(0, MAX_ACCOUNTABLE).map((r) => ({
    name: r.name,
    late: r.resolvedLate > 0 ? formatCount(r.resolvedLate, lang) : null,
    overdue: r.pendingOverdue > 0 ? formatCount(r.pendingOverdue, lang) : null,
    letters: r.apologyLetters === null ? null : formatCount(r.apologyLetters, lang),
    fields: r.fields.slice(0, MAX_NAMED).map((f) => f.name),
  }));
  const others = rows.length - items.length;
  return { id: 'accountability', text: TEXT[lang].accountability(formatCount(rows.length, lang), items, others) };
}

/** Paragraphs as plain text, a blank line between them: for the clipboard and the command line. */
export function briefingText(paragraphs: readonly BriefingParagraph[]): string {
  return paragraphs.map((p) => p.text).join('\n\n');
}

export const SLIDE_KEYS = [
  'title',
  'headline',
  'on-time',
  'online',
  'online-trend',
  'fees-month',
  'fees-unit',
  'flow',
  'channel',
  'ranking',
  'fields-on-time',
  'fields-online',
  'fields-late',
  'field-matrix',
  'accountability',
  'quality',
  'summary',
] as const;
export type SlideKey = (typeof SLIDE_KEYS)[number];

const LEVEL_IDS = ['province', 'district', 'commune', 'unit'];

/** Which paragraphs speak to each slide; level paragraphs are matched by LEVEL_IDS. */
const SLIDE_PARAGRAPHS: Record<SlideKey, readonly string[]> = {
  title: ['intro', 'empty'],
  headline: LEVEL_IDS,
  'on-time': ['targets', 'ranking'],
  online: ['online', 'ranking'],
  'online-trend': ['online', 'change'],
  'fees-month': ['fees'],
  'fees-unit': ['fees'],
  flow: LEVEL_IDS,
  channel: ['online'],
  ranking: ['ranking'],
  'fields-on-time': ['fields', 'targets'],
  'fields-online': ['fields', 'online'],
  'fields-late': ['fields', ...LEVEL_IDS],
  'field-matrix': ['fields'],
  accountability: ['accountability', 'fields'],
  quality: ['quality'],
  summary: ['targets', 'change'],
};

/** Speaker notes per slide, taken from the briefing itself so the notes and the text never disagree. */
export function slideNotes(index: DatasetIndex, selection: Selection, lang: Lang): Record<SlideKey, string> {
  const paragraphs = briefing(index, selection, lang);
  const notes = {} as Record<SlideKey, string>;
  for (const key of SLIDE_KEYS) {
    const wanted = new Set(SLIDE_PARAGRAPHS[key]);
    notes[key] = briefingText(paragraphs.filter((p) => wanted.has(p.id)));
  }
  return notes;
}
