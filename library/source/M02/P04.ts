import type { ProcedureSource } from '../types.ts';

const procedure: ProcedureSource = {
  code: 'M02.P04',
  title: '消防安全日常管理服务规程',
  description: '规定秩序维护部门承担的日常防火巡查检查：疏散楼梯与防火门、灭火器和消火栓箱、安全出口与疏散指示、消防车道和动火作业监护，以及发现隐患后的报修和督促整改。',
  clauses: ['7.1.3', '8.1', '8.5.4', '8.7', '10.2'],
  body: {
    purpose: '通过每日防火巡查把火灾隐患消灭在萌芽状态，保证疏散通道畅通、灭火器材好用、消防车进得来，发生火灾时业主能安全疏散。',
    scope: '适用于各项目住宅楼栋、地下车库、商业综合体公共区域和室外场地的日常防火巡查与动火作业监护；消防设施的维护保养、年度检测和维修由工程维保模块负责，消防控制室值班按P03执行。',
    definitions: [
      '防火巡查：在规定频次内对用火用电、疏散通道、安全出口、消防器材和消防车道等进行的巡视检查，由秩序维护员实施并记录。',
      '消防安全隐患：违反消防法规、可能导致火灾发生或火灾危害扩大的状态，如堵塞疏散通道、常闭防火门常开、灭火器失效、占用消防车道。',
    ],
    responsibilities: [
      '项目经理：作为项目消防安全管理人，组织每月一次防火检查，对重大隐患的整改负责。',
      '项目工程主管：审批《动火作业许可证》（DH编号），审批消防控制室探测器点位的屏蔽和隔离。',
      '秩序维护主管：编排防火巡查路线和频次，汇总隐患清单，督促住户和商户整改。',
      '巡逻岗秩序维护员：按本规程下属各指导书实施防火巡查，当场纠正能纠正的隐患并填写《防火巡查记录》。',
      '工程部：对巡查中报修的灭火器、消火栓、应急照明和防火门故障按维保时限修复。',
    ],
    steps: [
      '住宅项目每日防火巡查1次，每周覆盖全部楼层；商业综合体营业期间每2小时巡查1次，营业结束后对全部商铺进行一次闭店巡查。',
      '巡查中发现占用疏散通道、堵塞安全出口、常闭防火门常开的，当场纠正；住户堆物无法当场清除的发《消防安全隐患整改通知书》，限期24小时。',
      '灭火器、消火栓、疏散指示等器材故障填写报修单交工程部，在《防火巡查记录》登记报修单号。',
      '每月最后一周由项目经理带队开展防火检查，对一个月内重复出现的隐患点位分析原因并制定预防措施。',
      '不能当场整改的重大火灾隐患（如消防车道被构筑物占用）24小时内书面报告项目经理和品质部。',
    ],
    requirements: [
      '防火巡查按频次完成率100%，记录真实可追溯。',
      '当场可纠正隐患当场纠正率100%，住户堆物类隐患24小时内清除率不低于95%。',
    ],
    records: ['《防火巡查记录》', '《消防安全隐患整改通知书》', '《月度防火检查记录》', '《动火作业许可证》'],
    references: ['《中华人民共和国消防法》', '《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）', 'GB 25201-2010 建筑消防设施的维护管理', 'GB 55037-2022 建筑防火通用规范'],
  },
  instructions: [
    {
      code: 'M02.P04.W015',
      place: 'corridor',
      title: '疏散楼梯间及常闭防火门日常巡查作业指导书',
      description: '规定住宅及商业楼栋疏散楼梯间、前室的杂物清理，常闭式防火门的关闭状态、闭门器和顺序器检查以及疏散门不得上锁的巡查要求。',
      clauses: ['8.5.4', '8.7', '10.2'],
      body: {
        purpose: '保证疏散楼梯间在任何时候都是一条无杂物、门能自动关闭的安全通道，火灾时烟气不进入楼梯间，住户能够顺利下楼逃生。',
        scope: '适用于住宅和商业楼栋的疏散楼梯间、防烟前室、合用前室及其防火门；防火门的维修更换由工程部负责，室外消防车道按W018执行。',
        responsibilities: [
          '楼栋巡逻岗：逐层巡查楼梯间和前室，关闭被打开的防火门，清除或督促清除杂物。',
          '秩序维护主管：向堆物住户送达整改通知，24小时后组织复查。',
          '项目品控员：每日抽查楼梯间照片和复查记录。',
        ],
        steps: [
          '巡查按“顶层向下”的顺序进行，每日巡查楼栋不少于总数的1/7，保证每周覆盖全部楼层。',
          '查看楼梯间和前室有无纸箱、旧家具、鞋柜、花盆、电动自行车等堆物，发现后先询问相邻住户，属住户物品的请其当场搬回，当场无法联系的张贴整改通知。',
          '常闭式防火门应处于关闭状态：推开后松手，门能在闭门器作用下自动关严；双扇门顺序器有效，不能关严的报工程部。',
          '检查防火门上有无被木楔、砖块、绳索固定成常开，楼梯间通往屋面和首层室外的疏散门不得加装挂锁或链条锁。',
          '住户堆物超过24小时未清除的，由秩序维护主管会同客户服务中心上门清理并拍照留证，清出物品存放在物业仓库7天待住户认领。',
          '巡查后在《防火巡查记录》中记录楼层、问题和处理结果，抽取至少2个楼层拍照上传。',
        ],
        requirements: [
          '疏散楼梯间和前室无堆物，常闭防火门处于关闭状态。',
          '疏散路线上的门全部可从内侧不用钥匙打开。',
          '住户堆物告知后24小时内清除。',
        ],
        records: ['《防火巡查记录》', '《消防安全隐患整改通知书》', '《楼道清出物品暂存登记表》'],
        references: ['GB 55037-2022 建筑防火通用规范', 'GB 50016-2014（2018年版）建筑设计防火规范', '《高层民用建筑消防安全管理规定》（应急管理部令第5号）'],
      },
      items: [
        {
          key: 'stairwellNoStorage', title: '疏散楼梯间及前室无堆物', description: '抽查3个楼层的疏散楼梯间和前室，没有纸箱、旧家具、鞋柜、花盆等任何堆放物品。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '抽查', evidence: 'photo-on-fail', touchpoints: [61], rectifyWithinHours: 24,
        },
        {
          key: 'fireDoorSelfCloses', title: '常闭防火门能自动关严', description: '推开抽查楼层的常闭式防火门后松手，门能自行关闭到位，双扇门顺序器有效，门未被楔子或绳索固定常开。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [61], rectifyWithinHours: 24,
        },
        {
          key: 'escapeDoorsUnlocked', title: '疏散门未上锁', description: '楼梯间通往首层室外和屋面的疏散门没有挂锁、链条锁，能从内侧不用钥匙直接打开。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '抽查', evidence: 'photo-on-fail', touchpoints: [61, 52], rectifyWithinHours: 4,
        },
        {
          key: 'weeklyFloorCoveragePercent', place: 'office', title: '每周楼层巡查覆盖率', description: '上一周《防火巡查记录》中巡查过的楼层数占项目全部楼层数的百分比。',
          input: { kind: 'measure', unit: '%', min: 100 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [61], rectifyWithinHours: 48,
        },
        {
          key: 'clutterClearedHours', place: 'office', title: '住户堆物清除用时', description: '最近一次发放的楼道堆物整改通知，从张贴到堆物清除完毕所用的小时数。',
          input: { kind: 'measure', unit: '小时', max: 24 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [61], rectifyWithinHours: 24,
        },
        {
          key: 'stairwellPhotos', title: '楼梯间巡查照片', description: '本次巡查中至少2个楼层的楼梯间和防火门照片，能看清地面和门的关闭状态。',
          input: { kind: 'photos', min: 2 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-required', touchpoints: [61], rectifyWithinHours: 48,
        },
      ],
    },
    {
      code: 'M02.P04.W016',
      place: 'corridor',
      title: '灭火器及室内消火栓箱日常巡查作业指导书',
      description: '规定秩序维护员对楼层灭火器和室内消火栓箱的日常巡查内容：数量在位、压力表指示、报废年限、箱内器材齐全、箱门可开启和检查卡签字。',
      clauses: ['7.1.3', '8.5.4', '8.7'],
      body: {
        purpose: '保证每一具灭火器和每一个消火栓箱在需要时拿得到、打得开、用得上，把器材失效、被盗和被遮挡的问题在日常巡查中发现。',
        scope: '适用于楼层公共走道、电梯前室、地下车库和商业公共区域的手提式灭火器及室内消火栓箱的日常外观检查；灭火器的维修换药、消火栓系统的水压测试由工程部或委托维保单位负责。',
        responsibilities: [
          '巡逻岗秩序维护员：按月度计划逐点检查灭火器和消火栓箱，在箱内检查卡上签字，发现问题报修。',
          '秩序维护主管：根据巡查结果更新《灭火器配置台账》，跟踪报修和报废更换进度。',
          '工程部：更换压力不足或超过报废年限的灭火器，修复消火栓箱内缺损器材。',
        ],
        steps: [
          '每月逐点检查一遍全部灭火器和消火栓箱，每日巡查中对地下车库、充电棚和商业区域的器材重点抽看。',
          '灭火器检查：数量与台账一致，铅封完好，储压式灭火器压力表指针在绿区，筒体无锈蚀、变形，喷管无老化开裂，查看铭牌出厂日期。',
          '干粉灭火器出厂满10年、水基型满6年的，无论外观如何一律报废更换，并在台账中登记。',
          '消火栓箱检查：箱门能正常开启，箱前无遮挡，水带、水枪、消防卷盘齐全，水带无霉烂，消火栓按钮玻璃完好。',
          '每个器材点位的检查卡按月签名和日期，发现问题在《消防器材巡查记录》中登记报修单号，器材取走维修时用备用器材临时补位。',
        ],
        requirements: [
          '灭火器压力表指针100%在绿区，超过报废年限的灭火器在用数为零。',
          '消火栓箱箱门可开启，器材齐全率100%。',
        ],
        records: ['《消防器材巡查记录》', '《灭火器配置台账》', '灭火器及消火栓箱检查卡'],
        references: ['GB 50444-2008 建筑灭火器配置验收及检查规范', 'GB 50140-2005 建筑灭火器配置设计规范', 'GB 25201-2010 建筑消防设施的维护管理'],
      },
      items: [
        {
          key: 'gaugeInGreenZone', title: '灭火器压力表指针在绿区', description: '抽查5具储压式灭火器，压力表指针全部位于绿色区域，铅封完好。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [62], rectifyWithinHours: 24,
        },
        {
          key: 'missingExtinguishers', title: '抽查点位灭火器缺失具数', description: '按《灭火器配置台账》抽查5个点位，实际缺少（被盗、被挪用、送修未补位）的灭火器具数。',
          input: { kind: 'count', unit: '具', max: 0 }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [62], rectifyWithinHours: 24,
        },
        {
          key: 'powderExtinguisherAgeYears', title: '干粉灭火器出厂年限', description: '抽查的干粉灭火器中铭牌出厂日期最早的一具，到检查日已使用的年数。',
          input: { kind: 'measure', unit: '年', exclusiveMax: 10 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [62], rectifyWithinHours: 48,
          hint: '干粉灭火器出厂满10年须报废；水基型满6年报废，发现时在备注中注明。',
        },
        {
          key: 'hydrantBoxEquipped', title: '消火栓箱器材齐全可开启', description: '抽查2个室内消火栓箱，箱门能打开，箱前无遮挡，水带、水枪、消防卷盘齐全，水带无霉烂。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [62], rectifyWithinHours: 48,
        },
        {
          key: 'inspectionCardSigned', title: '器材检查卡本月已签', description: '抽查点位的灭火器和消火栓箱检查卡上有本月检查日期和检查人签名。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [62], rectifyWithinHours: 72,
        },
        {
          key: 'hydrantCabinetCondition', title: '消火栓箱箱体外观', description: '完好＝箱体无变形、玻璃和标识完好；轻微破损＝漆面剥落或标识褪色；严重破损＝箱门变形打不开、玻璃破碎或箱体锈穿。',
          input: { kind: 'rating', options: ['完好', '轻微破损', '严重破损'], pass: ['完好', '轻微破损'] }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [62], rectifyWithinHours: 72,
        },
        {
          key: 'extinguisherPointPhoto', title: '灭火器点位照片', description: '抽查灭火器点位的照片，须拍清压力表指针位置和检查卡。',
          input: { kind: 'photos', min: 1 }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-required', touchpoints: [62], rectifyWithinHours: 48,
        },
      ],
    },
    {
      code: 'M02.P04.W017',
      place: 'corridor',
      title: '安全出口及疏散指示标志日常巡查作业指导书',
      description: '规定安全出口标志灯、疏散指示标志和应急照明的日常巡查，安全出口前通道净宽的测量以及地下车库疏散标志可视性的检查要求。',
      clauses: ['7.1.3', '8.5.4', '8.7'],
      body: {
        purpose: '保证停电或烟气弥漫时，住户和顾客能看到亮着、指向正确的疏散标志，沿足够宽的通道到达安全出口。',
        scope: '适用于楼层走道、楼梯间、地下车库和商业公共区域的安全出口标志、疏散指示标志和应急照明灯具的外观和工作状态巡查；灯具的更换、电池维护和系统月检由工程部负责。',
        responsibilities: [
          '巡逻岗秩序维护员：巡查标志灯是否点亮、方向是否正确、是否被遮挡，测量安全出口前通道净宽。',
          '秩序维护主管：汇总不亮和损坏的灯具清单，督促工程部修复，核查商户是否遮挡标志。',
          '工程部：更换损坏灯具和失效电池，调整指向错误的标志。',
        ],
        steps: [
          '巡查时逐个查看安全出口标志灯和疏散指示标志是否常亮，箭头是否指向最近的安全出口，有无被广告、货架、装修围挡遮挡。',
          '地下车库内检查疏散指示在车位停满后是否仍能从车道上看到，被车辆或杂物挡住的调整停车或移除杂物。',
          '用卷尺测量安全出口和疏散走道被占用后的剩余净宽，住宅疏散走道和楼梯净宽不应小于1.10米（GB 50016第5.5.30条），白金标准项目（高层商业综合体）按第5.5.18条不应小于1.40米，低于该值的立即清理。',
          '发现标志灯不亮、破损、脱落的拍照报修，当日未修复的在该点位张贴临时荧光疏散指示。',
          '每月配合工程部的应急照明月检，记录各楼层应急照明切换是否正常。',
        ],
        requirements: ['安全出口标志灯和疏散指示标志点亮率100%，指向正确。', '住宅疏散走道剩余净宽不小于1.10米，白金标准项目不小于1.40米。'],
        records: ['《防火巡查记录》', '《疏散指示及应急照明故障报修登记》'],
        references: ['GB 51309-2018 消防应急照明和疏散指示系统技术标准', 'GB 13495.1-2015 消防安全标志 第1部分：标志', 'GB 50016-2014（2018年版）建筑设计防火规范'],
      },
      items: [
        {
          key: 'exitSignsLit', title: '安全出口标志灯常亮', description: '抽查楼层和车库的安全出口标志灯全部处于点亮状态，面板无破裂。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [63], rectifyWithinHours: 24,
        },
        {
          key: 'arrowsPointToExit', title: '疏散指示箭头指向正确', description: '沿抽查楼层疏散指示箭头行走，能到达最近的安全出口，没有指向死胡同或上锁的门。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [63], rectifyWithinHours: 48,
        },
        {
          key: 'unlitSignCount', title: '不亮的疏散标志灯具数', description: '本次抽查的楼层和车库范围内，不亮或亮度明显不足的疏散指示和应急照明灯具数量。',
          input: { kind: 'count', unit: '具', max: 0 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [63], rectifyWithinHours: 48,
        },
        {
          key: 'exitPathClearWidth', title: '安全出口前通道剩余净宽', description: '用卷尺测量安全出口和疏散走道被占用处的最窄剩余净宽。',
          input: { kind: 'measure', unit: '米', min: 1.1 }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '测量', evidence: 'photo-on-fail', touchpoints: [63, 61], rectifyWithinHours: 8,
        },
        {
          key: 'signSurfaceCondition', title: '疏散标志外观状况', description: '完好＝标志清洁、图形清晰、安装牢固；污损＝表面积灰或有贴纸但可辨认；破损脱落＝面板破裂、脱落或无法辨认。',
          input: { kind: 'rating', options: ['完好', '污损', '破损脱落'], pass: ['完好'] }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [63], rectifyWithinHours: 72,
        },
        {
          key: 'garageSignsVisible', place: 'car-park', title: '车库疏散标志不被车辆遮挡', description: '地下车库车位停满时，从车道上仍能看到安全出口标志和疏散指示，未被车辆、堆物或广告牌挡住。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [63, 50], rectifyWithinHours: 72,
        },
      ],
      platinum: {
        note: '白金标准项目为高层商业综合体，属高层公共建筑，GB 50016-2014（2018年版）第5.5.18条规定其双面布房的疏散走道净宽不小于1.40米，营业期间客流密集，安全出口前通道剩余净宽按1.40米控制。',
        tighten: {
          exitPathClearWidth: { min: 1.4, description: '用卷尺测量安全出口和疏散走道被商铺外摆、促销展台或货物占用处的最窄剩余净宽，高层商业综合体不小于1.40米。' },
        },
      },
    },
    {
      code: 'M02.P04.W018',
      place: 'perimeter',
      title: '消防车道及登高操作场地管控作业指导书',
      description: '规定小区室外消防车道和登高操作场地的净宽测量、禁停管控、路障开启、标线标识检查和违停车辆处理方法。',
      clauses: ['7.1.3', '8.5.1', '8.5.4', '8.7'],
      body: {
        purpose: '确保火灾时消防车能沿消防车道开到楼下并在登高操作场地展开云梯，不因私家车停放、路障或占用而耽误救援。',
        scope: '适用于住宅小区和商业综合体红线内的消防车道、登高操作场地及消防车道上的道闸、路障；园区一般道路停车秩序按W010执行，消防车道的路面和标线修复由工程部负责。',
        definitions: ['登高操作场地：高层建筑外侧供举高消防车停靠和展开作业的平坦场地，现场以黄色网格线和“消防登高操作场地”标识标明。'],
        responsibilities: [
          '园区巡逻岗：每2小时巡查一次消防车道和登高操作场地，劝离停放车辆，检查路障钥匙。',
          '车行门岗：不向在消防车道停车的外来车辆放行，夜间劝导业主不要在消防车道过夜停车。',
          '秩序维护主管：对反复违停的车辆通过客户服务中心联系车主，必要时报告消防救援机构。',
        ],
        steps: [
          '在消防车道入口和沿线每隔不超过20米设置“消防车道 严禁占用”标识，路面施划黄色禁停标线，登高操作场地施划网格线。',
          '白天每2小时、夜间22:00后每次巡逻时查看消防车道和登高操作场地，发现违停车辆立即拍照，5分钟内在车上放置警示单并通过挪车电话联系车主，15分钟内将车牌、位置和处理情况报告监控中心登记；仍未挪走的由监控中心继续联系车主并通知门岗跟进，直至车辆驶离。',
          '每月用卷尺测量消防车道最窄处净宽，不小于4米；发现绿化、摊位、临时构筑物侵占的报告项目经理限期拆除。',
          '消防车道上的道闸、升降柱和可移动路障，钥匙或遥控器由门岗保管，每周试开一次确认1分钟内可以打开；消防车到达时门岗立即开启，1分钟内完全放行。',
          '每次巡查拍照留存消防车道全线状态，节假日和夜间停车高峰加密巡查。',
        ],
        requirements: ['消防车道净宽不小于4米，消防车道和登高操作场地停车为零。', '违停车辆5分钟内放置警示单并联系车主，15分钟内报告监控中心。', '消防车道上的路障在1分钟内可由门岗开启。'],
        records: ['《消防车道巡查记录》', '《消防车道违停处理登记》', '《消防车道路障试开记录》'],
        references: ['GB 55037-2022 建筑防火通用规范', 'GB 50016-2014（2018年版）建筑设计防火规范', '《中华人民共和国消防法》'],
      },
      items: [
        {
          key: 'laneClearWidthMeters', title: '消防车道最窄处净宽', description: '用卷尺测量消防车道最窄处（含绿化、停车、构筑物侵占后）的净宽。',
          input: { kind: 'measure', unit: '米', min: 4 }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 5, method: '测量', evidence: 'photo-on-fail', touchpoints: [64], rectifyWithinHours: 24,
        },
        {
          key: 'carsParkedOnFireLane', title: '消防车道上停放车辆数', description: '巡查时沿消防车道全线清点停放的机动车辆数量（临时装卸、有人看守5分钟内驶离的不计）。',
          input: { kind: 'count', unit: '辆', max: 0 }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '目视', evidence: 'photo-on-fail', touchpoints: [64, 56], rectifyWithinHours: 2,
        },
        {
          key: 'aerialPadClear', title: '登高操作场地无占用', description: '登高操作场地内无车辆停放、无绿化种植、无摊位和临时构筑物，场地上空无影响云梯展开的线缆和树枝。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '目视', evidence: 'photo-on-fail', touchpoints: [64], rectifyWithinHours: 24,
        },
        {
          key: 'barrierOpensQuickly', title: '消防车道路障可快速开启', description: '现场要求门岗开启消防车道上的道闸、升降柱或路障，从通知到完全打开不超过1分钟，钥匙或遥控器在岗。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [64], rectifyWithinHours: 24,
        },
        {
          key: 'laneMarkingLegibility', title: '消防车道标线及标识', description: '清晰＝黄色禁停标线、网格线和“消防车道 严禁占用”标识齐全清楚；模糊＝标线磨损但可辨认；缺失＝标线或标识缺失。',
          input: { kind: 'rating', options: ['清晰', '模糊', '缺失'], pass: ['清晰'] }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [64], rectifyWithinHours: 72,
        },
        {
          key: 'fireLaneViolationHandled', place: 'office', title: '消防车道违停按时限处理', description: '抽查《消防车道违停处理登记》最近3起违停，每起均在发现后5分钟内放置警示单并致电车主，15分钟内报告监控中心，记录有对应时间。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [64, 57], rectifyWithinHours: 24,
        },
        {
          key: 'fireLanePhotos', title: '消防车道全线照片', description: '从消防车道两端向内拍摄的照片，能看清车道全线停车和占用情况。',
          input: { kind: 'photos', min: 2 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-required', touchpoints: [64], rectifyWithinHours: 48,
        },
      ],
    },
    {
      code: 'M02.P04.W019',
      place: 'public-area',
      title: '商铺及公共区域动火作业安全监护作业指导书',
      description: '规定商铺装修和公共区域维修中电焊、气割、切割打磨等动火作业的许可核验、作业人员持证、现场消防器材、可燃物清理和全程监护要求。',
      clauses: ['8.1', '8.4', '8.5.4', '8.7'],
      body: {
        purpose: '把动火作业控制在“有许可、有证件、有器材、有人看”的条件下，防止焊渣引燃装修材料或可燃物引发火灾。',
        scope: '适用于商业综合体商铺、住宅底商和公共区域内由商户、装修单位或外包维修单位实施的动火作业；住户室内装修中的动火按装修管理相关规程申报，本指导书规定秩序维护员的现场核验和监护。',
        definitions: ['动火作业：在非固定动火区域使用电焊、气焊、气割、喷灯、切割机、砂轮打磨等可能产生火焰、火花或炽热表面的作业。'],
        responsibilities: [
          '项目工程主管：审批《动火作业许可证》（DH编号），明确动火时段、地点和监护人。',
          '动火监护秩序维护员：作业前核验许可证和证件，检查现场器材和可燃物清理，全程在场监护，作业结束后留守观察。',
          '作业单位：提供持证焊工，自备灭火器，落实可燃物遮挡和清理。',
          '消防控制室值班员：对经批准临时隔离的烟感点位登记隔离和恢复时间。',
        ],
        steps: [
          '作业单位提前1个工作日提交动火申请，项目工程主管审批后发放《动火作业许可证》（编号DH加8位数字），许可证注明编号、地点、时段、动火人和监护人，当日有效。',
          '作业开始前监护人核验许可证和焊工的特种作业操作证（焊接与热切割作业），证件与本人一致方可作业。',
          '清除动火点周围5米内的可燃物，无法移除的用防火毯覆盖；高处动火在下方设置接火盆，动火点附近放置不少于2具4公斤以上灭火器。',
          '确需隔离作业区域烟感的，凭项目工程主管批准的许可证由消防控制室登记后隔离，作业结束后立即恢复，严禁隔离作业区以外的点位。',
          '监护人全程在场，不得兼做其他工作；发现违章作业或现场条件变化，立即叫停。',
          '作业结束后检查动火点及其上下层、相邻房间有无余火，留守观察不少于30分钟，确认无异常后在许可证上签字注销。',
        ],
        requirements: [
          '无许可证、无证焊工动火为零，监护人全程在场。',
          '动火点5米内无未覆盖的可燃物，现场灭火器不少于2具。',
          '作业结束后留守观察不少于30分钟。',
        ],
        records: ['《动火作业许可证》', '《动火作业监护记录》', '《烟感临时隔离登记表》'],
        references: ['《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）', 'GB 55037-2022 建筑防火通用规范', '《特种作业人员安全技术培训考核管理规定》'],
      },
      items: [
        {
          key: 'hotWorkPermitValid', title: '动火作业持有效许可证', description: '现场动火作业有项目工程主管批准的《动火作业许可证》，地点、时段与实际一致且在当日有效期内。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '抽查', evidence: 'photo-on-fail', touchpoints: [65], rectifyWithinHours: 2,
        },
        {
          key: 'welderCertified', title: '焊工持特种作业操作证', description: '现场动火人员持有有效的特种作业操作证（焊接与热切割作业），证件照片与本人一致。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [65], rectifyWithinHours: 2,
        },
        {
          key: 'extinguishersAtHotWork', title: '动火点灭火器数量', description: '动火点10米范围内可随手取用、压力正常的4公斤以上灭火器数量。',
          input: { kind: 'count', unit: '具', min: 2 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [65], rectifyWithinHours: 24,
        },
        {
          key: 'combustibleClearRadius', title: '动火点可燃物清理半径', description: '以动火点为中心，已清除或用防火毯覆盖全部可燃物的最小半径。',
          input: { kind: 'measure', unit: '米', min: 5 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '测量', evidence: 'photo-on-fail', touchpoints: [65], rectifyWithinHours: 24,
        },
        {
          key: 'watchmanPresent', title: '监护人全程在场', description: '检查时动火监护秩序维护员在动火点现场，未离开或兼做其他工作，能说出许可证编号和作业时段。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '目视', evidence: 'photo-on-fail', touchpoints: [65], rectifyWithinHours: 4,
        },
        {
          key: 'postWorkWatchMinutes', place: 'office', title: '动火结束后留守观察时长', description: '《动火作业监护记录》中作业结束到监护人签字注销许可证之间的留守观察分钟数。',
          input: { kind: 'measure', unit: '分钟', min: 30 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [65], rectifyWithinHours: 24,
        },
        {
          key: 'hotWorkPermitNo', title: '抽查动火许可证编号', description: '本次检查的动火作业所持许可证的编号，用于与审批台账核对。',
          input: { kind: 'text', pattern: '^DH[0-9]{8}$' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'document', touchpoints: [65], rectifyWithinHours: 72,
          hint: '编号格式为DH加8位数字。',
        },
      ],
      platinum: {
        note: '商业综合体营业期间人员密集、装修材料多，白金标准把动火后留守观察延长至60分钟，现场灭火器不少于4具，可燃物清理半径扩大到10米，并对烟感隔离恢复单独检查。',
        tighten: {
          postWorkWatchMinutes: { min: 60, tiers: ['daily', 'monthly', 'quarterly'] },
          extinguishersAtHotWork: { min: 4 },
          combustibleClearRadius: { min: 10 },
        },
        add: [
          {
            key: 'smokeDetectorRestored', place: 'control-room', title: '临时隔离烟感已按时恢复', description: '《烟感临时隔离登记表》中本次作业隔离的烟感点位在作业结束后1小时内恢复，控制器上无遗留隔离点。',
            input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'critical', weight: 5, method: '查阅记录', evidence: 'document', touchpoints: [65, 58], rectifyWithinHours: 2,
          },
        ],
      },
    },
  ],
};

export default procedure;
