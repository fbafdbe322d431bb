/**
 * The tour's words in both languages; they come with the tour's code, not with the page. Each step names a part of
 * the page and says what it is for; the scene's step says where its four parts sit (side by side on a wide screen,
 * stacked on a narrow one).
 */
import type { Lang } from '../../store/labStore';

export interface TourStepWords {
  title: string;
  text: string;
}

export interface TourWords {
  next: string;
  back: string;
  skip: string;
  done: string;
  /** "{{current}}" and "{{total}}" are filled in by driver.js. */
  progress: string;
  preset: TourStepWords;
  play: TourStepWords;
  step: TourStepWords;
  stepBack: TourStepWords;
  scene: (narrow: boolean) => TourStepWords;
  caption: TourStepWords;
  code: TourStepWords;
  timeline: TourStepWords;
}

const en: TourWords = {
  next: 'Next',
  back: 'Back',
  skip: 'Skip',
  done: 'Done',
  progress: '{{current}} of {{total}}',
  preset: {
    title: 'Choose a program',
    text: 'Each preset is a Python asyncio program with producers, a queue and consumers: the articles’ examples and the pitfalls, each broken and fixed.',
  },
  play: {
    title: 'Play and pause',
    text: 'Play runs the program on its virtual clock at the speed below; Pause stops it where it is.',
  },
  step: {
    title: 'Step',
    text: 'Step runs one task slice: one task runs until its next await, and everything that slice did happens at once. The run pauses.',
  },
  stepBack: {
    title: 'Step back',
    text: 'Step back undoes the last slice, so you can watch a moment again.',
  },
  scene: (narrow) => ({
    title: 'The scene',
    text: narrow
      ? 'From top to bottom: the producer cards, the queue’s buffer with its items, the consumer cards, and the event loop strip that says who runs and who waits. main’s card says what the program’s main() awaits.'
      : 'Producer cards on the left, the queue’s buffer with its items in the middle, consumer cards on the right, and along the bottom the event loop strip that says who runs and who waits. main’s card says what the program’s main() awaits.',
  }),
  caption: {
    title: 'What just happened',
    text: 'After each step this box says in plain words what the task did and why, naming the Python call; beside it, the latest lines the program printed.',
  },
  code: {
    title: 'The code',
    text: 'The Python program that runs, the same file Download .py saves. Click a card in the scene to light the line where that task is.',
  },
  timeline: {
    title: 'The timeline',
    text: 'Every moment of the run so far: drag it to go back to any moment, and forward again.',
  },
};

const zh: TourWords = {
  next: '下一步',
  back: '上一步',
  skip: '跳过',
  done: '完成',
  progress: '第 {{current}} / {{total}} 步',
  preset: {
    title: '选择程序',
    text: '每个预设都是一个带有生产者、队列和消费者的 Python asyncio 程序：文章中的示例，以及每个陷阱的错误版和修正版。',
  },
  play: {
    title: '播放与暂停',
    text: '“播放”按下方的速度在虚拟时钟上运行程序；“暂停”让它停在当前位置。',
  },
  step: {
    title: '单步',
    text: '“单步”运行一个任务片段：一个任务运行到它的下一个 await，这一片段所做的一切同时发生。运行随即暂停。',
  },
  stepBack: {
    title: '后退一步',
    text: '“后退一步”撤销上一个片段，让你再看一次那个时刻。',
  },
  scene: (narrow) => ({
    title: '场景',
    text: narrow
      ? '从上到下：生产者卡片、队列的缓冲区及其中的条目、消费者卡片，以及说明谁在运行、谁在等待的事件循环条。main 卡片显示程序的 main() 在等待什么。'
      : '左边是生产者卡片，中间是队列的缓冲区及其中的条目，右边是消费者卡片，底部是说明谁在运行、谁在等待的事件循环条。main 卡片显示程序的 main() 在等待什么。',
  }),
  caption: {
    title: '刚刚发生了什么',
    text: '每走一步，这里用平实的话说明任务做了什么、为什么，并指出对应的 Python 调用；旁边是程序最新打印的几行。',
  },
  code: {
    title: '代码',
    text: '正在运行的 Python 程序，与“下载 .py”保存的文件相同。点击场景中的卡片，即可高亮该任务所在的行。',
  },
  timeline: {
    title: '时间轴',
    text: '到目前为止运行的每个时刻：拖动它即可回到任意时刻，再向前。',
  },
};

export const tourWords: Record<Lang, TourWords> = { en, zh };
