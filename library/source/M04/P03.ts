import type { BodySource, ItemSource, ProcedureSource } from '../types.ts';

// M04.P03.W011 — items kept from 2026-Q3, shared by the current list and the Q3 list.
const sprayWarningSigns: ItemSource = { key: 'warningSignsPosted', title: '施药区警示牌设置', description: '施药区四周每隔20米设“正在施药 请勿靠近”警示牌并拉警戒带，警示牌注明药剂名称、施药时间和可进入时间。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 5, method: '目视', evidence: 'photo-on-fail', touchpoints: [112], rectifyWithinHours: 2 };
const sprayLowToxicity: ItemSource = { key: 'lowToxicityOnly', place: 'office', title: '仅使用低毒微毒农药', description: '当次使用的药剂均为低毒或微毒登记产品，无剧毒、高毒农药及国家禁限用农药。', input: { kind: 'pass' }, tiers: ['daily', 'quarterly'], severity: 'critical', weight: 5, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [112], rectifyWithinHours: 4 };
const sprayPpe: ItemSource = { key: 'applicatorPpe', title: '施药人员防护装备', description: '施药人员穿戴防护服、防护口罩或半面罩、护目镜、丁腈手套和胶靴，作业中不进食、不吸烟。', input: { kind: 'pass' }, tiers: ['daily'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [112], rectifyWithinHours: 24 };
const sprayWind: ItemSource = { key: 'windForce', title: '施药时风力等级', description: '施药时段现场风力等级，须在3级以下（不含3级），以现场风速计或当地气象实况为准。', input: { kind: 'measure', unit: '级', exclusiveMax: 3 }, tiers: ['daily'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [112], rectifyWithinHours: 24, hint: '3级风为3.4–5.4米/秒，现场风速达到3.4米/秒即为3级，应立即停止喷雾。' };
const sprayRecord: ItemSource = { key: 'mixingRecord', place: 'office', title: '农药配制及使用记录完整', description: '《农药配制及使用记录》登记了药剂名称、稀释倍数、用药量、施药片区、起止时间和施药人签字。', input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [112, 113], rectifyWithinHours: 48 };

const w011Body: BodySource = {
  purpose: '在控制病虫害的同时保证业主、儿童和宠物不接触药液和刚施药的植物，做到施药前充分告知、施药中有效隔离、施药后按安全间隔期解除。',
  scope: '适用于项目绿地内使用背负式喷雾器、电动喷雾器和担架式喷雾机进行的农药喷雾作业；树干注射、根部埋药和诱捕器等不产生飘移的作业只执行告知和记录要求。',
  definitions: ['居民活动高峰时段：7:00–9:00、15:30–17:30、18:00–20:00，分别对应上班上学、放学和晚间散步时段。'],
  responsibilities: [
    '持证施药员：按本指导书配药和喷施，佩戴防护装备，作业后清洗药械。',
    '绿化主管：开具用药单，审核药剂和稀释倍数，安排施药时间并发布告知。',
    '客服管家：在业主群和单元门厅公示栏同步发布施药告知，受理业主咨询。',
  ],
  steps: [
    '施药前24小时在施药片区所在单元门厅公示栏和业主微信群发布告知，写明施药时间、地点、药剂名称、安全间隔期和宠物注意事项。',
    '施药时间安排在9:00–15:30或20:00以后的非活动高峰时段，雨前4小时内、风力达到3级及以上或气温高于32℃时不喷雾，只在3级以下（不含3级）风力时作业。',
    '在施药区四周每隔20米设警示牌并拉警戒带，儿童游乐场、健身器材和休憩座椅10米范围内的植物不喷雾，改用其他防治方式。',
    '配药在绿化工具间的配药台进行，先加半桶水再加药剂，按标签最低有效剂量稀释，量具专用。',
    '喷雾时顺风后退作业，喷头距植物30–50厘米，以叶面湿润不滴水为度，不对着园路、外窗和车辆喷雾。',
    '安全间隔期满（不少于48小时，标签要求更长的从其规定）后由绿化主管现场确认方可撤除警示牌，撤除时间记入《农药配制及使用记录》。',
  ],
  requirements: ['施药告知提前时间不少于24小时。', '施药区警示牌保留至安全间隔期满，期间无业主误入。'],
  records: ['《农药配制及使用记录》', '《施药告知发布记录》', '《绿化用药单》'],
  references: ['《农药管理条例》', 'NY/T 1276-2007 农药安全使用规范 总则', 'GB 12475-2006 农药贮运、销售和使用的防毒规程'],
};

const procedure: ProcedureSource = {
  code: 'M04.P03',
  title: '病虫害防治服务规程',
  description: '规定绿地病虫害巡查预测、农药喷洒安全、农药仓储、儿童活动区绿色防控及外包防治单位监管的要求。',
  clauses: ['6.1', '8.4', '8.5.1', '8.5.4', '9.1.1'],
  body: {
    purpose: '坚持“预防为主、综合防治”，以巡查预测指导精准用药，优先采用物理和生物防治，确保农药使用不危害业主健康和周边环境。',
    scope: '适用于项目绿地、屋顶花园和室外盆栽植物的病虫害防治，包括自行防治和委托专业防治单位实施的作业；室内租摆绿植的病虫害由租摆供应商负责，按租摆作业指导书监督。',
    responsibilities: [
      '绿化主管：制定年度病虫害防治计划，审批用药，对施药安全负直接管理责任。',
      '持证施药员：经农药安全使用培训合格后从事配药和喷施。',
      '项目经理：审批外包防治合同，确保农药库房符合安全条件。',
      '项目品控员：检查施药告知、警示和记录，巡检时记录病虫害发生情况。',
    ],
    steps: [
      '每年2月根据上年发生情况编制《病虫害防治年度计划》，列明各月重点防治对象和防治方法。',
      '生长季每周巡查两次病虫害，达到防治指标时才用药，避免按日历定期普喷。',
      '优先使用黄板、诱虫灯、性诱剂、人工摘除和生物农药，化学农药只选低毒、微毒登记产品。',
      '每次施药执行告知、警示、记录和安全间隔期管理，施药后3–5天检查防治效果。',
      '农药由绿化主管统一采购、专库存放、按单领用，空包装按有害垃圾交有资质单位处理。',
    ],
    requirements: ['全年无农药中毒和业主误触施药区事件。', '主要观赏植物受害株率不超过5%。'],
    records: ['《病虫害防治年度计划》', '《病虫害巡查记录》', '《农药出入库台账》'],
    references: ['《农药管理条例》', 'NY/T 1276-2007 农药安全使用规范 总则', 'GB/T 8321 农药合理使用准则（系列标准）'],
  },
  instructions: [
    {
      code: 'M04.P03.W010',
      place: 'garden',
      title: '绿地病虫害巡查与预测作业指导书',
      description: '规定病虫害巡查的频次、路线、识别重点和防治指标判定方法，为精准用药提供依据。',
      clauses: ['9.1.1', '8.5.1', '6.1'],
      body: {
        purpose: '在病虫害发生初期发现虫口和病斑，按防治指标决定是否用药和用药范围，减少不必要的普遍喷药。',
        scope: '适用于项目全部室外绿地植物；古树名木发现病虫害时在巡查后24小时内报园林主管部门。',
        definitions: ['受害株率：抽查植株中出现虫害、病斑或被害状的株数占抽查总株数的百分比。'],
        responsibilities: [
          '病虫害巡查员：按巡查路线检查叶片正反面、嫩梢和枝干，填写《病虫害巡查记录》。',
          '绿化主管：根据巡查结果判定是否达到防治指标，下达防治措施。',
        ],
        steps: [
          '4–10月每周巡查两次、11月至次年3月每周一次，每次覆盖全部片区，重点查看易发树种。',
          '巡查重点：蚜虫、红蜘蛛、介壳虫、刺蛾、美国白蛾、天牛等虫害，白粉病、锈病、煤污病、炭疽病等病害。',
          '每片区随机抽查不少于20株，翻看树冠外围中上部叶片，统计受害株率。',
          '受害株率超过5%或发现美国白蛾网幕、天牛新鲜排粪孔的，当日报绿化主管，48小时内采取防治措施。',
          '每月末汇总发生种类和趋势，更新项目《重点病虫害清单》并张贴在绿化工具间。',
        ],
        requirements: ['巡查记录与巡查路线全覆盖，无漏查片区。', '检疫性有害生物发现后24小时内上报。'],
        records: ['《病虫害巡查记录》', '《重点病虫害清单》'],
        references: ['CJJ/T 287-2018 园林绿化养护标准', '《植物检疫条例》'],
      },
      items: [
        { key: 'patrolsPerWeek', place: 'office', title: '生长季每周巡查次数', description: '4–10月内本周完成全片区病虫害巡查的次数。', input: { kind: 'count', unit: '次/周', min: 2 }, tiers: ['monthly', 'quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [105, 107], rectifyWithinHours: 72 },
        { key: 'infestedPlantRate', title: '抽查植株受害株率', description: '在巡检片区抽查20株乔灌木，出现虫害、病斑或被害状的株数占比。', input: { kind: 'measure', unit: '%', max: 5 }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [105, 107, 108], rectifyWithinHours: 48 },
        { key: 'foliageDamageRating', title: '叶片受害程度评级', description: '无危害＝未见被害状；轻度＝个别叶片有虫孔或病斑；中度＝多株叶片明显缺损或卷曲；重度＝成片落叶、枯梢或满布虫体。', input: { kind: 'rating', options: ['无危害', '轻度', '中度', '重度'], pass: ['无危害', '轻度'] }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [107, 108], rectifyWithinHours: 48 },
        { key: 'patrolRecordComplete', place: 'office', title: '巡查记录覆盖全部片区', description: '《病虫害巡查记录》逐片区登记了巡查时间、抽查株数、发现种类和处理意见，无漏查片区。', input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [105], rectifyWithinHours: 72 },
        { key: 'keyPestListUpdated', place: 'office', title: '重点病虫害清单按月更新', description: '绿化工具间张贴的《重点病虫害清单》为当月版本，列有防治对象、易发树种和推荐防治方法。', input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-on-fail', touchpoints: [105], rectifyWithinHours: 72 },
        { key: 'findingsNote', title: '当次巡查发现情况', description: '填写本次巡查发现的病虫害种类、发生部位和大致数量，未发现的写“未发现病虫害”。', input: { kind: 'text', minLength: 6, maxLength: 200 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'none', touchpoints: [105, 107, 108], rectifyWithinHours: 72 },
        { key: 'pestPhotos', title: '病虫害发生部位照片', description: '对发现的病虫害拍摄近景照片，能辨认虫体或病斑特征。', input: { kind: 'photos', min: 1 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-required', touchpoints: [107, 108], rectifyWithinHours: 72 },
      ],
    },
    {
      code: 'M04.P03.W011',
      place: 'garden',
      title: '绿化农药喷洒安全作业指导书',
      description: '规定农药喷雾作业前的业主告知、作业时段和气象条件、警示隔离、人员防护及安全间隔期管理。',
      clauses: ['8.5.4', '8.2.1', '7.2', '8.5.1'],
      body: w011Body,
      items: [
        { key: 'advanceNoticeHours', place: 'office', title: '施药告知提前时间', description: '施药告知在单元门厅公示栏和业主群发布时间距施药开始时间的小时数。', input: { kind: 'measure', unit: '小时', min: 24 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [113], rectifyWithinHours: 24 },
        sprayWarningSigns,
        { key: 'offPeakSpraying', place: 'office', title: '避开居民活动高峰施药', description: '施药时间在9:00–15:30或20:00以后，未在7:00–9:00、15:30–17:30放学时段和18:00–20:00内喷雾，雨前4小时内未喷雾。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [112, 106], rectifyWithinHours: 12 },
        sprayLowToxicity,
        sprayPpe,
        sprayWind,
        sprayRecord,
        { key: 'registrationNo', place: 'office', title: '所用药剂农药登记证号', description: '填写当次所用药剂包装上的农药登记证号，例如PD20080001，多种药剂只填主剂。', input: { kind: 'text', pattern: '^(PD|WP)[0-9]{8}$' }, tiers: ['daily', 'quarterly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [112], rectifyWithinHours: 48, hint: '登记证号印在标签正面，以PD开头为农药、WP开头为卫生杀虫剂。' },
      ],
      platinum: {
        note: '商业综合体外广场和屋顶花园白天客流不断，白金标准要求喷雾作业只在闭店后22:00至次日7:00进行、风力须在2级以下（不含2级）以免药雾飘入店铺和人行道，告知提前到48小时并同步通知商户。',
        tighten: {
          advanceNoticeHours: { min: 48 },
          windForce: { exclusiveMax: 2, description: '施药时段现场风力等级，白金标准须在2级以下（不含2级，即风速低于1.6米/秒），以现场风速计实测为准。' },
        },
        add: [
          { key: 'afterHoursSprayingOnly', place: 'office', title: '闭店后施药', description: '商业项目室外喷雾作业在22:00至次日7:00之间完成，施药区域在开业前已通风且无药液残留痕迹。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [112], rectifyWithinHours: 12 },
          { key: 'tenantNotified', place: 'office', title: '施药告知已送达商户', description: '施药告知在48小时前通过商户群和书面通知送达相邻店铺，商户签收或已读记录可查。', input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [113], rectifyWithinHours: 48 },
        ],
      },
      revision: {
        author: '王莉（品质部标准主管）',
        note: '2026年三季度客户反馈中施药相关投诉11条，其中7条反映放学时段儿童进入刚喷药绿地、告知发布过晚；将施药告知由提前12小时改为24小时，禁喷时段增加15:30–17:30放学时段，并新增农药登记证号记录项以便追溯药剂。',
        before: {
          body: {
            ...w011Body,
            definitions: ['居民活动高峰时段：7:00–9:00和18:00–20:00两个时段，对应早间出行和晚间散步。'],
            steps: [
              '施药前12小时在施药片区所在单元门厅公示栏发布告知，写明施药时间、地点、药剂名称和安全间隔期。',
              '施药时间避开7:00–9:00和18:00–20:00，雨前4小时内、风力达到3级及以上或气温高于32℃时不喷雾，只在3级以下（不含3级）风力时作业。',
              '在施药区四周每隔20米设警示牌并拉警戒带，儿童游乐场10米范围内的植物不喷雾。',
              '配药在绿化工具间的配药台进行，先加半桶水再加药剂，按标签剂量稀释，量具专用。',
              '喷雾时顺风后退作业，喷头距植物30–50厘米，以叶面湿润不滴水为度，不对着园路和车辆喷雾。',
              '安全间隔期满（不少于48小时）后撤除警示牌，撤除时间记入《农药配制及使用记录》。',
            ],
            requirements: ['施药告知提前时间不少于12小时。', '施药区警示牌保留至安全间隔期满。'],
          },
          items: [
            { key: 'advanceNoticeHours', place: 'office', title: '施药告知提前时间', description: '施药告知在单元门厅公示栏发布时间距施药开始时间的小时数。', input: { kind: 'measure', unit: '小时', min: 12 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [113], rectifyWithinHours: 24 },
            sprayWarningSigns,
            { key: 'offPeakSpraying', place: 'office', title: '避开居民活动高峰施药', description: '施药时间未在7:00–9:00和18:00–20:00内，雨前4小时内未喷雾。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [112], rectifyWithinHours: 24 },
            sprayLowToxicity,
            sprayPpe,
            sprayWind,
            sprayRecord,
          ],
        },
      },
    },
    {
      code: 'M04.P03.W012',
      place: 'office',
      title: '农药及施药器械仓储管理作业指导书',
      description: '规定农药专库的设置、出入库登记、过期农药和空包装处置以及喷雾器械的清洗存放。',
      clauses: ['8.5.4', '7.1.3', '7.5'],
      body: {
        purpose: '防止农药被盗、误用、混放和泄漏，做到账物相符、过期药剂和空包装合规处置。',
        scope: '适用于项目存放的杀虫剂、杀菌剂、除草剂、植物生长调节剂及各类施药器械；外包防治单位自带入场的农药须当日带离，不在项目过夜存放。',
        responsibilities: [
          '农药保管员：管理专库钥匙之一，办理出入库并登记台账。',
          '绿化主管：管理专库另一把钥匙，每月盘点一次。',
          '项目品控员：每月核对台账与实物，检查库房安全条件。',
        ],
        steps: [
          '农药存放在单独上锁的专库或专用铁柜，实行双人双锁，不与食品、饮用水、肥料和燃油同室存放。',
          '库内张贴所存药剂的安全技术说明书和中毒急救措施，配清水桶、肥皂、急救箱和吸附沙。',
          '农药按杀虫剂、杀菌剂、除草剂分区放置，除草剂单独一层并贴红色标识，防止误用。',
          '出入库逐笔登记品名、登记证号、数量、领用人和用途，剩余药液不得倒入雨水井，退库登记。',
          '过期农药和空包装瓶袋不得重复使用或混入生活垃圾，按有害垃圾暂存并交有资质单位回收。',
          '喷雾器使用后用清水冲洗三遍，洗液喷回施药区，器械晾干后存放并检查密封件。',
        ],
        requirements: ['台账结存与实物数量一致。', '库内无过期农药和未处置空包装。'],
        records: ['《农药出入库台账》', '《农药库月度盘点表》', '《有害垃圾暂存及移交登记表》'],
        references: ['GB 12475-2006 农药贮运、销售和使用的防毒规程', '《农药管理条例》'],
      },
      items: [
        { key: 'dualLockStore', title: '农药专库双人双锁', description: '农药存放在上锁专库或专用铁柜，两把锁分别由农药保管员和绿化主管保管，库内无食品、饮用水和燃油。', input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 5, method: '目视', evidence: 'photo-on-fail', touchpoints: [112], rectifyWithinHours: 8 },
        { key: 'ledgerMatchesStock', title: '农药台账与实物相符', description: '随机抽取3种农药，《农药出入库台账》结存数量与库内实物一致。', input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '抽查', evidence: 'document', touchpoints: [112], rectifyWithinHours: 48 },
        { key: 'expiredPesticides', title: '库内过期农药数量', description: '库内超过标签有效期仍未处置的农药包装件数。', input: { kind: 'count', unit: '件', max: 0 }, tiers: ['monthly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [112], rectifyWithinHours: 48 },
        { key: 'emptyContainersHandled', title: '空包装按有害垃圾处置', description: '农药空瓶空袋集中暂存于有害垃圾箱并有移交记录，绿地和生活垃圾桶内未发现农药包装。', input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [112], rectifyWithinHours: 48 },
        { key: 'sprayerCondition', title: '喷雾器械密封状态', description: '完好＝加压后开关、接头、药箱无渗漏；轻微渗漏＝接头处有渗水可当场更换垫圈；严重渗漏＝药箱破裂或开关失效。', input: { kind: 'rating', options: ['完好', '轻微渗漏', '严重渗漏'], pass: ['完好'] }, tiers: ['monthly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [112], rectifyWithinHours: 48 },
        { key: 'firstAidReady', title: '库内急救用品及说明书', description: '库内张贴所存药剂的安全技术说明书和中毒急救措施，清水、肥皂、急救箱和吸附沙齐全。', input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [112], rectifyWithinHours: 48 },
      ],
    },
    {
      code: 'M04.P03.W013',
      place: 'garden',
      title: '儿童游乐区周边绿地病虫害绿色防控作业指导书',
      description: '规定儿童游乐场、健身区周边绿地以物理和生物手段为主的病虫害防控方法及有毒毛虫的应急清除。',
      clauses: ['8.5.4', '8.5.1', '9.1.2'],
      body: {
        purpose: '在儿童高频接触的绿地中不使用化学喷雾，用色板、诱虫灯、天敌和生物农药控制虫害，并及时清除刺蛾等可致皮炎的有毒毛虫。',
        scope: '适用于儿童游乐场围栏外10米范围和幼儿园、亲子活动草坪周边的乔灌木和地被；该范围外的绿地按常规施药作业指导书执行。',
        responsibilities: [
          '绿化主管：制定游乐区周边绿色防控方案，采购色板、诱虫灯和生物农药。',
          '绿化工：悬挂和更换色板，释放天敌，人工摘除虫叶和虫茧。',
          '项目品控员：每日巡检游乐区周边，发现有毒毛虫立即通知绿化主管。',
        ],
        steps: [
          '游乐场围栏外10米内禁止化学农药喷雾，确需防治时只使用苏云金杆菌、白僵菌等生物农药，并在无儿童时段施用。',
          '4–10月按每亩20–30张悬挂黄色粘虫板，高度高出植株顶部15–20厘米，粘满或每20天更换一次。',
          '在游乐区外围20米处设置太阳能诱虫灯，每周清理一次接虫袋。',
          '介壳虫、蚜虫发生初期释放瓢虫、捕食螨等天敌，或用清水高压冲洗、人工刷除。',
          '6–9月每日检查游乐区周边乔灌木，发现刺蛾、桑毛虫幼虫或虫茧时，4小时内戴手套连叶剪除装袋销毁。',
        ],
        requirements: ['游乐场围栏外10米内无化学农药喷雾记录。', '游乐区周边乔灌木上无有毒毛虫。'],
        records: ['《绿色防控作业记录》', '《病虫害巡查记录》'],
        references: ['NY/T 1276-2007 农药安全使用规范 总则', 'CJJ/T 287-2018 园林绿化养护标准'],
      },
      items: [
        { key: 'noChemicalNearPlayground', title: '游乐场10米内无化学喷雾', description: '查阅用药记录并现场查看，游乐场围栏外10米内未使用化学农药喷雾，叶面无药斑。', input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [106], rectifyWithinHours: 4 },
        { key: 'stickyTrapDensity', title: '黄色粘虫板悬挂密度', description: '游乐区周边绿地每亩悬挂的黄色粘虫板张数。', input: { kind: 'count', unit: '张/亩', min: 20 }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '抽查', evidence: 'photo-on-fail', touchpoints: [106], rectifyWithinHours: 72 },
        { key: 'trapAgeDays', title: '粘虫板更换间隔', description: '抽查粘虫板上标注的悬挂日期至检查日的天数，取最长者。', input: { kind: 'measure', unit: '天', max: 20 }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '抽查', evidence: 'photo-on-fail', touchpoints: [106], rectifyWithinHours: 72 },
        { key: 'noStingingCaterpillars', title: '周边乔灌木无有毒毛虫', description: '游乐区周边乔灌木叶片和枝干上未发现刺蛾、桑毛虫等有毒毛虫幼虫和虫茧。', input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 4, method: '目视', evidence: 'photo-on-fail', touchpoints: [106, 114], rectifyWithinHours: 4 },
        { key: 'bioControlRecorded', place: 'office', title: '生物防治措施有记录', description: '《绿色防控作业记录》登记了本月天敌释放、生物农药使用或人工防治的日期、部位和数量。', input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [106], rectifyWithinHours: 72 },
        { key: 'playAreaPlantHealth', title: '游乐区周边植物健康评级', description: '优＝枝叶完整无虫害；良＝个别叶片有虫孔；中＝多株可见虫体或煤污；差＝大量虫体或成片受害。', input: { kind: 'rating', options: ['优', '良', '中', '差'], pass: ['优', '良'] }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [106], rectifyWithinHours: 48 },
      ],
    },
    {
      code: 'M04.P03.W014',
      place: 'office',
      title: '外包病虫害防治单位作业监管作业指导书',
      description: '规定委托专业防治单位时的资质审核、月度计划审批、施药旁站和防治效果考核。',
      clauses: ['8.4', '8.4.2', '9.1.1', '10.2'],
      body: {
        purpose: '把外包防治单位的作业纳入项目施药安全管理，确保其资质、用药和告知符合公司要求，并以防治效果和考核得分决定付款与续约。',
        scope: '适用于项目委托的病虫害防治、白蚁预防和大面积统防统治作业；外包单位在项目之外的药剂采购与运输由其自行负责。',
        responsibilities: [
          '项目经理：审核外包单位资质并签订合同，审批月度考核结果。',
          '绿化主管：审批月度防治计划，安排人员旁站施药。',
          '项目品控员：每月按考核表打分，评价防治效果。',
        ],
        steps: [
          '签约前审核营业执照、施药人员农药安全使用培训证明和公众责任险保单，复印件存档。',
          '外包单位每月25日前提交下月防治计划，列明防治对象、药剂、登记证号和施药日期，经绿化主管审批后执行。',
          '每次施药由项目绿化工全程旁站，核对药剂与计划一致，监督告知、警示和防护执行情况。',
          '施药后5天内绿化主管与外包单位共同复查防治效果，填写《外包防治作业验收单》。',
          '每月由品控员按《外包养护单位月度考核表》打分，得分低于80分的当月扣款并书面整改，连续两个月低于80分的启动更换程序。',
        ],
        requirements: ['外包施药作业旁站率100%。', '外包单位月度考核得分不低于80分。'],
        records: ['《外包防治作业验收单》', '《外包养护单位月度考核表》', '外包单位资质文件复印件'],
        references: ['《农药管理条例》', 'GB/T 19001-2016 第8.4条 外部提供的过程、产品和服务的控制'],
      },
      items: [
        { key: 'contractorQualified', title: '外包单位资质文件齐全有效', description: '营业执照、施药人员培训证明和公众责任险保单在有效期内，复印件已存档。', input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [112], rectifyWithinHours: 48 },
        { key: 'monthlyPlanApproved', title: '月度防治计划经审批', description: '当月外包防治计划有绿化主管审批签字，实际施药药剂和日期与计划一致。', input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [112], rectifyWithinHours: 48 },
        { key: 'fullSupervision', title: '外包施药全程旁站', description: '本月每一次外包施药作业均有项目绿化工全程旁站，旁站人在《外包防治作业验收单》上签字。', input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [112, 105], rectifyWithinHours: 24 },
        { key: 'controlEffectRating', place: 'garden', title: '外包防治效果评级', description: '施药后复查：显著＝靶标病虫基本消失；一般＝数量明显下降；无效＝与施药前无明显差别。', input: { kind: 'rating', options: ['显著', '一般', '无效'], pass: ['显著', '一般'] }, tiers: ['monthly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [105], rectifyWithinHours: 48 },
        { key: 'contractorScore', title: '外包单位月度考核得分', description: '按《外包养护单位月度考核表》评定的当月得分。', input: { kind: 'measure', unit: '分', min: 80, max: 100 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [105], rectifyWithinHours: 48 },
        { key: 'acceptanceSheetNo', title: '防治作业验收单编号', description: '填写本次外包防治作业对应的《外包防治作业验收单》编号，格式为FZ加8位数字。', input: { kind: 'text', pattern: '^FZ[0-9]{8}$' }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'document', touchpoints: [112], rectifyWithinHours: 72 },
      ],
    },
  ],
};

export default procedure;
