/**
 * The charts' colours (Okabe-Ito, safe for colour-blind readers), apart from the uPlot options that use them: the
 * legends React draws on the first render need them, uPlot itself is loaded only when the charts come near.
 */
export const COLORS = {
  blue: '#0072b2',
  sky: '#56b4e9',
  green: '#009e73',
  verm: '#d55e00',
  purple: '#cc79a7',
  orange: '#e69f00',
  ink: '#1a1a1a',
  muted: '#5f5f5f',
  grid: '#e6e4dc',
} as const;
