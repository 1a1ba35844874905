import type { BodySource, ItemSource, ProcedureSource } from '../types.ts';

/* W007 地下车库安全巡逻：2026-Q4 修订，以下常量同时用于现行条款和2026-Q3原文。 */
const garageSteps: string[] = [
  '巡逻岗按项目《地下车库巡逻路线图》从主坡道入口开始，依次经过各防火分区、电梯前室、设备房门口、非机动车停放区和最远端车位，终点为出口坡道。',
  '22:00至次日6:00每60分钟巡逻一轮，白天每2小时一轮，每轮在入口坡道、电梯前室和最远端车位3个巡更点打卡并拍照。',
  '巡逻中手持照度计在《车库照明盲区点位表》所列的最暗点测量照度，最暗点照度不低于15 lx，低于15 lx即为照明盲区，与灯具不亮的点位一并当班按M06《地下车库照明巡查作业指导书》通过报修系统报工程部，并在巡逻记录中写明点位；车道50 lx、车位30 lx的照度达标实测由M06该指导书规定。',
  '发现车窗未关、车灯未熄、车辆漏油或轮胎亏气，通过车主登记电话或车内挪车电话通知车主，联系不上的在挡风玻璃放置温馨提示卡。',
  '每轮抽测1个紧急求助按钮或对讲分机，确认监控中心在15秒内应答；发现有人在车库内长时间逗留、睡觉或撬车的，上前询问并通报监控中心跟踪画面。',
  '巡逻结束后在《地下车库巡逻记录》填写本轮发现的异常、照明盲区及处理情况。',
];
const garageStepsQ3: string[] = [
  '巡逻岗按项目《地下车库巡逻路线图》从主坡道入口开始，依次经过各防火分区、电梯前室、设备房门口和最远端车位，终点为出口坡道。',
  '全天每2小时巡逻一轮，每轮在入口坡道、电梯前室和最远端车位3个巡更点打卡并拍照。',
  '发现车窗未关、车灯未熄、车辆漏油或轮胎亏气，通过车主登记电话或车内挪车电话通知车主，联系不上的在挡风玻璃放置温馨提示卡。',
  '每轮抽测1个紧急求助按钮或对讲分机，确认可接通监控中心；发现有人在车库内长时间逗留、睡觉或撬车的，上前询问并通报监控中心跟踪画面。',
  '巡逻结束后在《地下车库巡逻记录》填写本轮发现的异常及处理情况。',
];
const garageBody: BodySource = {
  purpose: '通过按时、按线的车库巡逻和照明盲区的即时报修，消除业主夜间独自取车时“灯暗、没人”的不安感，防范撬车盗窃和车辆损失。',
  scope: '适用于住宅小区和商业综合体的地下车库、半地下车库及其坡道、电梯前室和非机动车停放区；车库照明和求助设备的维修由工程部负责，车库清洁由环境保洁模块规定。',
  definitions: ['照明盲区：车库内实测地面照度低于15 lx或灯具损坏造成明显暗区、业主步行经过时看不清地面和车辆周边的区域（与M06地下车库照明巡查的判定一致）。'],
  responsibilities: [
    '车库巡逻岗：按路线和间隔巡逻打卡，测量最暗点照度，通知车主处理车辆异常，记录照明盲区。',
    '监控中心值班员：对照巡更系统核对巡逻到位情况，巡逻岗超时15分钟未打卡的对讲询问原因。',
    '工程部：接到照明报修后24小时内修复，修复后在报修系统中关闭工单。',
  ],
  steps: garageSteps,
  requirements: [
    '夜间（22:00–6:00）相邻两轮巡逻间隔不超过60分钟。',
    '车道和停车区最暗点地面照度不低于15 lx，低于即为照明盲区，照明盲区和灯具故障当班报修率100%。',
    '车库紧急求助按钮抽测时监控中心15秒内应答率100%。',
  ],
  records: ['《地下车库巡逻记录》', '《车库照明盲区点位表》', '《车辆异常通知登记表》'],
  references: ['GB/T 50034-2024 建筑照明设计标准', 'GB 50067-2014 汽车库、修车库、停车场设计防火规范', '本公司《秩序维护服务手册》'],
};
const garageBodyQ3: BodySource = {
  ...garageBody,
  definitions: undefined,
  responsibilities: [
    '车库巡逻岗：按路线和间隔巡逻打卡，通知车主处理车辆异常，发现照明故障报工程部。',
    '监控中心值班员：对照巡更系统核对巡逻到位情况，巡逻岗超时15分钟未打卡的对讲询问原因。',
  ],
  steps: garageStepsQ3,
  requirements: [
    '相邻两轮巡逻间隔不超过120分钟。',
    '车库紧急求助按钮抽测接通率100%。',
  ],
  records: ['《地下车库巡逻记录》', '《车辆异常通知登记表》'],
};
const garageVehicleNotice: ItemSource = {
  key: 'vehicleAnomalyNotified', place: 'office', title: '车辆异常已通知车主', description: '巡逻记录中车窗未关、车灯未熄、漏油等车辆异常均有通知车主的时间和方式，或放置了温馨提示卡。',
  input: { kind: 'pass' }, tiers: ['daily'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [50], rectifyWithinHours: 72,
};
const garageHelpButton: ItemSource = {
  key: 'helpButtonConnects', title: '车库紧急求助按钮可接通', description: '现场按下1个车库紧急求助按钮或对讲分机，监控中心在15秒内应答并能说出点位。',
  input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [50, 60], rectifyWithinHours: 24,
};
const garageLoiter: ItemSource = {
  key: 'noLoiteringInGarage', title: '车库内无闲杂人员逗留', description: '巡查路线上没有无关人员长时间逗留、睡卧，没有在车位或消防通道内私自搭建和堆放杂物。',
  input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [50], rectifyWithinHours: 48,
};
const garagePhotos: ItemSource = {
  key: 'garageCheckpointPhotos', place: 'office', title: '车库巡更点打卡照片', description: '最近一轮巡逻在入口坡道、电梯前室和最远端车位3个巡更点拍摄的带时间水印照片。',
  input: { kind: 'photos', min: 3 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'photo-required', touchpoints: [50], rectifyWithinHours: 48,
};

const procedure: ProcedureSource = {
  code: 'M02.P02',
  title: '秩序维护安全巡逻服务规程',
  description: '规定住宅楼栋、地下车库、周界、电动自行车充电区和室外公共区域的巡逻路线、巡更点设置、巡逻间隔及巡逻中发现问题的处理方式。',
  clauses: ['8.1', '8.5.1', '9.1.1', '10.2'],
  body: {
    purpose: '用固定巡更点加不定期变换顺序的巡逻，覆盖门岗和监控看不到的角落，让安防漏洞在巡逻中被发现并当班处理。',
    scope: '适用于各项目的楼栋巡逻、车库巡逻、周界巡逻、夜间园区巡逻和电动自行车充电区巡查；消防通道与消防器材的专项巡查按P04执行，巡逻中发现的设施故障报工程部维修。',
    definitions: ['巡逻间隔：同一巡更点相邻两次打卡之间的时间，以巡更系统导出数据为准。'],
    responsibilities: [
      '秩序维护主管：绘制并每季度复核巡逻路线图和巡更点，按季节和治安形势调整巡逻间隔。',
      '巡逻岗秩序维护员：按路线和间隔巡逻打卡，对发现的问题当场处理或报告，填写巡逻记录。',
      '监控中心值班员：实时核对巡更数据，对超时未打卡的巡逻岗对讲询问，并在画面上配合跟踪可疑情况。',
    ],
    steps: [
      '每个项目按楼栋、车库、周界和室外公共区域划分巡逻区，巡更点设在单元门、天台门、车库远端、周界薄弱点、充电棚等位置，住宅项目不少于每栋楼2个点。',
      '巡逻岗每班开始前领取巡更棒或登录巡更App，在班前会上接受当班重点（如前一班发生的可疑情况）。',
      '巡逻间隔按各作业指导书执行，夜间间隔短于白天；秩序维护主管每月调整一次巡逻顺序，避免形成可被掌握的规律。',
      '巡逻中发现的问题按“能当场处理的当场处理、不能处理的报告监控中心派单”的原则，重大隐患立即报秩序维护主管。',
      '监控中心每日8:00导出前一日巡更数据，漏打卡和超时记录交秩序维护主管核实。',
    ],
    requirements: ['巡更点打卡覆盖率每日不低于98%。', '巡逻中发现的隐患100%有处理记录或报修工单。'],
    records: ['《巡逻路线及巡更点布置图》', '《巡更数据日报》', '《巡逻异常情况记录》'],
    references: ['GB 50348-2018 安全防范工程技术标准', '本公司《秩序维护服务手册》'],
  },
  instructions: [
    {
      code: 'M02.P02.W006',
      place: 'building',
      title: '住宅楼栋巡更点电子打卡与巡逻间隔作业指导书',
      description: '规定住宅楼栋巡逻的巡更点打卡方法、昼夜巡逻间隔、单元门和天台门检查以及夜间园区照明与隐蔽角落的巡查要求。',
      clauses: ['8.5.1', '9.1.1', '7.5'],
      body: {
        purpose: '让每一栋楼的单元门、天台门和夜间园区的隐蔽角落在规定间隔内都有人走到、有卡可查，防止入室盗窃者利用常开单元门或天台进入楼栋。',
        scope: '适用于住宅小区楼栋巡逻岗和夜间园区巡逻岗；地下车库巡逻按W007执行，周界巡查按W008执行。',
        responsibilities: [
          '楼栋巡逻岗：按巡更路线逐点打卡，检查单元门闭合和天台门状态，记录夜间照明不足的点位。',
          '秩序维护班长：每班随机跟巡一轮，核对打卡与实际到位情况。',
          '监控中心值班员：对照巡更系统提醒超时未打卡的巡逻岗。',
        ],
        steps: [
          '白天（6:00–22:00）每2小时完成一轮全线巡逻，夜间（22:00–6:00）每90分钟一轮，每轮在每栋楼首层单元门和顶层天台门各打卡一次。',
          '经过单元门时推拉门体确认电磁锁吸合，发现门被石块、纸板、绳子卡住或闭门器失效的，当场取下卡物，失效的报工程部。',
          '天台门检查推杠锁能从内侧一推即开、外侧不能随意进入，天台无私搭乱建、无晾晒堆物，发现异常拍照并报主管。',
          '夜间巡逻经过园路、架空层、绿地和垃圾房周边时，用强光手电照看隐蔽角落，路灯不亮或照明不足的点位当班报修。',
          '巡逻顺序每月由秩序维护主管调整一次，同一轮内顺序可正向或反向，防止被人掌握规律。',
          '巡逻结束后在《楼栋巡逻记录》写明本轮发现的异常和处理情况，无异常写“本轮正常”。',
        ],
        requirements: [
          '同一巡更点相邻两次打卡间隔：白天不超过120分钟，夜间不超过90分钟。',
          '单元门、天台门检查中发现的卡门、损坏当班处理或报修率100%。',
        ],
        records: ['《楼栋巡逻记录》', '《巡更数据日报》', '《巡逻路线调整记录》'],
        references: ['GB 50348-2018 安全防范工程技术标准', '本公司《秩序维护服务手册》'],
      },
      items: [
        {
          key: 'maxCheckpointGapMinutes', place: 'office', title: '巡更点最大打卡间隔', description: '从巡更系统导出前一日数据，同一楼栋巡更点相邻两次打卡的最大间隔分钟数（含夜间）。',
          input: { kind: 'measure', unit: '分钟', max: 120 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [49, 52], rectifyWithinHours: 48,
        },
        {
          key: 'checkpointCoveragePercent', place: 'office', title: '楼栋巡更点打卡覆盖率', description: '前一日实际打卡的巡更点次数占应打卡点次数的百分比。',
          input: { kind: 'measure', unit: '%', min: 98 }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [49], rectifyWithinHours: 48,
        },
        {
          key: 'unitDoorLatched', title: '单元门电磁锁吸合无卡门', description: '抽查3栋楼首层单元门，门体关闭后电磁锁吸合，没有被石块、纸板、绳子卡住常开。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [49], rectifyWithinHours: 24,
        },
        {
          key: 'roofDoorEscapeLock', place: 'roof', title: '天台门内开外锁状态正常', description: '抽查1栋楼天台门，推杠锁能从楼内一推即开，从天台侧不能随意进入，天台无私搭乱建和堆物。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [52], rectifyWithinHours: 24,
        },
        {
          key: 'darkSpotReported', place: 'office', title: '夜间照明不足点位已报修', description: '夜间巡逻记录中路灯不亮、架空层或园路照明不足的点位，均有当班报修的工单或记录。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [53], rectifyWithinHours: 48,
        },
        {
          key: 'routeOrderVaried', place: 'office', title: '巡逻顺序每月调整', description: '《巡逻路线调整记录》显示本月已调整巡逻顺序，巡更数据中各轮巡逻顺序不完全相同。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'document', touchpoints: [53, 49], rectifyWithinHours: 72,
        },
        {
          key: 'roundFindingsNote', place: 'office', title: '本轮巡逻发现情况', description: '最近一轮楼栋巡逻记录中填写的发现异常及处理结果，无异常的写明“本轮正常”。',
          input: { kind: 'text', minLength: 4 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'document', touchpoints: [49, 53], rectifyWithinHours: 72,
        },
      ],
      platinum: {
        note: '白金标准项目（商业综合体配套公寓及高端住宅）业主对夜间安全期望高，巡逻间隔统一缩短至60分钟，打卡覆盖率要求100%，并要求每轮上传天台门和单元门照片。',
        tighten: {
          maxCheckpointGapMinutes: { max: 60, rectifyWithinHours: 24 },
          checkpointCoveragePercent: { min: 100 },
        },
        add: [
          {
            key: 'roofAndUnitDoorPhotos', place: 'office', title: '天台门及单元门巡逻照片', description: '最近一轮巡逻中拍摄的天台门和首层单元门带时间水印的照片，每栋楼各1张。',
            input: { kind: 'photos', min: 2 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'photo-required', touchpoints: [49, 52], rectifyWithinHours: 48,
          },
        ],
      },
    },
    {
      code: 'M02.P02.W007',
      place: 'car-park',
      title: '地下车库安全巡逻作业指导书',
      description: '规定地下车库巡逻的路线、昼夜巡逻间隔、最暗点照度测量、照明盲区报修、车辆异常通知和紧急求助按钮抽测要求。',
      clauses: ['7.1.4', '8.5.1', '9.1.2', '10.2'],
      body: garageBody,
      items: [
        {
          key: 'nightPatrolGapMinutes', place: 'office', title: '夜间车库巡逻最大间隔', description: '22:00至次日6:00之间车库巡更点相邻两次打卡的最大间隔分钟数，以巡更系统数据为准。',
          input: { kind: 'measure', unit: '分钟', max: 60 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [50], rectifyWithinHours: 24,
        },
        {
          key: 'darkestPointLux', title: '车库最暗点地面照度', description: '用照度计在《车库照明盲区点位表》所列最暗点的车道或停车区地面测得的照度值，不低于15 lx，低于即为照明盲区，须按M06照明巡查作业指导书报修。',
          input: { kind: 'measure', unit: 'lx', min: 15 }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [50], rectifyWithinHours: 24,
          hint: '照度计探头水平放置在地面，避开车灯直射，读数稳定后记录。',
        },
        garageVehicleNotice,
        garageHelpButton,
        garageLoiter,
        garagePhotos,
        {
          key: 'blindSpotNote', place: 'office', title: '本班车库照明盲区说明', description: '本班巡逻发现的照明盲区或灯具故障点位（区号、车位号）及报修工单号，没有故障的写“无”。',
          input: { kind: 'text', minLength: 1 }, tiers: ['daily'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [50], rectifyWithinHours: 48,
        },
      ],
      revision: {
        author: '王莉（品质部标准主管）',
        note: '2026年三季度客户反馈热力图显示3个项目地下车库夜间“灯暗、看不到巡逻”类投诉共17条，集中在22:00后；夜间巡逻间隔由120分钟缩短至60分钟，新增最暗点照度测量（不低于15 lx，低于即为照明盲区，与M06照明巡查的盲区判定一致）和照明盲区说明两项检查。',
        before: {
          description: '规定地下车库巡逻的路线、巡逻间隔、车辆异常通知和紧急求助按钮抽测要求。',
          body: garageBodyQ3,
          items: [
            {
              key: 'nightPatrolGapMinutes', place: 'office', title: '车库巡逻最大间隔', description: '车库巡更点相邻两次打卡的最大间隔分钟数，以巡更系统数据为准。',
              input: { kind: 'measure', unit: '分钟', max: 120 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [50], rectifyWithinHours: 48,
            },
            garageVehicleNotice,
            garageHelpButton,
            garageLoiter,
            garagePhotos,
          ],
        },
      },
    },
    {
      code: 'M02.P02.W008',
      place: 'perimeter',
      title: '小区周界围墙及电子围栏巡查作业指导书',
      description: '规定小区周界围墙、栅栏和电子围栏（红外对射）的巡查频次、攀爬隐患清理和防区报警测试方法。',
      clauses: ['7.1.3', '8.5.1', '9.1.1'],
      body: {
        purpose: '保持周界实体屏障完整、电子防区报警有效，让翻越围墙的入侵在发生时就被监控中心发现。',
        scope: '适用于住宅小区外围围墙、栅栏、围墙顶部电子围栏和红外对射防区；周界报警后的出警处置按W020执行，围墙和电子围栏的修复由工程部负责。',
        responsibilities: [
          '周界巡逻岗：按频次巡查周界，清理可供攀爬的堆物，每周配合完成防区报警测试。',
          '监控中心值班员：测试时确认报警信号和防区定位，记录测试结果。',
          '秩序维护主管：掌握周界薄弱点清单，组织薄弱点的重点巡查。',
        ],
        steps: [
          '白天巡查周界1次，夜间22:00至次日6:00巡查不少于3次，沿围墙内侧步行，重点查看与河道、工地、商铺后巷相邻的薄弱段。',
          '检查围墙、栅栏有无破洞、松动、被剪断，围墙内外1米范围内有无可供攀爬的杂物、脚手架、树枝搭接或靠墙停放的车辆。',
          '每周一由周界巡逻岗与监控中心配合，按防区顺序每次选2个防区做触发测试，一个季度覆盖全部防区。',
          '触发测试时巡逻岗用手遮挡红外对射光束或按电子围栏测试键，监控中心应在报警主机和电子地图上显示正确防区号。',
          '发现破损的拍照报修，修复前在该段增加每2小时一次的专项巡查；测试不报警的防区当日报工程部并通知监控中心加强该段画面监看。',
        ],
        requirements: ['周界实体屏障无可钻越破口，围墙内外1米内无攀爬物。', '防区报警测试每周进行，季度覆盖率100%，测试报警正确率100%。'],
        records: ['《周界巡查记录》', '《周界防区报警测试记录》', '《周界薄弱点清单》'],
        references: ['GB 50348-2018 安全防范工程技术标准'],
      },
      items: [
        {
          key: 'fenceCondition', title: '周界围墙栅栏完好程度', description: '完好＝无破洞、无松动；轻微破损＝局部松动或小于20厘米的缺口；严重破损＝可供成人钻越的破口或倒塌。',
          input: { kind: 'rating', options: ['完好', '轻微破损', '严重破损'], pass: ['完好'] }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [51], rectifyWithinHours: 48,
        },
        {
          key: 'noClimbingAid', title: '围墙内外1米内无攀爬物', description: '围墙内外两侧1米范围内没有杂物堆、脚手架、搭接的树枝或靠墙停放的车辆等可供攀爬的物体。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [51], rectifyWithinHours: 48,
        },
        {
          key: 'zoneTriggerAlarms', title: '抽测防区触发报警正确', description: '现场触发1个周界防区，监控中心报警主机和电子地图在10秒内显示正确防区号并发出声光报警。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [51, 57], rectifyWithinHours: 24,
        },
        {
          key: 'daysSinceZoneTest', place: 'office', title: '距上次防区测试天数', description: '从《周界防区报警测试记录》最近一次测试日期到检查当天的天数。',
          input: { kind: 'count', unit: '天', max: 7 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [51], rectifyWithinHours: 48,
        },
        {
          key: 'nightPerimeterRounds', place: 'office', title: '夜间周界巡查次数', description: '前一晚22:00至次日6:00完成全段周界巡查的次数，以巡更数据为准。',
          input: { kind: 'count', unit: '次', min: 3 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [51], rectifyWithinHours: 48,
        },
        {
          key: 'weakPointPhotos', title: '周界薄弱段现场照片', description: '拍摄《周界薄弱点清单》中与河道、工地或商铺后巷相邻的围墙段现场照片，每段1张。',
          input: { kind: 'photos', min: 2 }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-required', touchpoints: [51], rectifyWithinHours: 72,
        },
      ],
    },
    {
      code: 'M02.P02.W009',
      place: 'car-park',
      title: '电动自行车集中停放充电区安全巡查作业指导书',
      description: '规定电动自行车充电棚的夜间巡查、楼道和电梯内电动自行车的劝离、“飞线”充电的发现与处置以及充电区消防器材的在位检查。',
      clauses: ['8.1', '8.5.1', '8.5.4', '10.2'],
      body: {
        purpose: '把电动自行车停放和充电严格限定在集中充电区内，杜绝楼道停放、入户充电和私拉电线充电，降低电动自行车起火引发的亡人风险。',
        scope: '适用于住宅小区集中充电棚、非机动车库以及楼栋公共门厅、楼梯间、电梯内的电动自行车管控；充电设施和阻车系统的维修由工程部负责，充电收费由客户服务中心管理。',
        definitions: ['飞线充电：从住户窗口、楼道插座或配电箱私拉电线到室外或楼道为电动自行车电池充电的行为。'],
        responsibilities: [
          '巡逻岗秩序维护员：按频次巡查充电棚和楼栋，劝离楼道和电梯内的电动自行车，拆除飞线并登记户号。',
          '秩序维护主管：对屡次违规的住户会同客户服务中心上门告知，对拒不整改的报告社区和消防救援机构。',
          '客户服务中心：通过业主群和公告栏每季度开展一次电动自行车消防安全宣传。',
        ],
        steps: [
          '充电棚20:00至次日6:00巡查不少于3次，查看有无电池鼓包、异味、冒烟，充电线缆有无破皮，充电棚内灭火器和灭火毯是否在位。',
          '楼栋巡逻时逐层查看公共门厅、楼梯间和电梯前室，发现停放或充电的电动自行车，充电的先断开电源，立即联系车主告知，要求2小时内推至充电棚；联系不上的贴告知单，2小时后复查仍未移走的由秩序维护员会同客户服务中心拍照后移至充电棚暂存区，在《楼道电动自行车劝离登记表》记录发现、告知和移出时间。',
          '发现从窗口或楼道私拉电线充电的，先断开插头并拍照，登记户号后交秩序维护主管当日上门告知。',
          '监控中心对电梯轿厢画面和电动自行车阻车系统报警进行监看，发现电动自行车进入电梯即通过对讲劝阻。',
          '发现电池冒烟或起火，立即切断充电棚总电源，用灭火毯覆盖或用水基灭火器喷射，同时报告监控中心启动火警处置。',
        ],
        requirements: [
          '楼道、楼梯间、电梯前室和电梯轿厢内电动自行车停放和充电为零；发现后立即告知车主，2小时内移出。',
          '飞线充电发现后当班断开，24小时内完成上门告知。',
          '充电棚每50个车位配置不少于2具水基型灭火器和1条灭火毯。',
        ],
        records: ['《电动自行车充电区巡查记录》', '《楼道电动自行车劝离登记表》', '《飞线充电整改告知书》'],
        references: ['《高层民用建筑消防安全管理规定》（应急管理部令第5号）', '《中华人民共和国消防法》'],
      },
      items: [
        {
          key: 'noEbikeInStairwell', place: 'building', title: '楼道楼梯间无电动自行车', description: '抽查3栋楼的公共门厅、楼梯间和电梯前室，没有停放或充电的电动自行车及其电池。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '抽查', evidence: 'photo-on-fail', touchpoints: [54, 61], rectifyWithinHours: 2,
        },
        {
          key: 'stairwellEbikeRemovalHours', place: 'office', title: '楼道电动自行车移出用时', description: '《楼道电动自行车劝离登记表》最近一条记录中，从发现楼道停放或充电的电动自行车并告知车主到车辆移出楼道所用的小时数。',
          input: { kind: 'measure', unit: '小时', max: 2 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [54, 61], rectifyWithinHours: 24,
        },
        {
          key: 'ebikeBlockedFromLift', place: 'control-room', title: '电动自行车被阻止进入电梯', description: '查看前一日电梯阻车系统报警记录和监控中心处置记录，每次报警均有对讲劝阻且电动自行车已退出轿厢。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [54, 49], rectifyWithinHours: 24,
        },
        {
          key: 'shedNightChecks', place: 'office', title: '充电棚夜间巡查次数', description: '前一晚20:00至次日6:00充电棚的巡查次数，以巡更点打卡为准。',
          input: { kind: 'count', unit: '次', min: 3 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [54], rectifyWithinHours: 24,
        },
        {
          key: 'flyingWireSpots', place: 'building', title: '私拉电线充电处数', description: '本次检查在楼栋外墙、窗口、楼道和充电棚周边发现的仍在使用的飞线充电处数。',
          input: { kind: 'count', unit: '处', max: 0 }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 4, method: '目视', evidence: 'photo-on-fail', touchpoints: [54, 49], rectifyWithinHours: 8,
        },
        {
          key: 'shedFireKitPresent', title: '充电棚灭火器和灭火毯在位', description: '充电棚按每50个车位不少于2具水基型灭火器和1条灭火毯配置，器材在标示位置且无遮挡。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [54], rectifyWithinHours: 24,
        },
        {
          key: 'shedParkingOrder', title: '充电棚停放秩序', description: '整齐＝车辆车头朝向一致、通道畅通；基本整齐＝个别车辆歪斜但通道宽度不少于1米；杂乱＝车辆堵塞通道或充电桩前无法进出。',
          input: { kind: 'rating', options: ['整齐', '基本整齐', '杂乱'], pass: ['整齐', '基本整齐'] }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-on-fail', touchpoints: [54], rectifyWithinHours: 72,
        },
        {
          key: 'shedPanoramaPhoto', title: '充电棚全景照片', description: '从充电棚入口拍摄能看清车辆排列、充电桩和灭火器位置的全景照片。',
          input: { kind: 'photos', min: 1 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-required', touchpoints: [54], rectifyWithinHours: 48,
        },
      ],
    },
    {
      code: 'M02.P02.W010',
      place: 'building',
      title: '高空抛物防控及园区地面停车秩序巡查作业指导书',
      description: '规定高空抛物监控覆盖检查、阳台外沿易坠物提醒、防高空抛物宣传以及园区主干道和地面车位停车秩序的巡查要求。',
      clauses: ['7.1.3', '8.5.1', '8.2.1'],
      body: {
        purpose: '作为建筑物管理人落实防止高空抛物、坠物的安全保障措施，并让园区道路停车有序，保证行人安全和消防车、救护车通行。',
        scope: '适用于住宅楼栋外立面周边地面、园区主干道和地面停车位的日间巡查；消防车道的专项管控按W018执行，高空抛物监控设备的安装维修由工程部负责。',
        responsibilities: [
          '园区巡逻岗：巡查楼栋周边和道路，提醒住户清理阳台外沿易坠物，劝离违停车辆。',
          '监控中心值班员：每日检查高空抛物摄像头画面，接报后调取录像协助查找抛物楼层。',
          '客户服务中心：对易坠物住户进行书面提醒，每季度在楼栋张贴防高空抛物宣传。',
        ],
        steps: [
          '巡逻岗每日上午、下午各沿楼栋外围巡查一次，抬头查看阳台外沿、窗台和空调外机位有无花盆、杂物等易坠物。',
          '发现易坠物的，记录楼栋和大致楼层，当日由客户服务中心电话或上门提醒，3日后复查。',
          '监控中心每日9:00检查高空抛物摄像头画面，确认能看清整栋外立面，画面被树枝遮挡或偏移的报工程部调整。',
          '接到高空抛物报告后，巡逻岗5分钟内到场拍照、保护现场并疏导行人，监控中心调取录像分析抛物位置，涉及人员受伤的立即报警。',
          '园区主干道巡查时对违停车辆拍照，通过车主登记电话通知挪车，15分钟内无法联系车主的在车窗放置提示卡并通知门岗限制其再次停放。',
        ],
        requirements: ['高空抛物摄像头画面覆盖全部高层住宅外立面。', '园区违停从发现到劝离或联系车主不超过15分钟。'],
        records: ['《高空抛物及易坠物巡查记录》', '《违停车辆处理登记表》', '《高空抛物事件调查记录》'],
        references: ['《中华人民共和国民法典》第一千二百五十四条', '《物业管理条例》'],
      },
      items: [
        {
          key: 'facadeCameraClear', place: 'control-room', title: '高空抛物摄像头画面完整清晰', description: '查看监控中心高空抛物摄像头画面，能完整看到所辖楼栋外立面，无树枝遮挡、偏移或夜间全黑。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [55, 57], rectifyWithinHours: 48,
        },
        {
          key: 'ledgeHazardFollowedUp', place: 'office', title: '阳台外沿易坠物已提醒复查', description: '巡查记录中的阳台外沿、窗台易坠物均有当日提醒和3日后复查的记录。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [55], rectifyWithinHours: 72,
        },
        {
          key: 'throwingWarningSigns', title: '防高空抛物警示标识张贴', description: '楼栋出入口和儿童游乐区等人员密集处张贴有防高空抛物的警示标识，标识完好可读。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-on-fail', touchpoints: [55], rectifyWithinHours: 72,
        },
        {
          key: 'illegalParkingClearMinutes', place: 'perimeter', title: '园区违停劝离用时', description: '从巡逻岗发现主干道违停车辆到车主挪车或放置提示卡完成处置的分钟数。',
          input: { kind: 'measure', unit: '分钟', max: 15 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [56], rectifyWithinHours: 48,
        },
        {
          key: 'surfaceParkingOrder', place: 'car-park', title: '地面停车秩序', description: '有序＝车辆停在划线车位内、主干道畅通；基本有序＝个别车辆压线但不影响通行；混乱＝道路双侧停车或占用人行道、绿地。',
          input: { kind: 'rating', options: ['有序', '基本有序', '混乱'], pass: ['有序', '基本有序'] }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [56], rectifyWithinHours: 48,
        },
        {
          key: 'throwingIncidentSummary', place: 'office', title: '本月高空抛物事件处理情况', description: '本月发生的高空抛物事件的时间、位置、录像调取结果和处理进展；本月无事件的写“本月无”。',
          input: { kind: 'text', minLength: 3 }, tiers: ['monthly', 'quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [55], rectifyWithinHours: 72,
        },
      ],
    },
  ],
};

export default procedure;
