/** 代码面板的中文词语（zh.ts 里的 `code`），与 words.ts 同形。Python 代码保持原样。 */
import type { CodeWords } from './words';

export const codeZh: CodeWords = {
  title: 'Python 程序',
  label: '当前设置对应的 Python 程序，每个任务标在它正在运行或等待的那一行',
  copy: '复制',
  download: '下载 .py',
  copied: '已复制到剪贴板。',
  copyFailed: '这里无法使用剪贴板：代码已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。',
  saved: (file: string) => `已保存为 ${file}。`,
  hint: '每个任务标在它正在运行或等待的那一行。点击卡片、标记或日志里的任务，即可高亮它所在的行。',
  here: (names: string) => `在这一行：${names}`,
  stackLabel: (group: string, n: number) => `${group} ×${n}`,
  stackMore: (n: number) => `+${n}`,
  stack: (label: string, names: string) => `${label}：${names}。点击依次高亮其中的下一个。`,
  following: (name: string) => `高亮：${name}`,
  ended: (name: string) => `高亮：${name}，它已结束，不在任何一行。`,
  unselect: '取消高亮',
  changedTitle: '运行中做了修改，普通脚本无法这样做：',
  what: { producers: '生产者', consumers: '消费者', interval: '生产间隔', service: '处理时间' },
  changedCount: (what: string, from: number, to: number, how: string) =>
    `${what} ${from} → ${to}（${how}）；下面的脚本一开始就是 ${to} 个`,
  changedRate: (what: string, from: string, to: string) =>
    `${what} ${from} → ${to}（从下一次抽样起）；下面的脚本从一开始就用 ${to}`,
  rate: (dist: string, mean: string) => `${dist} ${mean}`,
  error: (m: string) => `无法为这些设置生成程序：${m}`,
  fastNote: '从这里起是 --fast（虚拟时钟）用的部分；上面的程序本身不需要它。',
};
