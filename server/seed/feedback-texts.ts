/**
 * Demo feedback texts, composed from fragments per kind of complaint so three months of items read
 * like a call centre's log rather than one sentence repeated: who is calling, what is wrong (the
 * core of each kind), where, and how they feel about it.
 */
export const OPENINGS = ['', '', '你好，', '您好，', '我是{b}栋的业主，', '我住{b}栋{u}单元，', '物业你好，', '业主反映：', '又是我，'];

export const KINDS = {
  garageLighting: ['地下车库{p}的灯坏了一大片，晚上停车黑漆漆的', '车库{p}照明不亮，倒车都看不清柱子', '地库{p}好几盏灯一直闪，晚上下去心里发毛', '地下车库{p}灯又不亮了，已经不是第一次了', '车库出口那段没有灯，差点撞到人'],
  renovation: ['楼上装修天天早上七点就开始砸墙', '隔壁装修把建筑垃圾堆在楼道里', '{b}栋有户装修中午也在电钻，孩子没法午睡', '楼下装修把公共管道弄漏了，渗到我家', '装修工人周末也施工，跟他们说了没用'],
  lift: ['{b}栋电梯又坏了，困了十来分钟', '电梯按钮失灵，只能走楼梯', '{b}栋{u}单元电梯异响很大，坐着害怕', '电梯门夹人，老人差点摔倒'],
  leak: ['家里天花板漏水，应该是楼上管道的问题', '楼道水管爆了，水流了一地', '地下室一直渗水，墙都发霉了'],
  cleanliness: ['楼下垃圾桶两天没清了，味道很大', '楼道里有人乱扔垃圾，保洁也不管', '小区里狗屎到处都是，没人打扫', '电梯里很脏，地上都是泥'],
  noise: ['晚上广场舞音响太吵了', '半夜有人在楼下喝酒喧哗', '空调外机噪音太大，晚上睡不着'],
  security: ['门禁坏了，陌生人随便进出', '晚上巡逻看不到保安', '小区北门保安经常不在岗', '有外卖电动车在楼道充电，很危险'],
  fees: ['物业费涨了却看不到服务有什么变化', '停车费收费明细不公示', '收费员态度强硬，也不给开票'],
  greenery: ['小区草坪很久没修剪了', '绿化带的树枝挡住了路灯', '花坛里杂草比花还多'],
  parkingOrder: ['有人长期占用我的车位', '消防通道上停满了车，没人管', '访客车辆乱停，堵住了出口'],
  response: ['报修三天了还没人来', '打了好几次电话都没人接', '说好今天上门，等了一天也没来'],
  attitude: ['前台客服态度很差，爱理不理', '管家说话很冲，问什么都说不知道'],
  praise: ['感谢保安小刘帮我把快递搬上楼，辛苦了', '维修师傅很专业，半小时就修好了，点赞', '保洁阿姨每天把楼道擦得很干净，表扬一下', '管家很负责，感谢'],
} as const;
export type Kind = keyof typeof KINDS;

export const CLOSINGS: Record<'calm' | 'upset' | 'angry', string[]> = {
  calm: ['', '。', '，麻烦处理一下。', '，希望尽快安排。', '，谢谢。'],
  upset: ['，已经说了好几次了。', '，希望物业重视一下！', '，到底有没有人管？', '，太影响生活了。'],
  angry: ['，再不解决就投诉到12345！！', '，忍无可忍了，要曝光你们！', '，物业费白交了，投诉！！'],
};

/** The usual mix of what customers call about (weights), before any story is added. */
export const BASE_MIX: [Kind, number][] = [
  ['cleanliness', 14], ['lift', 9], ['leak', 8], ['noise', 8], ['security', 8], ['fees', 6], ['greenery', 5], ['parkingOrder', 9],
  ['response', 9], ['attitude', 5], ['renovation', 6], ['garageLighting', 3], ['praise', 10],
];

export const PLACES = ['B1层', 'B2层', 'A区', 'B区', '东侧', '西侧出口'];
