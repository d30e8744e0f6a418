export const STATUS_COLOR = { scheduled: 'gray', open: 'green', closed: 'blue' } as const;
