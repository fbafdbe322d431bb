// Preloaded into the CLI's process by tests (node --import): at exit, writes the process's peak resident memory
// in kB to the file named by QUEUE_LAB_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.QUEUE_LAB_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
