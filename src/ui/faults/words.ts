/** The words for the worker itself (seeks, a worker that stops answering or restarts), English and Chinese. */
export const workerEn = {
  tick: (n: string) => `tick ${n}`,
  time: (t: string) => `t = ${t} s`,
  event: (n: string) => `event ${n}`,
  seeking: (what: string, pct: string) => `Going to ${what}: ${pct} done.`,
  seekProgress: 'Seek progress',
  cancel: 'Cancel',
  pastEnd: (what: string, end: string) => `The run ends at t = ${end} s, before ${what}: it is shown at its end.`,
  refused: (what: string, needed: string, limit: string) =>
    `${what} is out of reach: getting there would re-run about ${needed} engine steps, and a seek re-runs at most ${limit}. The run stays where it was.`,
  cancelled: (what: string) => `Going to ${what} was cancelled: the run stays where it was.`,
  stalled: 'The simulation worker has stopped answering. Restart starts a fresh one with this program from t = 0.',
  restart: 'Restart',
  restartedCrashed: (t: string) => `The simulation worker stopped at t = ${t} s; a fresh one runs the program again from t = 0.`,
  restartedStalled: (t: string) => `The simulation worker stopped answering at t = ${t} s; a fresh one runs the program again from t = 0.`,
  dismiss: 'Dismiss',
  workerDied: (reason: string) => `the simulation worker died: ${reason}`,
  technicalDetails: 'Technical details',
  copyDetails: 'Copy',
  copied: 'Copied to the clipboard.',
  copyFailed: 'The clipboard is not available here: the details are selected, press Ctrl+C (⌘C on a Mac) to copy them.',
};

export type WorkerWords = typeof workerEn;

export const workerZh: WorkerWords = {
  tick: (n: string) => `第 ${n} 步（tick）`,
  time: (t: string) => `t = ${t} 秒`,
  event: (n: string) => `第 ${n} 个事件`,
  seeking: (what: string, pct: string) => `正在前往 ${what}：已完成 ${pct}。`,
  seekProgress: '跳转进度',
  cancel: '取消',
  pastEnd: (what: string, end: string) => `运行在 t = ${end} 秒结束，早于 ${what}：显示的是结束时的状态。`,
  refused: (what: string, needed: string, limit: string) =>
    `无法到达 ${what}：到达那里约需重新运行 ${needed} 个引擎步骤，而一次跳转最多重新运行 ${limit} 个。运行保持原处。`,
  cancelled: (what: string) => `已取消前往 ${what}：运行保持原处。`,
  stalled: '模拟工作线程已停止响应。“重新启动”会新开一个工作线程，从 t = 0 运行此程序。',
  restart: '重新启动',
  restartedCrashed: (t: string) => `模拟工作线程在 t = ${t} 秒时停止了；新的工作线程从 t = 0 重新运行此程序。`,
  restartedStalled: (t: string) => `模拟工作线程在 t = ${t} 秒时停止响应；新的工作线程从 t = 0 重新运行此程序。`,
  dismiss: '关闭',
  workerDied: (reason: string) => `模拟工作线程已退出：${reason}`,
  technicalDetails: '技术细节',
  copyDetails: '复制',
  copied: '已复制到剪贴板。',
  copyFailed: '此处无法使用剪贴板：细节已选中，按 Ctrl+C（Mac 上按 ⌘C）复制。',
};
