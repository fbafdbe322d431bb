/** 教学功能（陷阱目录、帮助、演示与嵌入视图、朗读摘要）的中文词句，与 words.ts 同形。Python 名称保留原文。 */
import type { SummaryFacts, TeachWords } from './words';

const state = {
  running: '运行中',
  paused: '已暂停',
  completed: '已结束',
  hang: '已挂起',
  horizon: '到达时间上限后停止',
  error: '因异常结束',
};

export const teachZh: TeachWords = {
  catalogue: '常见陷阱',
  catalogueTitle: '陷阱目录',
  catalogueIntro: '每个陷阱都有一个有问题的程序和修正后的程序：在两者之间切换，看看有什么不同。',
  pitfall: '陷阱',
  choosePitfall: '选择一个陷阱…',
  presetArticles: '三篇文章（asyncio 队列博客）中的程序',
  presetTheory: '排队论',
  articleN: (n: number) => `文章 ${n}`,
  variants: '版本',
  role: { broken: '有问题', fixed: '已修正', compare: '对比' },
  watch: '看什么',
  why: '为什么',
  fix: '怎么改',
  expected: '预期结果',
  expectCompleted: '正常结束：所有任务完成，asyncio.run() 返回。',
  expectHorizon: '一直运行到时间上限。',
  expectHang: (waits: string) => `程序挂起：${waits}。`,
  expectError: (exc: string) => `以 ${exc} 结束。`,
  waitsOn: (task: string, on: string) => `${task} 等在 ${on}`,
  listJoin: '，',
  close: '关闭',
  help: '帮助',
  tour: '导览',
  helpTitle: '键盘快捷键',
  helpIntro: '每个控件都可以用 Tab 键到达，用 Enter 或空格键操作。在文本框以外，下面这些键随处可用：',
  keys: {
    playPause: '播放或暂停',
    step: '运行一个任务切片：一个任务运行到它的下一个 await，“刚刚发生了什么”讲出它做了什么（并暂停）',
    help: '打开本帮助',
    close: '关闭本帮助或陷阱目录',
  },
  keyOr: '或',
  keyNames: { space: '空格键', esc: 'Esc' },
  notes: {
    interval: '从下一次抽样起使用新的生产间隔',
    service: '从下一次抽样起使用新的处理时间',
    tooMany: (n: string) => `无界队列里已有超过 ${n} 个元素。`,
  },
  presenter: '演示模式',
  presenterHint: '大字号，画面与代码并排，隐藏其他面板。',
  views: '视图',
  sceneAlt: (summary: string) => `运行中程序的实时画面。${summary}`,
  state,
  summary: (f: SummaryFacts): string => {
    const head = `t = ${f.t} 秒，${state[f.status]}${f.exception ? `：${f.exception}` : ''}。`;
    const buf = f.maxsize !== null ? `缓冲区 ${f.buffer} / ${f.maxsize}。` : `缓冲区 ${f.buffer}（无界）。`;
    const blocked = f.blocked ? `阻塞：${f.blocked}。` : '';
    return `${head}${buf}已生产 ${f.produced}，已消费 ${f.consumed}。生产者：${f.producers}。消费者：${f.consumers}。${blocked}`;
  },
  countOf: (n: string, what: string) => `${n} 个${what}`,
  noTasks: '无',
};
