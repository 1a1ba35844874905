import type { BodySource, ItemSource, ProcedureSource } from '../types.ts';

// ---- W019 鼠类防制：2026-Q4 修订前后共用的条目与正文 ----

const w019Body: BodySource = {
  purpose: '用毒饵站、挡鼠板和鼠迹监测把鼠密度控制在公司内控水平以下，杜绝业主在车库、垃圾房和楼栋周边看到活鼠、死鼠，同时防止儿童和宠物误触毒饵。',
  scope: '适用于楼栋外围、地下车库、垃圾房、配电房、水泵房、商业后场通道等公共区域的鼠类防制；户内和商户租区内的灭鼠由业主或商户自行委托，项目可提供外包单位联系方式。',
  definitions: [
    '毒饵站：内置固定毒饵、儿童和宠物无法打开的上锁鼠饵盒，外贴编号和“灭鼠药物 请勿触摸”警示。',
    '粉迹法：在监测点铺设20×20厘米滑石粉块，次日检查有无鼠足迹或尾迹，阳性块数占有效块数的百分比为鼠迹阳性率。',
  ],
  responsibilities: [
    '外包消杀单位：布设和维护毒饵站，每周检查取食并补充毒饵，每月做一次粉迹监测。',
    '保洁主管：陪同检查毒饵站，核对《毒饵站检查记录》，发现鼠迹点位48小时内督促加密布放。',
    '工程部：按消杀单位提出的防鼠设施缺陷清单修补挡鼠板、门缝和管线孔洞。',
  ],
  steps: [
    '沿楼栋外墙、车库墙根、垃圾房四周布设毒饵站，相邻毒饵站间距不超过15米，垃圾房、配电房、水泵房门口两侧各布设1个。',
    '毒饵站用膨胀螺栓或铁链固定并上锁，编号按“楼栋或区域代码+两位序号”顺序编写，点位标注在《毒饵站分布图》上。',
    '每周检查一次取食、霉变和破损情况，被取食或霉变的毒饵当次更换，检查结果记入《毒饵站检查记录》。',
    '每月在地下车库、垃圾房和商业后场各选不少于20个点做粉迹监测，计算鼠迹阳性率。',
    '配电房、水泵房、垃圾房等设备用房门口设高度不低于60厘米的金属挡鼠板，挡鼠板与门框缝隙不大于6毫米，管线穿墙孔洞用水泥或钢丝网封堵。',
    '发现死鼠用长柄夹装入双层塑料袋，喷洒消毒液后交其他垃圾清运，发现点位周边24小时内加密布放毒饵站。',
  ],
  requirements: [
    '毒饵站间距不超过15米，100%固定上锁并有编号和警示标识。',
    '每月粉迹监测鼠迹阳性率不超过3%（公司内控值）。',
    '设备用房挡鼠板完好率100%。',
    '公共区域巡查中不得出现死鼠。',
  ],
  records: ['《毒饵站分布图》', '《毒饵站检查记录》', '《鼠迹粉迹监测记录》', '《防鼠设施缺陷整改清单》'],
  references: ['GB/T 27770-2011 病媒生物密度控制水平 鼠类', 'GB/T 23795-2009 病媒生物密度监测方法 鼠类', '《病媒生物预防控制管理规定》'],
};

