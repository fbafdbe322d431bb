/** The time travel and sharing words, English and Chinese (one shape: a missing key is a compile error). */
import type { LinkProblem } from '../../share/link';

export const travelEn = {
  stepBack: 'Step back',
  timeline: 'Timeline',
  timeValue: (t: string, max: string) => `${t} s of ${max} s`,
  markers: 'Moments worth finding',
  share: 'Share and files',
  copyLink: 'Copy link',
  importScenario: 'Import scenario',
  exportScenario: 'Export scenario',
  exportTraceJsonl: 'Export trace (JSON Lines)',
  exportTraceCsv: 'Export trace (CSV)',
  exportChart: 'Export chart PNG',
  copied: 'Link copied: it is also in the address bar.',
  copyFailed: (why: string) => `No link made: ${why}`,
  linkError: (problem: string, why: string, kept: boolean) =>
    `This link could not be opened: ${problem} (${why}). ${kept ? 'The lab is unchanged.' : 'The default lab is shown instead.'}`,
  linkProblem: {
    notLink: 'it is not a Queue Lab link (those start with #v1=)',
    empty: 'it holds no scenario',
    tooLong: 'it is too long',
    newer: 'it comes from a newer version of Queue Lab',
    version: 'its version is unknown',
    damaged: 'it was changed or cut short on its way; copy the whole link again',
    invalid: 'the scenario in it breaks a rule',
  } as Record<LinkProblem, string>,
  importError: (why: string) => `This file could not be imported (${why}). The lab is unchanged.`,
  imported: (name: string) => `Imported “${name}”: it runs from t = 0.`,
  saved: (name: string) => `Saved ${name}.`,
  dismiss: 'Dismiss',
  exportRegion: 'Trace export',
  exportStarting: (name: string) => `Exporting ${name}: re-running the trace from t = 0…`,
  exportProgress: (name: string, lines: string, events: string, pct: string, size: string) =>
    `Exporting ${name}: ${lines} of ${events} events (${pct}), ${size} written.`,
  exportToFile: 'Written straight to the file you chose.',
  exportCancel: 'Cancel export',
  exportCancelled: 'Export cancelled: nothing was saved.',
  exportRefused: (size: string, events: string, cap: string) =>
    `Not exported: this trace would be about ${size} (${events} events), more than the ${cap} a download can hold in this browser. Nothing was written. Export an earlier moment (go back on the timeline), use a browser that saves straight to disk (Chrome or Edge), or run the scenario with the CLI (npm run sim -- --out trace.jsonl).`,
  exportFailed: (why: string) => `The export stopped (${why}). Nothing was saved.`,
  exportSaved: (name: string, lines: string, size: string) => `Saved ${name}: ${lines} events, ${size}.`,
};

export type TravelWords = typeof travelEn;

export const travelZh: TravelWords = {
  stepBack: '后退一步',
  timeline: '时间轴',
  timeValue: (t: string, max: string) => `${t} 秒 / ${max} 秒`,
  markers: '值得一看的时刻',
  share: '分享与文件',
  copyLink: '复制链接',
  importScenario: '导入场景',
  exportScenario: '导出场景',
  exportTraceJsonl: '导出轨迹（JSON Lines）',
  exportTraceCsv: '导出轨迹（CSV）',
  exportChart: '导出图表 PNG',
  copied: '链接已复制，地址栏中也有。',
  copyFailed: (why: string) => `未能生成链接：${why}`,
  linkError: (problem: string, why: string, kept: boolean) => `无法打开此链接：${problem}（${why}）。${kept ? '实验未改变。' : '已改为显示默认实验。'}`,
  linkProblem: {
    notLink: '这不是 Queue Lab 链接（它们以 #v1= 开头）',
    empty: '链接中没有场景',
    tooLong: '链接太长',
    newer: '它来自更新版本的 Queue Lab',
    version: '链接的版本未知',
    damaged: '链接在传递中被改动或截断；请重新复制完整链接',
    invalid: '其中的场景违反了规则',
  },
  importError: (why: string) => `无法导入此文件（${why}）。实验未改变。`,
  imported: (name: string) => `已导入“${name}”：从 t = 0 开始运行。`,
  saved: (name: string) => `已保存 ${name}。`,
  dismiss: '关闭',
  exportRegion: '轨迹导出',
  exportStarting: (name: string) => `正在导出 ${name}：从 t = 0 重新运行轨迹…`,
  exportProgress: (name: string, lines: string, events: string, pct: string, size: string) =>
    `正在导出 ${name}：${lines} / ${events} 个事件（${pct}），已写入 ${size}。`,
  exportToFile: '直接写入你选择的文件。',
  exportCancel: '取消导出',
  exportCancelled: '导出已取消：没有保存任何内容。',
  exportRefused: (size: string, events: string, cap: string) =>
    `未导出：此轨迹约为 ${size}（${events} 个事件），超过此浏览器下载所能容纳的 ${cap}。没有写入任何内容。可以导出更早的时刻（在时间轴上后退），使用能直接写入磁盘的浏览器（Chrome 或 Edge），或用命令行运行该场景（npm run sim -- --out trace.jsonl）。`,
  exportFailed: (why: string) => `导出已中止（${why}）。没有保存任何内容。`,
  exportSaved: (name: string, lines: string, size: string) => `已保存 ${name}：${lines} 个事件，${size}。`,
};
