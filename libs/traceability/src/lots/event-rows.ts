export const EVENT_TYPES = ['harvest', 'transform', 'split', 'ship', 'receive', 'inspect', 'recall', 'void'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const LINE_DIRECTIONS = ['input', 'output', 'observed'] as const;
export type LineDirection = (typeof LINE_DIRECTIONS)[number];

export interface EventDocument {
  type: string;
  number: string;
}
