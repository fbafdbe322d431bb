/** Small inline icons for the transport buttons (fonts differ in which symbols they have; SVG does not). */
const box = { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': true, focusable: false } as const;

export const PlayIcon = () => (
  <svg {...box}>
    <path d="M3 1.5 L12 7 L3 12.5 Z" fill="currentColor" />
  </svg>
);

export const PauseIcon = () => (
  <svg {...box}>
    <rect x="2.5" y="1.5" width="3.2" height="11" fill="currentColor" />
    <rect x="8.3" y="1.5" width="3.2" height="11" fill="currentColor" />
  </svg>
);

export const StepIcon = () => (
  <svg {...box}>
    <path d="M2 1.5 L9 7 L2 12.5 Z" fill="currentColor" />
    <rect x="9.8" y="1.5" width="2.4" height="11" fill="currentColor" />
  </svg>
);

export const StepBackIcon = () => (
  <svg {...box}>
    <path d="M12 1.5 L5 7 L12 12.5 Z" fill="currentColor" />
    <rect x="1.8" y="1.5" width="2.4" height="11" fill="currentColor" />
  </svg>
);

export const ResetIcon = () => (
  <svg {...box}>
    <path d="M11.5 7 A4.5 4.5 0 1 1 9.6 3.3" fill="none" stroke="currentColor" strokeWidth="2" />
    <path d="M8 0.8 L12.2 2.6 L9 5.6 Z" fill="currentColor" />
  </svg>
);
