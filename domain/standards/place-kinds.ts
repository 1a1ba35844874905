import type { Templates } from '../shared/messages.ts';

/**
 * The kinds of place a check item is checked at (`x-check.place`), in the order inspectors meet
 * them, each named in Chinese and English. The kinds of the projects' places come first (a project's
 * 地下车库 B1 is a `car-park`), then the kinds items need that places do not name. The same list is
 * the enum of `schema/x-check.schema.json` (a test keeps them equal).
 */
export const PLACE_KINDS = [
  { kind: 'lobby', zh: '大堂', en: 'Lobby' },
  { kind: 'corridor', zh: '走廊楼道', en: 'Corridor' },
  { kind: 'lift', zh: '电梯', en: 'Lift' },
  { kind: 'car-park', zh: '停车场', en: 'Car park' },
  { kind: 'entrance', zh: '出入口', en: 'Entrance' },
  { kind: 'building', zh: '楼栋', en: 'Building' },
  { kind: 'garden', zh: '园林景观', en: 'Garden' },
  { kind: 'waste', zh: '垃圾收集点', en: 'Waste point' },
  { kind: 'service', zh: '服务场所', en: 'Service point' },
  { kind: 'plant-room', zh: '设备机房', en: 'Plant room' },
  { kind: 'control-room', zh: '控制室', en: 'Control room' },
  { kind: 'roof', zh: '屋面', en: 'Roof' },
  { kind: 'office', zh: '办公室', en: 'Office' },
  { kind: 'resident-home', zh: '住户室内', en: "Resident's home" },
  { kind: 'perimeter', zh: '周界及室外道路', en: 'Perimeter and roads' },
  { kind: 'public-area', zh: '公共区域', en: 'Public area' },
] as const;

export type PlaceKind = (typeof PLACE_KINDS)[number]['kind'];

/** The Chinese and English name of each kind, by kind. */
export const PLACE_NAMES: Readonly<Record<PlaceKind, { zh: string; en: string }>> = Object.fromEntries(PLACE_KINDS.map((p) => [p.kind, { zh: p.zh, en: p.en }])) as Record<PlaceKind, { zh: string; en: string }>;

/** True for a kind of the list. */
export function isPlaceKind(value: unknown): value is PlaceKind {
  return typeof value === 'string' && Object.hasOwn(PLACE_NAMES, value);
}

/** The kinds as words of the message catalogue: `{place:place}` renders `place.car-park` as 停车场 / Car park. */
export const PLACE_WORDS = Object.fromEntries(PLACE_KINDS.map((p) => [`place.${p.kind}`, { en: p.en, 'zh-CN': p.zh }])) as Record<`place.${PlaceKind}`, Templates>;
