/** Where a piece of feedback came in. */
export const CHANNELS = ['hotline', 'app', 'wechat', 'survey', 'visit', 'email', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
