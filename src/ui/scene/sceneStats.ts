/** An item chip drawn: its item's serial (unique to the item; labels repeat), its label, and where it is drawn. */
export interface Chip {
  key: string;
  label: string;
  /** 'buffer', 'flight' or the name of the card it is on. */
  at: string;
}

/** What the scene drew last, for the test hook: tests check the picture's facts, not its pixels. */
export interface SceneStats {
  frames: number;
  width: number;
  height: number;
  /** Labelled items drawn in the buffer, and the count the buffer states. */
  bufferItems: number;
  bufferCount: number;
  bufferSlots: number;
  maxsize: number;
  /** The most items the buffer has shown since the run started. */
  maxBufferShown: number;
  producers: { name: string; state: string }[];
  consumers: { name: string; state: string }[];
  /** Each card drawn (main's included), its state and whether it waits forever, and where (CSS pixels of the canvas): a click there picks the task. */
  cards: { name: string; state: string; hung: boolean; x: number; y: number; w: number; h: number }[];
  /** Who the loop strip says froze the loop (a blocking time.sleep), or null. */
  frozenBy: string | null;
  /** Each item chip drawn, keyed by its item's serial, and where. */
  chips: Chip[];
  /** Too many moves to follow: items appear where they land, nothing flies. */
  calm: boolean;
  /** Items sent flying since the page opened, and whether the picture honours prefers-reduced-motion now. */
  flights: number;
  reducedMotion: boolean;
}

export const sceneStats: SceneStats = {
  frames: 0,
  width: 0,
  height: 0,
  bufferItems: 0,
  bufferCount: 0,
  bufferSlots: 0,
  maxsize: 0,
  maxBufferShown: 0,
  producers: [],
  consumers: [],
  cards: [],
  chips: [],
  calm: false,
  frozenBy: null,
  flights: 0,
  reducedMotion: false,
};
