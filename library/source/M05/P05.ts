import type { BodySource, ItemSource, ProcedureSource } from '../types.ts';

/** W022 check items that read the same in 2026-Q3 and 2026-Q4. */
const lightingItemsKept: ItemSource[] = [
  { key: 'fixtureWorkingRate', title: '公共照明灯具完好率', description: '抽查区域内正常点亮的灯具数占应亮灯具总数的百分比，车库按防火分区、楼道按楼栋统计。',
    input: { kind: 'measure', unit: '%', min: 98 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [155, 156], rectifyWithinHours: 24 },
  { key: 'corridorFloorLux', title: '住宅楼道地面照度', description: '感应灯点亮后在楼层走道中部和楼梯休息平台地面测得的较低照度值。',
    input: { kind: 'measure', unit: 'lx', min: 50 }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '测量', evidence: 'photo-on-fail', touchpoints: [155], rectifyWithinHours: 48 },
  { key: 'sensorLampResponds', title: '楼道感应灯触发及延时正常', description: '在楼梯间拍手或走动时感应灯1秒内点亮，无人后延时不少于60秒熄灭，无常亮或不亮。',
    input: { kind: 'pass' }, tiers: ['daily'], severity: 'minor', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [155], rectifyWithinHours: 48 },
  { key: 'lampFaultFixedIn24h', title: '灯具故障24小时内修复', description: '近30日公共照明报修工单均在24小时内修复关闭，超时工单有原因说明。',
    input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [155, 156], rectifyWithinHours: 48 },
  { key: 'luxMeterPhotos', title: '照度计读数现场照片', description: '测量车位区和楼道照度时照度计读数与测点位置同框的照片。',
    input: { kind: 'photos', min: 2 }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '测量', evidence: 'photo-required', touchpoints: [156], rectifyWithinHours: 48 },
];

const lightingBodyQ4: BodySource = {
  purpose: '保证业主在楼道和地下车库行走、找车、停车时看得清、走得安，消除照明盲区带来的摔倒、剐蹭和治安顾虑。',
  scope: '适用于住宅楼梯间、楼层走道、电梯前室和地下车库车位区、车道、坡道及人行通道的公共照明；消防应急照明的测试见应急照明疏散指示及防火门巡查作业指导书，室外道路和景观照明另有规定。',
  definitions: ['照明盲区：车位区、车道或人行通道内地面照度低于15lx的任一测点部位，包括客户投诉热力图标注、经实测低于15lx的暗点。'],
  responsibilities: [
    '工程巡检员：每日18:00后巡查车库和楼道照明，记录不亮灯具位置，当日安排更换。',
    '工程主管：每月组织照度抽测，对照明盲区制定加灯或更换高光效灯具方案。',
    '项目品控员：每日抽查照明完好情况，每月核对照度测量数据和照片。',
  ],
  steps: [
    '每日18:00后按防火分区巡查地下车库、按楼栋巡查楼道，在平面图上标记不亮灯具并录入系统报修。',
    '每月第一周用照度计测量：车库每个防火分区选3个车位中心和2个车道中心线测点，楼道每栋抽3层；车道不低于50lx、车位区不低于30lx。',
    '每月导出客服系统中涉及“车库暗”“楼道黑”的投诉，叠加到车库平面图生成热力图，对投诉点逐一实测照度，低于15lx的判定为照明盲区。',
    '实测照度低于标准或判定为照明盲区的，15日内完成加装灯具或更换LED灯具，完成后复测并拍照。',
    '车库照明采用分时或感应控制的，夜间23:00后节能待机照度不低于标准值的30%，人员或车辆进入时恢复全亮，并保留人车通道全亮。',
  ],
  requirements: [
    '地下车库车道地面照度不低于50lx、车位区地面照度不低于30lx，任一测点低于15lx即为照明盲区，照明盲区数量为零；楼道地面照度不低于50lx。',
    '公共照明灯具完好率不低于98%，故障灯具24小时内修复，节能待机照度不低于标准值的30%。',
  ],
  records: ['《公共照明巡查记录》', '《照度测量记录》', '《车库照明投诉热力图》'],
  references: ['GB/T 50034-2024 建筑照明设计标准', 'JGJ 100-2015 车库建筑设计规范'],
};

/** The 2026-Q3 text of W022, as it was published. */
const lightingBodyQ3: BodySource = {
  purpose: lightingBodyQ4.purpose,
  scope: lightingBodyQ4.scope,
  responsibilities: lightingBodyQ4.responsibilities,
  steps: [
    '每日18:00后按防火分区巡查地下车库、按楼栋巡查楼道，在平面图上标记不亮灯具并录入系统报修。',
    '每月第一周用照度计测量：车库每个防火分区选3个车位中心和2个车道测点，楼道每栋抽3层。',
    '实测照度低于标准的区域，30日内完成更换灯具或清洁灯罩，完成后复测。',
    '车库照明采用分时控制的，夜间23:00后节能模式下保留人车通道全亮。',
  ],
  requirements: ['地下车库车位区地面照度不低于30lx，楼道地面照度不低于50lx。', '公共照明灯具完好率不低于98%，故障灯具24小时内修复。'],
  records: ['《公共照明巡查记录》', '《照度测量记录》'],
  references: ['GB 50034-2013 建筑照明设计标准'],
};

const procedure: ProcedureSource = {
  code: 'M05.P05',
  title: '暖通空调与公共照明服务规程',
  description: '规定中央空调冷热源机房运行、公共区域空调末端与新风系统维护、地下车库与楼道公共照明以及小区道路与景观照明的运行维护要求。',
  clauses: ['7.1.3', '7.1.4', '8.5.1', '9.1.1', '9.1.2'],
  body: {
    purpose: '为商场、写字楼大堂和会所提供温度适宜、空气清新的室内环境，为业主出行提供足够的照明，同时控制空调照明能耗。',
    scope: '适用于项目自管的冷水机组、锅炉或热泵等冷热源，冷却塔、水泵和空调水系统，新风机组、组合式空调箱、风机盘管和送回风系统，楼道、车库、道路和景观公共照明；商户自设的分体空调和业主户内空调不在本规程范围内。',
    responsibilities: [
      '暖通主管：编制空调运行方案和季节切换计划，根据室外气温和客流调整开机台数和供水温度。',
      '空调运行工：机房值班、巡检和抄表，清洗过滤器，处理末端报修。',
      '强电维修工：负责公共照明巡查、维修和时控器设定。',
      '项目品控员：测量公共区域温度、照度等参数，核查运行记录。',
    ],
    steps: [
      '每年5月中旬和11月上旬分别完成供冷季、供暖季开机前检修和试运行，开机日期经项目经理批准后公告。',
      '空调机房运行期间值班，每2小时抄录一次主机和水系统参数，每日营业前1小时开机预冷或预热。',
      '新风机组初效过滤器每月清洗一次，集中空调风管每年检测一次积尘量，超标时清洗。',
      '公共照明每日巡查，照度每月抽测，时控器开关灯时间按季节每季度调整一次。',
      '每月分析空调和照明能耗，与上年同期对比，差异超过10%的查明原因。',
    ],
    requirements: ['商场和写字楼大堂供冷季温度26～28℃（空调温度设定不低于26℃），二氧化碳浓度不高于0.10%。', '公共照明灯具完好率不低于98%。'],
    records: ['《中央空调运行记录》', '《空调系统维护保养记录》', '《公共照明巡查记录》', '《空调照明能耗月报》'],
    references: ['GB/T 18883-2022 室内空气质量标准', 'WS 394-2012 公共场所集中空调通风系统卫生规范', '国办发〔2007〕42号 国务院办公厅关于严格执行公共建筑空调温度控制标准的通知', 'GB/T 50034-2024 建筑照明设计标准', 'CJJ 45-2015 城市道路照明设计标准'],
  },
  instructions: [
    {
      code: 'M05.P05.W020',
      title: '中央空调冷热源机房运行作业指导书',
      description: '规定冷水机组和冷却塔的运行参数记录、冷冻水供水温度控制、公共区域温度监测、冷却水军团菌检测及冷却塔清洁要求。',
      clauses: ['7.1.3', '7.1.4', '8.5.1', '9.1.2'],
      body: {
        purpose: '使冷热源系统按负荷经济运行，公共区域温度稳定在舒适范围内，防止冷却塔滋生军团菌危害顾客健康。',
        scope: '适用于商业综合体、写字楼和会所的集中空调冷热源机房，包括冷水机组、冷冻水泵、冷却水泵、冷却塔和水处理设备；空调末端设备的维护见公共区域空调末端与新风系统维护作业指导书。',
        responsibilities: [
          '空调运行工：按开停机程序操作主机，每2小时记录运行参数，巡查冷却塔。',
          '暖通主管：确定每日开机台数和冷冻水供水温度设定，每月分析主机能效。',
          '水处理服务商：每月投加缓蚀阻垢剂和杀菌剂，每季度检测冷却水嗜肺军团菌。',
        ],
        steps: [
          '开机顺序：冷却塔风机—冷却水泵—冷冻水泵—冷水机组，停机顺序相反，主机停机后水泵延时运行10分钟。',
          '冷冻水供水温度设定7℃，根据室外温度和负荷在6～9℃范围内调整，每2小时记录蒸发器和冷凝器进出水温度、压力及主机电流。',
          '每日10:00和15:00在商场中庭、主通道和写字楼大堂各测1点温度，供冷季低于26℃或高于28℃时调整供水温度或末端风量，末端温控器设定不得低于26℃。',
          '冷却塔每月清理一次集水盘和填料表面污物，每季度检测冷却水嗜肺军团菌，检出时立即停塔消毒。',
          '主机出现报警时记录报警代码，未查明原因不得强行复位重启。',
        ],
        requirements: ['供冷季公共区域温度26～28℃，按国办发〔2007〕42号空调温度设定不低于26℃。', '冷却水嗜肺军团菌不得检出。'],
        records: ['《中央空调运行记录》', '《公共区域温湿度记录》', '《冷却水水质检测报告》', '《冷却塔清洗记录》'],
        references: ['WS 394-2012 公共场所集中空调通风系统卫生规范', 'GB/T 18883-2022 室内空气质量标准', '国办发〔2007〕42号 国务院办公厅关于严格执行公共建筑空调温度控制标准的通知'],
      },
      items: [
        { key: 'chilledSupplyTemp', title: '冷冻水供水温度', description: '巡检时冷水机组控制面板显示的冷冻水出水（供水）温度。',
          input: { kind: 'measure', unit: '℃', min: 6, max: 9 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [153], rectifyWithinHours: 24 },
        { key: 'publicAreaCoolingTemp', title: '供冷季公共区域室内温度', description: '供冷季营业时间在商场中庭、主通道或写字楼大堂离地1.5m处用温湿度计测得的温度，取偏离26～28℃最大的点。',
          input: { kind: 'measure', unit: '℃', min: 26, max: 28 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [153], rectifyWithinHours: 24,
          hint: '非供冷季检查时，查阅最近一个供冷季《公共区域温湿度记录》中15:00的读数判定。' },
        { key: 'runLogEveryTwoHours', title: '机房运行参数每2小时记录', description: '当日《中央空调运行记录》每2小时有完整的进出水温度、压力和主机电流记录。',
          input: { kind: 'pass' }, tiers: ['daily'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [153], rectifyWithinHours: 48 },
        { key: 'chillerNoActiveAlarm', title: '冷水机组无未处理报警', description: '主机控制面板无当前报警，历史报警均有原因和处理记录，无强行复位重启。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [153], rectifyWithinHours: 24 },
        { key: 'legionellaNotDetected', title: '冷却水嗜肺军团菌未检出', description: '本季度冷却水检测报告中嗜肺军团菌结果为未检出，检出时有停塔消毒和复检记录。',
          input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [154], rectifyWithinHours: 24 },
        { key: 'coolingTowerCleanliness', title: '冷却塔集水盘及填料清洁度', description: '清洁无藻＝水体清澈、无藻类和污泥；轻微藻类或污垢＝集水盘边缘有少量藻类或沉积；严重结垢＝填料结垢堵塞、水体浑浊发绿或有异味。',
          input: { kind: 'rating', options: ['清洁无藻', '轻微藻类或污垢', '严重结垢'], pass: ['清洁无藻'] }, tiers: ['monthly'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [154], rectifyWithinHours: 48 },
      ],
      platinum: {
        note: '白金标准商业综合体顾客对体感温度敏感，供冷季公共区域温度在不低于26℃的前提下控制在26～27℃，并增加相对湿度控制，温度超限4小时内调整到位。',
        tighten: {
          publicAreaCoolingTemp: { max: 27, rectifyWithinHours: 4 },
          chilledSupplyTemp: { max: 8 },
        },
        add: [
          { key: 'publicAreaHumidity', title: '供冷季公共区域相对湿度', description: '与温度同点测得的相对湿度，白金标准控制在40%～65%，防止闷热和结露。',
            input: { kind: 'measure', unit: '%RH', min: 40, max: 65 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '测量', evidence: 'photo-on-fail', touchpoints: [153], rectifyWithinHours: 12 },
        ],
      },
    },
    {
      code: 'M05.P05.W021',
      title: '公共区域空调末端与新风系统维护作业指导书',
      description: '规定新风机组和风机盘管过滤器清洗、凝水盘检查、送回风口清洁、风管积尘检测以及公共区域二氧化碳浓度和运行噪声控制要求。',
      clauses: ['7.1.4', '8.5.1', '9.1.1', '9.1.2'],
      body: {
        purpose: '保证大堂、电梯厅和商场走廊新风充足、空气清新，杜绝风口滴水、积尘发霉和噪声扰人。',
        scope: '适用于公共区域的新风机组、组合式空调箱、风机盘管、送回风口和风管系统；租户区域内末端设备由租户报修后按本指导书维修，租户自行改造的风管不在本指导书范围内。',
        responsibilities: [
          '空调运行工：按月清洗过滤器，巡查凝水盘和风口，处理末端报修。',
          '暖通主管：每月在客流高峰测二氧化碳浓度，每年委托检测风管积尘量并安排清洗。',
          '客服主管：汇总公共区域“闷、热、冷、吵、滴水”类投诉，每月转交暖通主管。',
        ],
        steps: [
          '新风机组和组合式空调箱初效过滤器每月拆下用清水冲洗晾干后复装，破损的更换；中效过滤器压差超过初阻力2倍时更换。',
          '供冷季每月检查风机盘管凝水盘，清除淤泥，疏通冷凝水管，凝水盘涂刷防霉涂料。',
          '每月对送回风口表面除尘，发现霉斑用含有效氯500mg/L的消毒液擦拭。',
          '每月在周六14:00—16:00客流高峰用二氧化碳检测仪在大堂、中庭和电梯厅各测1点，超过1000ppm时增大新风量。',
          '每年委托检测机构检测风管内表面积尘量，超过20g/m²时按WS/T 396-2012清洗消毒。',
        ],
        requirements: ['公共区域二氧化碳浓度不高于1000ppm（0.10%）。', '风管内表面积尘量不大于20g/m²，风口无积尘霉斑、无滴水。'],
        records: ['《空调过滤器清洗记录》', '《公共区域空气质量测量记录》', '《风管积尘量检测报告》', '《空调末端维修记录》'],
        references: ['WS 394-2012 公共场所集中空调通风系统卫生规范', 'WS/T 396-2012 公共场所集中空调通风系统清洗消毒规范', 'GB/T 18883-2022 室内空气质量标准'],
      },
      items: [
        { key: 'filtersCleanedMonthly', title: '新风机组初效过滤器当月已清洗', description: '本月各新风机组和组合式空调箱初效过滤器均有清洗记录，抽查1台过滤网无明显积尘和破损。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [154], rectifyWithinHours: 48 },
        { key: 'co2Ppm', title: '公共区域二氧化碳浓度', description: '客流高峰时段在大堂、中庭或电梯厅离地1.5m处测得的二氧化碳浓度最高值。',
          input: { kind: 'measure', unit: 'ppm', max: 1000 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [154], rectifyWithinHours: 24 },
        { key: 'ductDustLoad', title: '风管内表面积尘量', description: '最近一次年度检测报告中风管内表面积尘量的最大值。',
          input: { kind: 'measure', unit: 'g/m²', max: 20 }, tiers: ['quarterly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [154], rectifyWithinHours: 48 },
        { key: 'drainPanNoDrip', title: '风机盘管凝水盘无积水滴水', description: '抽查吊顶检修口内风机盘管凝水盘无积水、无淤泥，对应吊顶和风口下方无水渍。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [153], rectifyWithinHours: 24 },
        { key: 'terminalNoiseLevel', title: '空调末端运行噪声感受', description: '在风口下方静立30秒：无明显噪声＝仅有轻微气流声；轻微噪声＝可听到风机声但不影响交谈；明显噪声＝有异响、啸叫或振动声。',
          input: { kind: 'rating', options: ['无明显噪声', '轻微噪声', '明显噪声'], pass: ['无明显噪声', '轻微噪声'] }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '抽查', evidence: 'none', touchpoints: [153], rectifyWithinHours: 48 },
        { key: 'airOutletsClean', title: '送回风口无积尘霉斑', description: '抽查的送风口、回风口格栅表面无积尘、黑色霉斑和锈迹。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [154], rectifyWithinHours: 72 },
        { key: 'comfortComplaintSummary', title: '本月空调舒适度投诉处理说明', description: '填写本月公共区域“闷、热、冷、吵、滴水”类投诉的数量、主要位置和已采取的措施。',
          input: { kind: 'text', minLength: 10 }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'none', touchpoints: [153, 154], rectifyWithinHours: 72 },
      ],
      platinum: {
        note: '白金标准对标高端商业综合体的空气品质承诺，公共区域二氧化碳浓度控制在800ppm以内、末端噪声须无明显噪声，并增加PM2.5实测。',
        tighten: {
          co2Ppm: { max: 800, tiers: ['daily', 'monthly', 'quarterly'] },
          terminalNoiseLevel: { pass: ['无明显噪声'] },
          drainPanNoDrip: { rectifyWithinHours: 12 },
        },
        add: [
          { key: 'pm25Concentration', title: '公共区域PM2.5浓度', description: '客流高峰时段在中庭和主入口内侧用激光颗粒物检测仪测得的PM2.5浓度最高值。',
            input: { kind: 'measure', unit: 'μg/m³', max: 35 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '测量', evidence: 'photo-on-fail', touchpoints: [154], rectifyWithinHours: 24 },
        ],
      },
    },
    {
      code: 'M05.P05.W022',
      title: '地下车库及楼道公共照明巡查维护作业指导书',
      description: '规定地下车库车位区、车道和住宅楼道照明的每日巡查、照度抽测、照明盲区识别与改造以及故障灯具修复时限。',
      clauses: ['7.1.4', '8.5.1', '9.1.2', '10.3'],
      body: lightingBodyQ4,
      items: [
        { key: 'parkingBayLux', title: '车库车位区地面照度', description: '在车位中心地面用照度计测得的照度，取本防火分区3个测点中的最低值，不低于30lx。',
          input: { kind: 'measure', unit: 'lx', min: 30 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [156], rectifyWithinHours: 24 },
        { key: 'drivingLaneLux', title: '车库车道地面照度', description: '在车道中心线地面用照度计测得的照度，取本防火分区2个车道测点中的较低值，不低于50lx。',
          input: { kind: 'measure', unit: 'lx', min: 50 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [156], rectifyWithinHours: 24 },
        ...lightingItemsKept,
        { key: 'darkSpotCount', title: '车库照明盲区数量', description: '对照投诉热力图和实测，车位区、车道或人行通道内地面照度低于15lx的照明盲区处数。',
          input: { kind: 'count', unit: '处', max: 0 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [156], rectifyWithinHours: 48,
          hint: '先在系统中打开本项目车库投诉热力图，对标注点逐一实测。' },
      ],
      revision: {
        author: '陈静（品质部标准主管）',
        note: '2026年三季度客户投诉热力图显示4个项目地下车库“太暗、找车难”投诉共37条，飞行检查发现车位区照度虽达30lx，柱后和车位尽端仍有局部测点低于15lx，车道照度未单独考核；新增照明盲区定义（任一测点低于15lx）、“车库照明盲区数量”和“车库车道地面照度（不低于50lx）”检查项及投诉热力图排查步骤，低照度区域整改期限由30日缩短为15日，车位区照度不达标的整改时限由48小时缩短为24小时，并规定节能待机照度不低于标准值的30%，照明设计标准引用由GB 50034-2013更新为GB/T 50034-2024；车位区照度下限仍为30lx。',
        before: {
          body: lightingBodyQ3,
          items: [
            { key: 'parkingBayLux', title: '车库车位区地面照度', description: '在车位中心地面用照度计测得的照度，取本防火分区3个测点中的最低值。',
              input: { kind: 'measure', unit: 'lx', min: 30 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [156], rectifyWithinHours: 48 },
            ...lightingItemsKept,
          ],
        },
      },
    },
    {
      code: 'M05.P05.W023',
      title: '小区道路及景观照明运行管理作业指导书',
      description: '规定小区道路、园路和景观照明的季节开关灯时间、路面照度、灯杆防触电措施、室外漏电保护和接地电阻检测要求。',
      clauses: ['7.1.3', '7.1.4', '8.5.1'],
      body: {
        purpose: '保证夜间业主步行和车辆通行安全，景观照明营造小区夜景，同时杜绝室外灯具漏电伤人尤其是雨天和儿童触碰风险。',
        scope: '适用于小区红线内主干道路灯、园路庭院灯、草坪灯、地埋灯、景观水景灯和出入口照明；市政道路路灯和商户自设招牌灯不在本指导书范围内。',
        responsibilities: [
          '强电维修工：按季节调整时控器，每日巡查亮灯情况，每月试验漏电保护器，每年雨季前测接地电阻。',
          '秩序维护员：夜间巡逻时记录不亮灯具和灯杆检修门打开情况，报工程部。',
          '工程主管：审批开关灯时间表和节日亮化方案。',
        ],
        steps: [
          '开关灯时间按季节设定：4月—9月19:00开灯、10月—次年3月17:30开灯；景观灯23:00关闭，道路照明23:00后隔灯运行至次日6:00。',
          '每日开灯后30分钟内沿主干道和园路巡查一遍，记录不亮灯具编号，次日17:00前修复。',
          '每月按下室外照明配电箱内漏电保护器试验按钮，确认动作可靠，不动作的当日更换。',
          '每年4月雨季前用接地电阻测试仪逐杆测量灯杆接地电阻，超标的补打接地极。',
          '灯杆检修门、地埋灯接线盒每月检查一次，检修门螺栓紧固，地埋灯玻璃面无破裂、无进水。',
        ],
        requirements: ['主干道路面平均照度不低于10lx。', '室外照明回路全部装设额定剩余动作电流30mA的漏电保护器。'],
        records: ['《室外照明开关灯时间表》', '《室外照明巡查记录》', '《漏电保护器试验记录》', '《灯杆接地电阻测试记录》'],
        references: ['CJJ 45-2015 城市道路照明设计标准', 'GB 50303-2015 建筑电气工程施工质量验收规范'],
      },
      items: [
        { key: 'switchScheduleSeasonal', title: '时控器开关灯时间符合季节表', description: '室外照明时控器当前设定的开灯、关灯和隔灯时间与本季节开关灯时间表一致。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [157], rectifyWithinHours: 48 },
        { key: 'mainRoadAvgLux', title: '小区主干道路面平均照度', description: '在两灯之间路面中线按5个等距测点测得照度的平均值。',
          input: { kind: 'measure', unit: 'lx', min: 10 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '测量', evidence: 'photo-on-fail', touchpoints: [157], rectifyWithinHours: 48 },
        { key: 'poleDoorClosed', title: '灯杆检修门关闭无裸露线头', description: '抽查路灯和庭院灯灯杆检修门关闭并紧固，地埋灯接线盒密封，无裸露带电线头。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 5, method: '目视', evidence: 'photo-on-fail', touchpoints: [157], rectifyWithinHours: 4 },
        { key: 'outdoorRcdTested', title: '室外照明漏电保护器当月试验', description: '室外照明配电箱内各回路漏电保护器本月均有试验记录，现场按试验按钮可靠动作。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'document', touchpoints: [157], rectifyWithinHours: 12 },
        { key: 'poleEarthResistance', title: '灯杆接地电阻', description: '最近一次测试记录中灯杆重复接地电阻的最大值。',
          input: { kind: 'measure', unit: 'Ω', max: 10 }, tiers: ['quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [157], rectifyWithinHours: 48 },
        { key: 'landscapeLightState', title: '景观及庭院灯具完好状况', description: '完好＝应亮灯具全部点亮、灯罩完整；个别不亮或灯罩破损＝不亮或破损不超过3盏；成片不亮＝连续3盏以上不亮或整条回路熄灭。',
          input: { kind: 'rating', options: ['完好', '个别不亮或灯罩破损', '成片不亮'], pass: ['完好'] }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [157], rectifyWithinHours: 48 },
      ],
    },
  ],
};

export default procedure;
