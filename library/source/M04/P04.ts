import type { BodySource, ItemSource, ProcedureSource } from '../types.ts';

// M04.P04.W016 — items unchanged since 2026-Q3.
const nozzleWorkingRate: ItemSource = { key: 'nozzleWorkingRate', title: '喷头完好率', description: '试运行各轮灌区，出水正常、转动到位、无堵塞和歪斜的喷头数占喷头总数的比例。', input: { kind: 'measure', unit: '%', min: 98 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [115], rectifyWithinHours: 48 };
const leakPoints: ItemSource = { key: 'pipeLeakPoints', title: '管网漏水点数量', description: '巡检中发现的喷灌管道、接头和阀门井漏水或地面持续渗水点数。', input: { kind: 'count', unit: '处', max: 0 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [115, 105], rectifyWithinHours: 24 };
const endPressure: ItemSource = { key: 'endNozzlePressure', title: '末端喷头工作压力', description: '在最远轮灌区末端喷头处接压力表测得的工作压力。', input: { kind: 'measure', unit: 'MPa', min: 0.2, max: 0.4 }, tiers: ['quarterly'], severity: 'minor', weight: 2, method: '测量', evidence: 'document', touchpoints: [115], rectifyWithinHours: 72 };
const valveBoxCondition: ItemSource = { key: 'valveBoxCondition', title: '阀门箱及井盖状态', description: '完好＝箱盖齐全平稳、无积水；轻微破损＝盖板有裂纹或锁扣损坏；严重破损＝盖板缺失、塌陷，存在绊脚或坠落风险。', input: { kind: 'rating', options: ['完好', '轻微破损', '严重破损'], pass: ['完好'] }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 4, method: '目视', evidence: 'photo-on-fail', touchpoints: [115], rectifyWithinHours: 12 };
const rainShutoff: ItemSource = { key: 'rainShutoffWorking', title: '雨天自动停喷', description: '感雨器工作正常，或雨天控制器已手动暂停，巡检当日降雨时未出现喷灌运行。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [115], rectifyWithinHours: 48 };
const winterDrain: ItemSource = { key: 'winterDrained', place: 'office', title: '封冻前管网排空', description: '冬季有冰冻的地区，在日最低气温持续低于0℃前完成喷灌管网泄水排空并关闭总阀，有排空记录。', input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [115], rectifyWithinHours: 48 };

const w016Body: BodySource = {
  purpose: '使自动喷灌系统按季节和天气精确供水，杜绝喷头淋湿行人和车辆、管网漏水和阀门井盖缺损伤人，同时节约绿化用水。',
  scope: '适用于项目内地埋式旋转喷头、散射喷头、滴灌管及其控制器、电磁阀、阀门箱和过滤器；市政给水总表至绿化取水阀之间的管道由工程部维护。',
  responsibilities: [
    '喷灌维护员：按季节设定控制器程序，巡检喷头和阀门箱，处理堵塞和漏水。',
    '工程部：负责控制器电源、电磁阀线路和主管道维修。',
    '绿化主管：审核季节运行程序，统计月度绿化用水量。',
  ],
  steps: [
    '控制器运行时段设定为5:00–7:00和21:00–23:00，避开早晚出行和散步高峰，每个轮灌区单次运行15–30分钟。',
    '每月逐区试运行，调整喷头角度和射程，使喷洒范围不覆盖园路、车位、单元入口和外墙窗户。',
    '春秋季每3天运行一次、夏季每天运行一次、冬季停运或每周一次，雨天由感雨器自动停喷，无感雨器的当日手动暂停。',
    '每季度在最远轮灌区末端喷头测压，压力低于0.2MPa时检查过滤器和管网漏损。',
    '发现喷头损坏、阀门箱盖缺失时当日更换或加设临时围护，漏水点24小时内修复。',
    '有冰冻的地区在封冻前泄水排空管网，关闭总阀并包裹外露阀门。',
  ],
  requirements: ['喷头完好率不低于98%。', '喷灌运行时段内园路、车位和单元入口无喷淋积水。'],
  records: ['《喷灌系统运行程序表》', '《喷灌系统巡检维修记录》', '《绿化用水量月度统计表》'],
  references: ['GB/T 50085-2007 喷灌工程技术规范', 'CJJ/T 287-2018 园林绿化养护标准'],
};

const procedure: ProcedureSource = {
  code: 'M04.P04',
  title: '浇灌与施肥服务规程',
  description: '规定绿地季节性浇灌、自动喷灌系统运行维护、施肥以及高温干旱和冬季防寒养护的组织与质量要求。',
  clauses: ['7.1.3', '7.1.4', '8.5.1', '9.1.1'],
  body: {
    purpose: '按季节、天气和植物需水需肥规律组织浇灌和施肥，使植物长势健旺，同时避免浇水扰民、肥料异味和水资源浪费。',
    scope: '适用于项目全部室外绿地、屋顶花园和室外盆栽的浇灌、施肥与季节性防护；室内租摆绿植的浇水施肥由租摆供应商负责。',
    responsibilities: [
      '绿化主管：编制季节浇灌计划和年度施肥计划，监控绿化用水量和肥料用量。',
      '绿化工：按计划人工浇灌、撒施或沟施肥料，记录作业片区。',
      '喷灌维护员：负责自动喷灌系统的程序设定、巡检和维修。',
      '项目品控员：抽查浇灌时段、渗透深度和施肥后现场情况。',
    ],
    steps: [
      '每年3月、6月、9月、12月初按季节调整浇灌频次和时段，写入《季节浇灌计划表》。',
      '优先使用中水、雨水回收水浇灌，取水点设置“非饮用水”标识。',
      '施肥以春季萌芽前、秋季生长后期为主，每次施肥后及时浇水，并清理落在铺装上的肥料颗粒。',
      '日最高气温连续3日达到35℃以上或寒潮预警发布时启动高温干旱或防寒措施。',
      '每月统计绿化用水量和肥料用量，与上年同期对比，异常增加的查找漏水或过量原因。',
    ],
    requirements: ['浇灌和施肥作业不造成园路积水、肥料异味等业主投诉。', '绿化用水量较上年同期不增加10%以上（新增绿地除外）。'],
    records: ['《季节浇灌计划表》', '《绿地施肥记录》', '《绿化用水量月度统计表》'],
    references: ['CJJ/T 287-2018 园林绿化养护标准', 'GB/T 18920-2020 城市污水再生利用 城市杂用水水质'],
  },
  instructions: [
    {
      code: 'M04.P04.W015',
      place: 'garden',
      title: '绿地季节性人工浇灌作业指导书',
      description: '规定不同季节人工浇灌的时段、间隔和浇透深度，以及使用中水浇灌的标识要求。',
      clauses: ['8.5.1', '7.1.4'],
      body: {
        purpose: '按季节把握浇水时机和水量，做到“见干见湿、浇则浇透”，避免中午高温浇水伤根和傍晚浇水淋湿散步人群。',
        scope: '适用于无自动喷灌覆盖的绿地、花坛、新植苗木和健身步道、水景周边绿化的人工浇灌；自动喷灌片区按喷灌系统作业指导书执行。',
        responsibilities: [
          '绿化工：按《季节浇灌计划表》用水管或洒水车浇灌，检查土壤湿度。',
          '绿化主管：根据天气和土壤墒情调整浇灌安排，抽测浇透深度。',
        ],
        steps: [
          '夏季（6–9月）浇水在10:00前或16:00后进行，其中园路旁绿地避开18:00–20:00散步时段；冬季在11:00–15:00气温较高时浇水。',
          '无有效降雨时，草坪夏季每1–3天浇一次、春秋季每3–5天一次、冬季每7–15天一次，土壤封冻前浇足冻水。',
          '每次浇水以浇透为准：草坪湿润深度不少于10厘米，灌木不少于30厘米，乔木树穴灌满两遍。',
          '水管出水口装散水喷头，不直接冲刷根部和土壤；靠近园路一侧由外向内浇，防止水流漫溢到铺装上。',
          '使用中水或再生水浇灌的，取水阀和水管上悬挂“非饮用水 请勿饮用”标识，水质符合城市杂用水要求。',
          '浇灌完成后收起水管盘放，不横跨园路和车道留置。',
        ],
        requirements: ['夏季正午10:00–16:00不进行人工浇灌。', '巡检时无因缺水萎蔫的植物。'],
        records: ['《季节浇灌计划表》', '《人工浇灌作业记录》'],
        references: ['GB/T 18920-2020 城市污水再生利用 城市杂用水水质', 'CJJ/T 287-2018 园林绿化养护标准'],
      },
      items: [
        { key: 'summerTimingOk', place: 'office', title: '夏季浇灌时段合规', description: '6–9月人工浇灌作业均在10:00前或16:00后进行，园路旁绿地未在18:00–20:00浇水。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [105, 114], rectifyWithinHours: 48 },
        { key: 'lawnWetDepth', title: '草坪浇透深度', description: '浇水后1小时用土壤取样器在草坪取土，测得的湿润土层深度。', input: { kind: 'measure', unit: 'cm', min: 10 }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '测量', evidence: 'photo-on-fail', touchpoints: [105], rectifyWithinHours: 72 },
        { key: 'wiltingSpots', title: '缺水萎蔫点位数', description: '巡检路线上因缺水出现叶片萎蔫、卷曲或草坪灰绿发暗的点位数。', input: { kind: 'count', unit: '处', max: 0 }, tiers: ['daily'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [105, 114, 116], rectifyWithinHours: 24 },
        { key: 'noRunoffOnPaving', title: '浇水不漫溢至铺装', description: '浇水时和浇水后园路、健身步道和车道上无漫溢积水和泥水痕迹，水管未横跨通道留置。', input: { kind: 'pass' }, tiers: ['daily'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [114], rectifyWithinHours: 48 },
        { key: 'reclaimedWaterLabeled', title: '中水取水点非饮用水标识', description: '使用中水或再生水的取水阀、水管上悬挂“非饮用水 请勿饮用”标识，标识清晰完整。', input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '目视', evidence: 'photo-on-fail', touchpoints: [116, 105], rectifyWithinHours: 12 },
      ],
    },
    {
      code: 'M04.P04.W016',
      place: 'garden',
      title: '自动喷灌系统运行与维护作业指导书',
      description: '规定自动喷灌控制器的季节运行程序、运行时段、喷洒范围校准以及喷头、管网和阀门箱的巡检维修。',
      clauses: ['7.1.3', '8.5.1', '9.1.2'],
      body: w016Body,
      items: [
        { key: 'runWindowOk', title: '喷灌运行时段设定', description: '控制器程序设定的运行时段在5:00–7:00或21:00–23:00内，查看控制器屏幕与《喷灌系统运行程序表》一致。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [115], rectifyWithinHours: 24 },
        { key: 'sprayOffPathsAndCars', title: '喷洒范围不覆盖通道和车位', description: '逐区试运行时喷洒范围不覆盖园路、停车位、单元入口和外墙窗户，铺装面无明显喷淋水迹。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [115, 111], rectifyWithinHours: 24 },
        nozzleWorkingRate,
        leakPoints,
        endPressure,
        valveBoxCondition,
        rainShutoff,
        winterDrain,
      ],
      revision: {
        author: '陈晓东（品质部园林督导）',
        note: '2026年三季度客户反馈中喷灌淋湿行人及车辆投诉17条，集中在6:30–8:00上班时段和地库出入口；将自动运行时段由6:00–8:00调整为5:00–7:00及21:00–23:00，并新增喷洒范围不覆盖通道和车位的检查项。',
        before: {
          body: {
            ...w016Body,
            steps: [
              '控制器运行时段设定为6:00–8:00，每个轮灌区单次运行15–30分钟。',
              '每季度逐区试运行，调整堵塞和歪斜的喷头。',
              '春秋季每3天运行一次、夏季每天运行一次、冬季停运或每周一次，雨天由感雨器自动停喷，无感雨器的当日手动暂停。',
              '每季度在最远轮灌区末端喷头测压，压力低于0.2MPa时检查过滤器和管网漏损。',
              '发现喷头损坏、阀门箱盖缺失时当日更换或加设临时围护，漏水点24小时内修复。',
              '有冰冻的地区在封冻前泄水排空管网，关闭总阀并包裹外露阀门。',
            ],
            requirements: ['喷头完好率不低于98%。'],
          },
          items: [
            { key: 'runWindowOk', title: '喷灌运行时段设定', description: '控制器程序设定的运行时段在6:00–8:00内，查看控制器屏幕与《喷灌系统运行程序表》一致。', input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [115], rectifyWithinHours: 48 },
            nozzleWorkingRate,
            leakPoints,
            endPressure,
            valveBoxCondition,
            rainShutoff,
            winterDrain,
          ],
        },
      },
    },
    {
      code: 'M04.P04.W017',
      place: 'garden',
      title: '绿地施肥作业指导书',
      description: '规定草坪、乔灌木和花卉的施肥时期、肥料种类与用量、施肥方法以及防止异味和肥料残留的措施。',
      clauses: ['8.5.1', '7.1.4', '9.1.2'],
      body: {
        purpose: '按植物生长节律补充养分，使草坪浓绿、花灌木花繁叶茂，同时杜绝有机肥暴露发臭和化肥颗粒残留在园路上引起投诉。',
        scope: '适用于草坪、乔灌木、绿篱和花坛花卉的土壤施肥和叶面追肥；屋顶花园使用轻质营养土的，施肥量按本指导书的下限执行。',
        responsibilities: [
          '绿化主管：编制年度施肥计划，确定肥料品种和用量，验收进场肥料。',
          '绿化工：称量肥料并按片区施用，施肥后浇水和清扫。',
          '客服管家：在施用有机肥前一天在公示栏发布告知。',
        ],
        steps: [
          '草坪每年施肥不少于3次（3月返青、6月前追肥、9月秋施），复合肥每次20–30克/平方米均匀撒施，高温期改为叶面喷施0.2%尿素。',
          '乔木在休眠期沿树冠投影外缘开环形沟或穴，沟深20–30厘米，施入腐熟有机肥后覆土踩实。',
          '花灌木在花前、花后各追施一次复合肥，绿篱在春季修剪后追肥。',
          '有机肥必须充分腐熟，施用后当日覆土，不在宅间绿地表面撒施未覆土的有机肥。',
          '撒施化肥避开露水和雨前，施后立即浇水，并用扫帚将落在园路和道牙上的肥料颗粒扫回绿地。',
          '每次施肥在《绿地施肥记录》中登记肥料名称、用量、片区和施肥人。',
        ],
        requirements: ['施肥后7天内无肥料异味类投诉。', '铺装面无残留肥料颗粒和烧苗黄斑。'],
        records: ['《绿地施肥记录》', '《肥料进场验收记录》'],
        references: ['NY/T 525-2021 有机肥料', 'GB/T 15063-2020 复合肥料', 'CJJ/T 287-2018 园林绿化养护标准'],
      },
      items: [
        { key: 'lawnFeedsPerYear', place: 'office', title: '草坪年度施肥次数', description: '近12个月内主草坪完成土壤施肥的次数，叶面喷施不计入。', input: { kind: 'count', unit: '次/年', min: 3 }, tiers: ['quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [104], rectifyWithinHours: 72 },
        { key: 'compoundFertilizerRate', place: 'office', title: '草坪复合肥单次用量', description: '按《绿地施肥记录》中本次用肥总量除以施肥面积算得的每平方米复合肥用量。', input: { kind: 'measure', unit: 'g/㎡', min: 20, max: 30 }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [104, 105], rectifyWithinHours: 72 },
        { key: 'organicManureCovered', title: '有机肥施用后覆土', description: '沟施或穴施的有机肥已当日覆土踩实，绿地表面无裸露肥料和蝇虫聚集。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [105], rectifyWithinHours: 24 },
        { key: 'noGranulesOnPaving', title: '铺装面无肥料颗粒', description: '施肥片区相邻的园路、道牙和井盖上无肥料颗粒残留，草坪无烧苗黄斑。', input: { kind: 'pass' }, tiers: ['daily'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [104, 105], rectifyWithinHours: 48 },
        { key: 'odorComplaints', place: 'office', title: '施肥后异味投诉件数', description: '施肥后7天内客服系统登记的与施肥有关的异味投诉件数。', input: { kind: 'count', unit: '件', max: 0 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [105, 113], rectifyWithinHours: 24 },
        { key: 'lawnColorRating', title: '草坪叶色评级', description: '浓绿＝叶色均匀深绿；正常＝绿色均匀；淡绿＝整体偏浅或斑驳；发黄＝成片黄化。', input: { kind: 'rating', options: ['浓绿', '正常', '淡绿', '发黄'], pass: ['浓绿', '正常'] }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [104], rectifyWithinHours: 48 },
      ],
    },
    {
      code: 'M04.P04.W018',
      place: 'garden',
      title: '绿地高温干旱及冬季防寒养护作业指导书',
      description: '规定持续高温干旱期间的遮阴补水措施和入冬前的树干涂白、裹干、风障及冻水等防寒措施。',
      clauses: ['6.1', '8.5.4', '8.5.1'],
      body: {
        purpose: '减少极端高温和寒潮对新植苗木、花卉及不耐寒树种造成的灼伤、冻害和死亡，降低次年补植量。',
        scope: '适用于项目全部室外植物；其中遮阴措施主要针对当年新植苗木和季节性花卉，裹干和风障主要针对当年新植乔木和桂花、香樟、棕榈类等不耐寒树种。',
        responsibilities: [
          '绿化主管：关注气象预警，启动高温或防寒措施并检查落实。',
          '绿化工：搭设遮阳网，涂白、裹干、设风障，雪后清除树冠积雪。',
        ],
        steps: [
          '日最高气温连续3日达到35℃以上时，对新植苗木和花坛搭设遮光率50%–70%的遮阳网，早晚各补水一次，叶面喷雾降温。',
          '11月下旬前对乔木树干涂白，涂白剂为生石灰、硫磺、食盐和水按10:1:1:40配制，涂白高度距地面1.0–1.2米，全区高度一致。',
          '当年新植乔木和不耐寒树种用草绳或无纺布裹干至分枝点，迎风面设风障，花灌木根部培土15–20厘米。',
          '土壤封冻前浇足冻水，乔木每株浇水量不少于树穴容积的两倍。',
          '降雪超过5厘米时，12小时内清除常绿乔灌木和绿篱上的积雪，防止压断枝条；从树冠摇落和道路清扫出的积雪堆放在项目指定的堆雪点，不得堆在草坪、灌木丛和绿篱上，防止含融雪剂的积雪伤害植物。',
          '次年3月气温稳定回升后拆除裹干材料和风障，检查冻害情况并记入《越冬养护记录》。',
        ],
        requirements: ['涂白高度1.0–1.2米、同一道路两侧高度一致。', '当年新植苗木越冬冻害死亡率不超过3%。', '积雪只堆放在指定堆雪点，草坪、灌木丛和绿篱上无堆雪。'],
        records: ['《高温干旱养护记录》', '《越冬养护记录》'],
        references: ['CJJ/T 287-2018 园林绿化养护标准', '当地气象部门灾害性天气预警信息'],
      },
      items: [
        { key: 'shadeNetRate', place: 'office', title: '遮阳网遮光率', description: '高温期间新植苗木和花坛所用遮阳网的标称遮光率。', input: { kind: 'measure', unit: '%', min: 50, max: 70 }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [127, 117], rectifyWithinHours: 48 },
        { key: 'heatMeasuresStarted', place: 'office', title: '高温养护措施按时启动', description: '日最高气温连续3日≥35℃后，新植苗木已搭遮阳网并按早晚两次补水，有记录可查。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [127], rectifyWithinHours: 24 },
        { key: 'whitewashHeight', title: '树干涂白高度', description: '抽测主干道行道树树干涂白上沿距地面的高度。', input: { kind: 'measure', unit: 'cm', min: 100, max: 120 }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '测量', evidence: 'photo-on-fail', touchpoints: [107], rectifyWithinHours: 72 },
        { key: 'trunkWrapped', title: '不耐寒树种裹干及风障', description: '当年新植乔木和不耐寒树种在11月底前完成裹干至分枝点，迎风面风障稳固。', input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [107, 127], rectifyWithinHours: 48 },
        { key: 'noSnowOnPlantBeds', title: '积雪未堆放在草坪和灌木上', description: '雪后巡查主干道两侧、单元入口和宅间绿地，清扫出的积雪堆放在指定堆雪点，草坪、灌木丛和绿篱上没有堆雪。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [105, 108], rectifyWithinHours: 12, hint: '融雪剂多为氯化钠、氯化钙，随雪水渗入根部会造成草坪和灌木盐害枯黄，堆在绿地上的雪须移至堆雪点。' },
        { key: 'frostDamageRating', title: '越冬冻害程度评级', description: '开春检查：无冻害＝枝叶正常萌发；轻微＝个别梢端枯死；中度＝多株枝条枯死需重剪；严重＝整株死亡或树皮冻裂。', input: { kind: 'rating', options: ['无冻害', '轻微', '中度', '严重'], pass: ['无冻害', '轻微'] }, tiers: ['quarterly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [107, 127], rectifyWithinHours: 48 },
      ],
    },
  ],
};

export default procedure;