const w019Spacing: ItemSource = {
  key: 'baitStationSpacingM', title: '相邻毒饵站最大间距',
  description: '沿抽查墙根线测量相邻两个毒饵站之间的距离，取测得的最大值。',
  input: { kind: 'measure', unit: '米', max: 15 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3,
  method: '测量', evidence: 'photo-on-fail', touchpoints: [98], rectifyWithinHours: 48,
};
const w019Secured: ItemSource = {
  key: 'baitStationsSecured', title: '毒饵站固定上锁并有警示',
  description: '抽查的毒饵站均已固定、上锁，外贴编号和“灭鼠药物 请勿触摸”警示，盒外无散落毒饵。',
  input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 4,
  method: '抽查', evidence: 'photo-on-fail', touchpoints: [98], rectifyWithinHours: 12,
  hint: '重点看儿童游乐场和宠物常经过的楼栋外围点位',
};
const w019Positive: ItemSource = {
  key: 'rodentSignPositivePercent', place: 'office', title: '粉迹法鼠迹阳性率',
  description: '当月粉迹监测中阳性粉块数占有效粉块数的百分比，以《鼠迹粉迹监测记录》为准。',
  input: { kind: 'measure', unit: '%', min: 0, max: 3 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3,
  method: '查阅记录', evidence: 'document', touchpoints: [98, 85], rectifyWithinHours: 48,
};
const w019RatGuards: ItemSource = {
  key: 'ratGuardBoardsIntact', place: 'plant-room', title: '设备用房挡鼠板完好',
  description: '配电房、水泵房、垃圾房门口挡鼠板高度不低于60厘米、插槽完好并处于放下状态，挡鼠板与门框缝隙不大于6毫米。',
  input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3,
  method: '测量', evidence: 'photo-on-fail', touchpoints: [98, 85], rectifyWithinHours: 48,
};
const w019CheckInterval: ItemSource = {
  key: 'daysSinceBaitCheck', place: 'office', title: '距上次毒饵站检查天数',
  description: '检查日距外包消杀单位最近一次逐站检查取食情况的天数，以《毒饵站检查记录》为准。',
  input: { kind: 'count', unit: '天', max: 7 }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2,
  method: '查阅记录', evidence: 'document', touchpoints: [98], rectifyWithinHours: 48,
};
const w019DeadRodents: ItemSource = {
  key: 'noDeadRodents', title: '公共区域无未清理死鼠',
  description: '巡查楼栋外围、地下车库、垃圾房周边时未发现未清理的死鼠。',
  input: { kind: 'pass' }, tiers: ['daily'], severity: 'major', weight: 2,
  method: '目视', evidence: 'photo-on-fail', touchpoints: [98], rectifyWithinHours: 24,
};
const w019Photos: ItemSource = {
  key: 'baitStationPhotos', title: '毒饵站抽查照片',
  description: '本次抽查的毒饵站照片不少于2张，可见编号、锁扣和盒内毒饵状态。',
  input: { kind: 'photos', min: 2 }, tiers: ['monthly'], severity: 'minor', weight: 1,
  method: '抽查', evidence: 'photo-required', touchpoints: [98], rectifyWithinHours: 48,
};

const procedure: ProcedureSource = {
  code: 'M03.P05',
  title: '卫生消杀与病媒生物防制服务规程',
  description: '规定鼠、蚊、蝇、蜚蠊四害的防制和密度监测、公共区域预防性消毒，以及消杀药剂和外包消杀单位的管理要求。',
  clauses: ['7.1.4', '7.1.5', '8.4', '8.5.1', '9.1.1'],
  body: {
    purpose: '以环境治理为主、药物防制为辅，把鼠、蚊、蝇、蜚蠊密度控制在公司内控水平，保障公共区域高频接触表面卫生，同时确保消杀药剂使用不危害业主、儿童、宠物和作业人员。',
    scope: '适用于各项目公共区域、垃圾房、地下室、绿地水景和商业后场的病媒生物防制与预防性消毒，包括自行实施和委托外包消杀单位实施的作业；户内、商户租区内部的消杀由业主或商户负责，不在本规程范围内。',
    definitions: [
      '四害：鼠类、蚊虫、蝇类和蜚蠊（蟑螂）。',
      '孳生地：蚊蝇产卵和幼虫发育的场所，如积水容器、雨水井、垃圾暂存处。',
    ],
    responsibilities: [
      '项目经理：选定外包消杀单位并签订服务合同，审批年度消杀计划。',
      '保洁主管：作为消杀联络人陪同作业、验收服务、管理药剂台账，发布消杀公告。',
      '外包消杀单位：按合同和年度计划实施防制和监测，每月提交服务报告。',
      '项目品控员：核查监测数据和服务记录，对密度超标点位发起整改。',
    ],
    steps: [
      '每年2月编制年度消杀计划：4–10月为蚊蝇防制重点期，每周外环境作业一次；11月至次年3月以鼠、蜚蠊防制为主，每两周作业一次。',
      '每月由外包消杀单位做一次鼠、蚊、蝇、蜚蠊密度监测，监测结果与上月比较，连续两个月上升的点位列为重点治理点。',
      '喷洒作业提前24小时在楼栋公告栏和业主群公告作业时间、区域、药剂名称和注意事项，避开儿童放学和晨练时段。',
      '药剂由外包单位带入、当日带出，确需在项目存放的放入双人双锁药剂柜，凭《消杀药剂出入库登记表》领用。',
      '每月末由保洁主管对外包消杀单位评价，连续两个月评为“中”或以下的，由项目经理约谈并书面要求整改。',
    ],
    requirements: [
      '公共区域鼠迹阳性率、蚊蝇密度和蜚蠊侵害指标不超过本规程所属作业指导书的内控值。',
      '喷洒作业100%提前24小时公告。',
      '所用卫生杀虫剂、杀鼠剂均具有有效的农药登记证。',
    ],
    records: ['《年度消杀计划》', '《病媒生物密度监测月报》', '《消杀作业公告》', '《外包消杀单位月度评价表》'],
    references: ['GB/T 27770-2011 病媒生物密度控制水平 鼠类', 'GB/T 27771-2011 病媒生物密度控制水平 蚊虫', 'GB/T 27772-2011 病媒生物密度控制水平 蝇类', 'GB/T 27773-2011 病媒生物密度控制水平 蜚蠊', '《农药管理条例》'],
  },
  instructions: [
    {
      code: 'M03.P05.W019',
      place: 'public-area',
      title: '鼠类防制及毒饵站管理作业指导书',
      description: '规定毒饵站的布设间距、固定上锁和编号、每周检查、粉迹法鼠迹监测、设备用房挡鼠设施和死鼠处理要求。',
      clauses: ['7.1.5', '8.4', '8.5.1', '9.1.1', '10.2'],
      body: w019Body,
      items: [w019Spacing, w019Secured, w019Positive, w019RatGuards, w019CheckInterval, w019DeadRodents, w019Photos],
      revision: {
        author: '陈浩（品质部环境标准专员）',
        note: '2026年三季度区域飞行检查在4个项目的地下车库和垃圾房发现鼠迹，当季涉及老鼠的客户反馈11条（其中3条为业主在车库拍到活鼠）；外包单位原按20米间距布设的毒饵站在墙角拐点处覆盖不足，将毒饵站间距上限由20米收紧为15米，并新增设备用房挡鼠板检查项。',
        before: {
          body: {
            ...w019Body,
            steps: [
              '沿楼栋外墙、车库墙根、垃圾房四周布设毒饵站，相邻毒饵站间距不超过20米，垃圾房门口布设1个。',
              '毒饵站用膨胀螺栓或铁链固定并上锁，编号按“楼栋或区域代码+两位序号”顺序编写，点位标注在《毒饵站分布图》上。',
              '每周检查一次取食、霉变和破损情况，被取食或霉变的毒饵当次更换，检查结果记入《毒饵站检查记录》。',
              '每月在地下车库、垃圾房和商业后场各选不少于20个点做粉迹监测，计算鼠迹阳性率。',
              '发现死鼠用长柄夹装入双层塑料袋，喷洒消毒液后交其他垃圾清运，发现点位周边24小时内加密布放毒饵站。',
            ],
            requirements: [
              '毒饵站间距不超过20米，100%固定上锁并有编号和警示标识。',
              '每月粉迹监测鼠迹阳性率不超过3%（公司内控值）。',
              '公共区域巡查中不得出现死鼠。',
            ],
            records: ['《毒饵站分布图》', '《毒饵站检查记录》', '《鼠迹粉迹监测记录》'],
          },
          items: [
            { ...w019Spacing, input: { kind: 'measure', unit: '米', max: 20 } },
            w019Secured,
            w019Positive,
            w019CheckInterval,
            w019DeadRodents,
            w019Photos,
          ],
        },
      },
    },
    {
      code: 'M03.P05.W020',
      place: 'garden',
      title: '蚊蝇孳生地治理及外环境灭蚊蝇作业指导书',
      description: '规定积水容器清除、雨水井和集水坑灭蚊幼、垃圾房灭蝇设施、外环境滞留喷洒的公告和时段，以及蚊虫密度的现场判定方法。',
      clauses: ['7.1.4', '8.5.1', '9.1.1', '9.1.2'],
      body: {
        purpose: '以清除积水和垃圾孳生地为主、药物杀灭为辅，使业主傍晚在小区散步、乘凉时不被蚊虫叮扰，垃圾房和餐厨暂存间周边不见成群苍蝇。',
        scope: '适用于绿地、水景周边、雨水井、地下车库集水坑、垃圾房和餐厨垃圾暂存间等蚊蝇孳生和栖息场所；景观水体本身的换水和除藻执行M03.P06.W024。',
        definitions: ['勺捕法：用500毫升水勺在积水处舀取10勺，检查是否有蚊幼虫或蛹，用于判定孳生地阳性。'],
        responsibilities: [
          '外包消杀单位：投放灭蚊幼剂，实施外环境滞留喷洒，维护灭蝇灯。',
          '外围保洁员：每周巡查一次责任区积水容器并清除，发现花盆托盘积水告知业主。',
          '保洁主管：发布喷洒公告，每月一次傍晚进行蚊虫叮扰现场观察。',
        ],
        steps: [
          '每周五巡查一遍外环境，清倒废弃轮胎、塑料瓶、饭盒、花盆托盘等积水，无法清除的积水点登记后由外包单位处理。',
          '4–10月每15天向雨水井、地下车库集水坑、化粪池井口投放一次灭蚊幼缓释剂，投放点位和剂量记入《灭蚊幼剂投放记录》。',
          '垃圾房、餐厨垃圾暂存间安装粘捕式灭蝇灯，每周更换粘蝇纸，灯管每年3月更换。',
          '外环境滞留喷洒每周一次，安排在9:00–11:00或15:00–16:30，提前24小时公告，作业时儿童游乐区和宠物活动区拉警戒线，喷洒后2小时内不开放。',
          '每月由保洁主管在18:00–19:00于中心绿地、水景边各停留5分钟观察蚊虫停落和叮扰情况，记录评级。',
        ],
        requirements: [
          '巡查路线上积水容器为0处，雨水井和集水坑勺捕不得发现蚊幼虫。',
          '灭蝇灯100%正常运行，粘蝇纸每周更换。',
          '外环境喷洒100%提前公告，喷洒时段避开儿童活动高峰。',
        ],
        records: ['《积水容器巡查清除记录》', '《灭蚊幼剂投放记录》', '《灭蝇灯维护记录》', '《消杀作业公告》'],
        references: ['GB/T 27771-2011 病媒生物密度控制水平 蚊虫', 'GB/T 27772-2011 病媒生物密度控制水平 蝇类', 'GB/T 23797-2009 病媒生物密度监测方法 蚊虫'],
      },
      items: [
        { key: 'noStandingWaterContainers', place: 'public-area', title: '巡查路线无积水容器', description: '沿外围巡查路线未发现积水的废弃轮胎、瓶罐、饭盒、花盆托盘等小型容器。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [99], rectifyWithinHours: 24 },
        { key: 'larvicideIntervalDays', place: 'office', title: '距上次投放灭蚊幼剂天数', description: '4–10月检查日距雨水井、集水坑最近一次投放灭蚊幼剂的天数，以投放记录为准。',
          input: { kind: 'count', unit: '天', max: 15 }, tiers: ['monthly', 'quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [99, 80], rectifyWithinHours: 72 },
        { key: 'larvaeNegative', title: '雨水井及水景勺捕无蚊幼', description: '随机选2处雨水井或集水坑和1处水景浅水区，用勺捕法各舀10勺，均未发现蚊幼虫和蛹。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [99, 100], rectifyWithinHours: 24 },
        { key: 'flyTrapsWorking', place: 'waste', title: '垃圾房灭蝇灯正常运行', description: '垃圾房、餐厨垃圾暂存间的灭蝇灯通电发光，粘蝇纸更换日期在7天以内且未粘满。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [85, 88], rectifyWithinHours: 48 },
        { key: 'sprayNoticePosted', place: 'office', title: '外环境喷洒提前24小时公告', description: '最近一次外环境滞留喷洒在楼栋公告栏和业主群有提前24小时的公告记录，且作业时段在规定时段内。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [99, 91], rectifyWithinHours: 24 },
        { key: 'eveningMosquitoRating', title: '傍晚绿地蚊虫叮扰程度', description: '18:00–19:00在中心绿地或水景边静立5分钟：未见蚊虫；偶见（1–2只停落）；较多（3–9只停落）；密集叮咬（10只及以上）。前两级为合格。',
          input: { kind: 'rating', options: ['未见蚊虫', '偶见', '较多', '密集叮咬'], pass: ['未见蚊虫', '偶见'] }, tiers: ['monthly'], severity: 'major', weight: 2, method: '抽查', evidence: 'none', touchpoints: [99], rectifyWithinHours: 48,
          hint: '仅在4–10月蚊虫季节检查' },
      ],
    },
    {
      code: 'M03.P05.W021',
      place: 'corridor',
      title: '商业后场及垃圾房蜚蠊防制作业指导书',
      description: '规定商业后场通道、餐厨垃圾暂存间、垃圾房和管道井的蜚蠊监测、胶饵施放、卵鞘清除和缝隙封堵要求。',
      clauses: ['8.4', '8.5.1', '9.1.1'],
      body: {
        purpose: '控制蟑螂在商业后场和垃圾房的栖息繁殖，防止其沿管道井和货运通道扩散到顾客区域和住户家中。',
        scope: '适用于商业综合体后场公共通道、货梯厅、餐厨垃圾暂存间，以及住宅小区垃圾房、地下室管道井等公共部位；商户后厨内部的蜚蠊防制由商户委托，项目每季度督查。',
        definitions: ['粘捕盒法：在监测点放置诱饵粘捕盒，过夜后统计每盒捕获的蜚蠊只数，用于评价蜚蠊密度。'],
        responsibilities: [
          '外包消杀单位：每月施放胶饵、布放粘捕盒监测并清除卵鞘。',
          '商管部：每季度督查餐饮商户后厨的消杀服务合同和记录，通报不合格商户。',
          '工程部：按消杀单位提出的清单封堵管道井、地漏和墙面缝隙。',
        ],
        steps: [
          '每月在后场通道、餐厨暂存间、垃圾房、管道井各布放粘捕盒，每处不少于2盒，过夜后统计捕获数并计算每盒平均值。',
          '胶饵以绿豆大小点状施放在缝隙、设备底座和柜体背面，每点间隔约30厘米，避开食品直接接触面，每月补施一次。',
          '检查时用手电照看墙角、设备底部和纸箱夹缝，发现的卵鞘用镊子夹出装袋并压碎处理。',
          '宽度超过3毫米的墙面、管线缝隙和无盖地漏登记在《蜚蠊防制缺陷清单》，由工程部用密封胶或防虫地漏盖封堵。',
          '后场通道和暂存间严禁堆放纸箱过夜，保洁员每日闭店后清走纸箱并冲洗地面。',
        ],
        requirements: [
          '粘捕盒监测每盒平均捕获不超过1只（公司内控值）。',
          '检查点位不得发现卵鞘。',
          '后场通道无过夜纸箱堆放。',
        ],
        records: ['《蜚蠊粘捕监测记录》', '《胶饵施放记录》', '《蜚蠊防制缺陷清单》', '《商户消杀督查记录》'],
        references: ['GB/T 27773-2011 病媒生物密度控制水平 蜚蠊', 'GB/T 23798-2009 病媒生物密度监测方法 蜚蠊'],
      },
      items: [
        { key: 'cockroachesPerTrap', place: 'office', title: '粘捕盒每盒平均捕获只数', description: '当月粘捕盒监测中各监测盒捕获蜚蠊（成虫与若虫合计）的平均只数，以监测记录为准。',
          input: { kind: 'measure', unit: '只/盒', min: 0, max: 1 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [88, 85], rectifyWithinHours: 48 },
        { key: 'noOothecae', title: '检查点位未发现卵鞘', description: '用手电查看后场墙角、设备底座下方和纸箱夹缝，未发现蜚蠊卵鞘。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [88, 85], rectifyWithinHours: 48 },
        { key: 'gelBaitRefreshed', title: '胶饵按月补施且避开食品接触面', description: '《胶饵施放记录》显示本月已补施，现场胶饵点位于缝隙和设备背面，未施放在台面、餐具架等食品直接接触面。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [88], rectifyWithinHours: 48 },
        { key: 'gapsSealed', title: '缝隙及无盖地漏已封堵', description: '《蜚蠊防制缺陷清单》中登记的超过3毫米缝隙和无盖地漏已全部封堵或加盖，抽查3处核实。',
          input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'minor', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [85, 83], rectifyWithinHours: 72 },
        { key: 'noOvernightCartons', title: '后场通道及暂存间无过夜纸箱', description: '开店前检查后场通道、货梯厅和餐厨暂存间，无前一日遗留的纸箱和包装物堆放。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [88], rectifyWithinHours: 48 },
        { key: 'backOfHouseInfestationRating', title: '商业后场蜚蠊侵害程度', description: '夜间闭店后开灯观察后场通道和餐厨暂存间5分钟：无＝未见活蟑螂；轻度＝见1–2只；中度＝见3–9只；重度＝见10只及以上或白天可见。无或轻度为合格。',
          input: { kind: 'rating', options: ['无', '轻度', '中度', '重度'], pass: ['无', '轻度'] }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [88], rectifyWithinHours: 24 },
      ],
    },
    {
      code: 'M03.P05.W022',
      place: 'building',
      title: '公共区域高频接触表面预防性消毒作业指导书',
      description: '规定单元门把手、门禁按键、楼梯扶手、快递柜面板等高频接触表面的日常消毒频次、含氯消毒液配制浓度与作用时间、试纸检测和消毒公示要求。',
      clauses: ['7.1.4', '7.1.5', '8.5.1', '8.2.1'],
      body: {
        purpose: '通过对业主每天反复触摸的公共表面定时消毒并公开消毒记录，降低呼吸道和肠道传染病在社区内传播的机会，增强业主对公共卫生的信任。',
        scope: '适用于单元门把手和推板、门禁按键和读卡区、楼梯扶手、快递柜和信报箱操作面板、公共座椅扶手等高频接触表面；电梯按钮消毒执行M03.P01.W002，传染病疫情期间的强化消毒按属地疾控部门要求另行执行。',
        responsibilities: [
          '消毒岗保洁员：按配比配制消毒液并用试纸检测，按时段完成消毒并在公示牌签字。',
          '保洁主管：每日抽测一次消毒液浓度，检查配制记录和公示牌。',
          '客服中心：在业主群每周发布一次公共区域消毒情况。',
        ],
        steps: [
          '用含有效氯5%的消毒液按1:100加清水稀释，配成有效氯约500mg/L的使用液；配制后用有效氯试纸检测，读数在250–500mg/L之间方可使用。',
          '配制时戴橡胶手套、口罩和护目镜，消毒液严禁与洁厕灵等酸性清洁剂混合，防止产生氯气。',
          '每日9:00和16:00各消毒一次：用浸湿消毒液的毛巾擦拭表面，保持湿润作用不少于10分钟，再用清水毛巾擦去残留，防止金属件腐蚀。',
          '消毒使用液盛装于带盖容器，标注配制时间，超过24小时未用完的废弃重配。',
          '每次消毒完成后在单元门厅消毒公示牌上填写时间并签字，公示牌每周更换一次记录纸并归档。',
        ],
        requirements: [
          '高频接触表面每日消毒不少于2次。',
          '使用液有效氯浓度在250–500mg/L之间，作用时间不少于10分钟。',
          '消毒液配制后24小时内使用完毕。',
        ],
        records: ['《公共区域消毒记录表》', '《消毒液配制记录》', '《消毒公示牌记录》'],
        references: ['《消毒管理办法》', '所用含氯消毒剂产品说明书'],
      },
      items: [
        { key: 'highTouchDisinfectionsPerDay', title: '高频接触表面每日消毒次数', description: '所抽单元的门把手、门禁按键、楼梯扶手当日完成消毒的次数，以消毒公示牌签字为准。',
          input: { kind: 'count', unit: '次/日', min: 2 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [73, 81], rectifyWithinHours: 24 },
        { key: 'availableChlorineMgL', title: '消毒使用液有效氯浓度', description: '用有效氯试纸当场检测保洁员正在使用的消毒液，读取的有效氯浓度。',
          input: { kind: 'measure', unit: 'mg/L', min: 250, max: 500 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [73, 81], rectifyWithinHours: 24,
          hint: '试纸浸入1秒后取出，30秒内与色卡比对' },
        { key: 'contactTimeMinutes', title: '消毒液表面作用时间', description: '询问并观察保洁员擦拭消毒液后到用清水擦净之间的等待分钟数。',
          input: { kind: 'measure', unit: '分钟', min: 10 }, tiers: ['daily', 'quarterly'], severity: 'minor', weight: 2, method: '询问', evidence: 'none', touchpoints: [73], rectifyWithinHours: 48 },
        { key: 'solutionAgeHours', title: '在用消毒液配制后时长', description: '保洁员在用消毒液容器上标注的配制时间到检查时的小时数。',
          input: { kind: 'measure', unit: '小时', min: 0, max: 24 }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [73], rectifyWithinHours: 48 },
        { key: 'noAcidMixing', title: '配制防护到位且未与酸性清洁剂混用', description: '配制时佩戴手套、口罩和护目镜，工具间内含氯消毒剂与洁厕灵等酸性清洁剂分开存放，保洁员能说明不得混用的原因。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '询问', evidence: 'photo-on-fail', touchpoints: [73], rectifyWithinHours: 12 },
        { key: 'disinfectionNoticeUpdated', title: '单元门厅消毒公示牌及时更新', description: '单元门厅消毒公示牌上当日已到时段的消毒时间和签字齐全，无提前填写。',
          input: { kind: 'pass' }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-on-fail', touchpoints: [72, 73], rectifyWithinHours: 72 },
      ],
    },
    {
      code: 'M03.P05.W023',
      place: 'office',
      title: '消杀药剂及外包消杀单位管理作业指导书',
      description: '规定外包消杀单位的资质审核、月度服务次数与评价，卫生杀虫剂和杀鼠剂的登记证核验、双人双锁存放、出入库台账和剩余药剂处置要求。',
      clauses: ['7.1.5', '8.4', '8.5.4', '9.1.3'],
      body: {
        purpose: '确保进入项目的消杀药剂合法、可追溯、不流失，外包消杀单位按合同频次和质量提供服务，避免药剂误用、误食和环境污染事件。',
        scope: '适用于各项目委托的外包消杀单位的准入、过程监督和评价，以及在项目内使用和暂存的卫生杀虫剂、杀鼠剂、灭蚊幼剂；保洁日常使用的清洁剂和含氯消毒剂按《清洁剂领用及稀释登记表》管理。',
        responsibilities: [
          '项目经理：审核外包单位营业执照、有害生物防制服务能力证明和作业人员培训证明，签订服务合同。',
          '保洁主管：核验每批药剂的农药登记证号和安全技术说明书，管理药剂柜钥匙（与品控员各持一把）。',
          '项目品控员：每月与保洁主管共同盘点药剂柜，参与外包单位月度评价。',
        ],
        steps: [
          '外包单位准入时收取营业执照（经营范围含有害生物防制）、服务能力证明、作业人员培训合格证明和所用药剂清单，资料每年复核一次。',
          '每批药剂入场时核对包装上的农药登记证号（卫生用药剂以WP、WL开头，部分杀鼠剂为PD开头）、生产日期和有效期，无证、过期药剂一律拒收。',
          '确需在项目暂存的药剂放入独立、通风、带双锁的药剂柜，远离食品和清洁工具，柜门张贴“有毒物品”标识。',
          '每次领用和归还在《消杀药剂出入库登记表》上记录药名、登记证号、数量、用途和领用人，剩余药剂和空包装由外包单位回收，严禁投入生活垃圾桶。',
          '每月末按服务次数、监测数据、投诉处理和现场规范四项对外包单位评为优、良、中、差，评价结果报区域督导组。',
        ],
        requirements: [
          '外包单位每月上门服务不少于4次（每周1次）。',
          '药剂100%具有有效登记证号，账物相符率100%。',
          '药剂柜双人双锁，钥匙分别由两人保管。',
        ],
        records: ['《外包消杀单位资质档案》', '《消杀药剂出入库登记表》', '《药剂柜月度盘点表》', '《外包消杀单位月度评价表》'],
        references: ['《农药管理条例》', '《病媒生物预防控制管理规定》', '本公司《外包服务供方管理办法》'],
      },
      items: [
        { key: 'contractorQualified', title: '外包消杀单位资质档案齐全有效', description: '资质档案中营业执照经营范围含有害生物防制，服务能力证明和作业人员培训证明在有效期内，且为近12个月内复核。',
          input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [98, 99], rectifyWithinHours: 48 },
        { key: 'pesticideRegistrationNo', title: '抽查药剂农药登记证号', description: '随机抽取药剂柜或外包单位作业箱内1种药剂，填写包装上的农药登记证号，并核对与入场登记一致。',
          input: { kind: 'text', pattern: '^(WP|WL|PD)[0-9]{8}$' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'document', touchpoints: [98], rectifyWithinHours: 48 },
        { key: 'doubleLockStorage', title: '药剂柜双人双锁独立存放', description: '药剂柜为独立带双锁柜体，两把钥匙分别由保洁主管和品控员保管，柜内无食品、清洁工具，柜门有“有毒物品”标识。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '目视', evidence: 'photo-on-fail', touchpoints: [98], rectifyWithinHours: 24 },
        { key: 'stockMatchesLedger', title: '药剂柜账物相符', description: '按《消杀药剂出入库登记表》结存数逐项盘点药剂柜，各品种数量与台账一致，剩余药剂和空包装已由外包单位回收。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [98], rectifyWithinHours: 24 },
        { key: 'monthlyServiceVisits', title: '外包单位当月上门服务次数', description: '外包消杀单位当月实际到场作业次数，以保洁主管签字的服务确认单为准。',
          input: { kind: 'count', unit: '次/月', min: 4 }, tiers: ['monthly', 'quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [98, 99], rectifyWithinHours: 48 },
        { key: 'contractorServiceRating', title: '外包消杀单位月度服务评价', description: '按服务次数、监测数据、投诉处理和现场规范四项综合评定的当月等级，以《外包消杀单位月度评价表》为准；优或良为合格。',
          input: { kind: 'rating', options: ['优', '良', '中', '差'], pass: ['优', '良'] }, tiers: ['monthly', 'quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [98, 99], rectifyWithinHours: 72 },
      ],
    },
  ],
};

export default procedure;
