import type { ProcedureSource } from '../types.ts';

const procedure: ProcedureSource = {
  code: 'M02.P01',
  title: '出入口门岗与访客管理服务规程',
  description: '规定住宅小区人行与车行出入口、商业综合体大堂安保服务台的岗位设置和值守方式，以及访客、快递外卖、装修施工人员和大件物品出入的核验放行要求。',
  clauses: ['7.1.3', '8.1', '8.2.1', '8.5.1', '8.5.3'],
  body: {
    purpose: '把出入口作为物业管理区域安全防范的第一道关口，做到“业主通行便捷、外来人员有据可查、物品出园有单可依”，从源头减少盗窃、推销滋扰和财物纠纷。',
    scope: '适用于各项目人行出入口、车行出入口、装修施工通道和商业综合体首层大堂的门岗与服务台；门禁、道闸、可视对讲等设备的维修由工程维保模块负责，停车收费和车位租售由停车管理相关规程规定。',
    definitions: [
      '门岗：设在物业管理区域出入口、承担通行管控、访客登记和物品放行职责的固定岗位，分为人行岗、车行岗和大堂岗。',
      '放行条：由业主签字或客户服务中心盖章、列明搬出物品名称和数量的凭证，门岗据此核对后允许物品出园。',
    ],
    responsibilities: [
      '秩序维护主管：按出入口人车流量确定各门岗班次和高峰加岗人数，每日查岗不少于2次并检查访客登记和放行记录。',
      '门岗秩序维护员：执行通行查验、访客登记确认、快递外卖分流和物品放行核对，发现可疑情况立即对讲通报监控中心。',
      '客户服务中心：受理装修出入证和放行条的办理，向门岗推送业主访客预约和迁出信息。',
      '项目品控员：每日至少在早晚高峰各抽查一次门岗，核对登记本与监控画面的一致性。',
    ],
    steps: [
      '每年根据出入口日均人车流量核定岗位：人行主入口日均通行超过3,000人次的早晚高峰设2人岗，车行出入口每个道闸岗不少于1人。',
      '门岗实行12小时两班制，7:30和19:30交接班，交接时清点对讲机、登记本、放行条存根和应急钥匙。',
      '访客、快递外卖、装修施工人员和大件物品出入分别按W002、W001、W004规定的方式核验，商业综合体大堂按W005执行。',
      '门岗发现尾随、冒用门禁卡、强行闯岗等情况，先口头劝阻并通报监控中心调取画面，同时呼叫巡逻岗就近支援。',
      '秩序维护主管每周汇总访客量、放行单数和异常事件，每月形成《出入口管理月报》提交项目经理。',
    ],
    requirements: [
      '门岗在岗时间覆盖率100%，任何时段不得出现出入口无人值守。',
      '外来人员入园登记或预约核验率100%，登记信息保存不少于90天，到期按个人信息保护要求销毁。',
      '大件物品出园凭放行条放行率100%，全年无因放行失误引起的财物纠纷。',
    ],
    records: ['《门岗值班记录》', '《访客登记表》', '《物品放行条》', '《出入口管理月报》'],
    references: ['《物业管理条例》', '《保安服务管理条例》', '《中华人民共和国个人信息保护法》', 'GB/T 20647.9-2006 社区服务指南 第9部分：物业服务'],
  },
  instructions: [
    {
      code: 'M02.P01.W001',
      place: 'entrance',
      title: '住宅小区人行出入口门岗值守作业指导书',
      description: '规定住宅小区人行出入口门岗的在岗人数、通行查验、防尾随、快递外卖分流及值班记录要求。',
      clauses: ['8.1', '8.5.1', '7.5'],
      body: {
        purpose: '让业主刷卡、刷脸快速通行，同时拦住无卡尾随的陌生人，使人行出入口始终处于有人看守、有据可查的状态。',
        scope: '适用于住宅小区所有人行主、次出入口及其门禁闸机通道；车行出入口按W003执行，单元门禁的巡查按W006执行。',
        responsibilities: [
          '人行门岗秩序维护员：立岗值守，查验通行，劝阻尾随，分流快递外卖人员，如实填写《门岗值班记录》。',
          '秩序维护班长：每2小时巡视一次本班各人行门岗，替岗就餐，处理门岗上报的纠纷。',
          '项目品控员：按本指导书抽查门岗在岗状态和记录，组织每月一次无卡尾随测试。',
        ],
        steps: [
          '7:00–9:00、17:00–20:00两个高峰时段主入口设2人，一人立于闸机旁引导，一人在岗亭内监看闸机和对讲，其余时段不少于1人。',
          '业主通过闸机时目视确认“一人一卡”，发现两人以上贴身尾随时上前礼貌询问“请问您到哪一户”，无法说明的引导至访客登记窗口。',
          '快递、外卖人员一律在岗亭旁暂存区交接，由业主下楼领取；业主确需送件上门的，门岗经可视对讲确认后登记姓名、平台和房号放行。',
          '闸机、人脸识别终端故障时立即报工程部，同时改为人工核验业主卡，严禁用杂物卡住闸门保持常开。',
          '22:00后人行次入口关闭，只保留主入口通行，门岗每小时在《门岗值班记录》中记录一次通行情况。',
          '交接班时将本班异常情况（闯岗、纠纷、设备故障等）逐条写入记录，无异常的填写“本班无异常”。',
        ],
        requirements: [
          '高峰时段主入口在岗不少于2人，其余时段不少于1人，不得脱岗、睡岗或在岗使用手机娱乐。',
          '每月无卡尾随测试拦截成功率100%。',
          '快递外卖人员未经业主确认入园的情况为零。',
        ],
        records: ['《门岗值班记录》', '《快递外卖送件入园登记表》', '《无卡尾随测试记录》'],
        references: ['本公司《秩序维护服务手册》', 'GB 50348-2018 安全防范工程技术标准'],
      },
      items: [
        {
          key: 'peakStaffCount', title: '高峰时段主入口在岗人数', description: '早7:00–9:00或晚17:00–20:00高峰时段到场时，主人行入口实际在岗的秩序维护员人数。',
          input: { kind: 'count', unit: '人', min: 2 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [41], rectifyWithinHours: 24,
          hint: '非高峰时段检查时按实际人数记录，不少于1人即可，在备注说明时段。',
        },
        {
          key: 'noPostAbsence', title: '门岗无脱岗睡岗', description: '检查时门岗有人值守，值守人员未睡岗、未在岗位上玩手机游戏或看视频。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '目视', evidence: 'photo-on-fail', touchpoints: [41], rectifyWithinHours: 4,
        },
        {
          key: 'tailgaterStopped', title: '无卡尾随人员被拦截询问', description: '由品控员安排未持卡的测试人员紧跟业主通过闸机，门岗能在其进入园区前上前询问并引导登记。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [43, 41], rectifyWithinHours: 24,
        },
        {
          key: 'turnstileNotPropped', title: '人行闸机未被卡成常开', description: '人行闸机和人脸识别通道处于正常刷卡开启状态，没有用纸板、石块、绳索等把闸门卡住常开。',
          input: { kind: 'pass' }, tiers: ['daily'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [43], rectifyWithinHours: 24,
        },
        {
          key: 'courierHeldAtGate', title: '快递外卖人员在暂存区交接', description: '抽看30分钟内进出的快递外卖人员，未经业主可视对讲确认并登记的一律未进入园区。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [44], rectifyWithinHours: 24,
        },
        {
          key: 'shiftAbnormalNote', title: '门岗当班异常情况说明', description: '《门岗值班记录》中本班闯岗、纠纷、设备故障等异常情况的文字说明，没有异常的须写明“本班无异常”。',
          input: { kind: 'text', minLength: 4 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'document', touchpoints: [41], rectifyWithinHours: 72,
        },
      ],
    },
    {
      code: 'M02.P01.W002',
      place: 'entrance',
      title: '访客来访登记与身份核验作业指导书',
      description: '规定访客到访时与被访业主确认、登记必要信息、发放和回收临时通行凭证以及保护访客个人信息的方法。',
      clauses: ['8.2.1', '8.5.1', '8.5.3', '7.5'],
      body: {
        purpose: '在不让访客久等的前提下核实来访事由并留下可追溯的登记，既防止陌生人以“找人”为名进入楼栋，又保护访客登记的身份信息不被泄露。',
        scope: '适用于住宅小区门岗和写字楼大堂对亲友、家政、维修、中介等外来人员的登记放行；装修施工人员按W004办理，快递外卖人员按W001交接。',
        definitions: ['访客预约：业主通过物业App或致电客户服务中心提前登记访客姓名、人数和到访时段，门岗凭预约二维码或名单快速放行。'],
        responsibilities: [
          '门岗秩序维护员：问询来访事由，经可视对讲或电话与被访业主确认，完成登记并发放临时通行证。',
          '秩序维护主管：每周核对访客登记表与系统预约记录，按期销毁超过保存期限的纸质登记。',
          '客户服务中心：维护访客预约系统，在业主投诉访客放行问题时调取登记和监控记录。',
        ],
        steps: [
          '访客到岗时起立问候，询问“请问您拜访几栋几单元哪一户”，有预约的扫码核对后直接放行并在系统确认到达。',
          '无预约的由门岗拨打被访业主可视对讲或登记电话，业主同意后方可放行；连续两次无人接听的请访客在岗亭外休息区等候或联系业主本人。',
          '登记访客姓名、手机号、被访房号和身份证号码后4位四项必填信息，并记录来访事由和进入时间；身份证件当面查看、核对人证一致后即归还，不拍照、不复印，登记本和系统中证件号码只记录后4位。',
          '发放当日有效的临时通行证或生成临时二维码，访客离园时收回通行证并补记离开时间。',
          '22:00仍未离园的访客，由门岗在23:00前致电被访业主核实是否留宿，并在登记表备注。',
          '纸质《访客登记表》按月装订存放在门岗上锁抽屉，保存90天后由主管监督碎纸销毁并登记。',
        ],
        requirements: [
          '访客从到达门岗到完成确认放行不超过3分钟（被访业主未接听的除外）。',
          '访客姓名、手机号、被访房号、身份证后4位四项登记信息完整率100%。',
          '访客身份证件号码不得完整记录、拍照或外传。',
        ],
        records: ['《访客登记表》', '《临时通行证发放回收台账》', '《访客登记销毁记录》'],
        references: ['《中华人民共和国个人信息保护法》', '本公司《客户服务手册》', '本公司《秩序维护服务手册》'],
      },
      items: [
        {
          key: 'hostConfirmedBeforeEntry', title: '放行前已与被访业主确认', description: '无预约访客在放行前已经通过可视对讲或电话取得被访业主同意，并在登记表“确认方式”栏注明。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [42], rectifyWithinHours: 24,
        },
        {
          key: 'registerCompletePercent', title: '访客登记四项信息完整率', description: '抽查最近10条访客登记，访客姓名、手机号、被访房号、身份证后4位四项全部填写的条数占比。',
          input: { kind: 'measure', unit: '%', min: 100, max: 100 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [42], rectifyWithinHours: 48,
        },
        {
          key: 'idNumberMasked', title: '访客证件号码已脱敏', description: '登记本和系统中访客身份证件号码只保留后4位，岗亭内未张贴或放置可被他人翻看的访客信息。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [42], rectifyWithinHours: 48,
        },
        {
          key: 'visitorCheckInMinutes', title: '访客登记放行用时', description: '从访客到达门岗开口询问到完成业主确认和登记放行所用的分钟数，被访业主未接听的不计。',
          input: { kind: 'measure', unit: '分钟', max: 3 }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '测量', evidence: 'none', touchpoints: [42, 41], rectifyWithinHours: 72,
        },
        {
          key: 'passReturnPercent', title: '临时通行证回收率', description: '前一日发放的访客临时通行证在访客离园时收回的比例，以《临时通行证发放回收台账》计算。',
          input: { kind: 'measure', unit: '%', min: 95 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'document', touchpoints: [42], rectifyWithinHours: 72,
        },
        {
          key: 'receptionCourtesy', title: '门岗接待访客礼貌用语', description: '规范＝起立问候、使用“您好/请/谢谢”并说明登记原因；基本规范＝坐姿接待但用语礼貌；不规范＝态度生硬、盘问式询问或不予理睬。',
          input: { kind: 'rating', options: ['规范', '基本规范', '不规范'], pass: ['规范', '基本规范'] }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'none', touchpoints: [41, 42], rectifyWithinHours: 72,
        },
        {
          key: 'lateVisitorVerified', title: '夜间未离园访客已核实', description: '22:00后仍未离园的访客，门岗已在23:00前致电被访业主核实并在登记表备注。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [42], rectifyWithinHours: 72,
        },
      ],
    },
    {
      code: 'M02.P01.W003',
      place: 'entrance',
      title: '车行出入口道闸岗车辆通行管理作业指导书',
      description: '规定小区及地下车库车行出入口道闸岗对业主车辆、外来临时车辆和危险物品车辆的通行管理与现场指挥要求。',
      clauses: ['7.1.3', '8.5.1', '8.5.4'],
      body: {
        purpose: '让车行出入口成为车辆进入园区的安全关口：外来车辆登记可查，可疑车辆被拦停核查并通报，装载危险物品的车辆不进入地下车库，高峰时段车辆有序通行不积压。',
        scope: '适用于小区地面及地下车库的车行出入口道闸岗的安全查验和现场指挥；道闸、车牌识别和防砸装置的日常检查与故障放行按M06车辆出入口与道闸管理服务规程执行，停车收费、车位租赁和充电桩管理按停车管理相关规程执行。',
        responsibilities: [
          '车行岗秩序维护员：登记外来车辆，拦停核查可疑车辆并通报监控中心，拦截危险物品车辆，指挥车辆排队通行。',
          '秩序维护班长：早晚高峰到车行出入口协助疏导，道闸故障时组织人工放行。',
          '监控中心值班员：接到车行岗通报后调取出入口和园区画面跟踪可疑车辆，将车牌和特征通报各岗位。',
        ],
        steps: [
          '业主车辆经车牌识别自动抬杆，岗员目视确认车牌与显示一致，识别失败的人工核对月卡信息后手动抬杆。',
          '外来车辆停于道闸前，岗员上前敬礼问候，询问被访房号并电话确认，在系统登记车牌、房号、进场时间后放行，告知临时停放区域。',
          '入口排队超过5辆时，岗员通报班长加派人员，由一人在闸前核验、一人在排队车辆旁提前问询。',
          '发现车辆装载液化气罐、汽油桶、烟花爆竹等危险物品的，禁止进入地下车库并报秩序维护主管。',
          '对遮挡或无号牌、号牌与车型明显不符、短时间内反复进出或在出入口附近停车徘徊的车辆，岗员拦停于闸前礼貌询问来意，登记车牌（或车辆特征）和驾乘人员特征，对讲通报监控中心跟踪画面；拒不说明来意的不予放行，强行冲闸的记下车牌立即报110。',
          '指挥车辆使用标准手势：直行、左转、右转、停止，夜间手持指挥棒并穿反光背心。',
        ],
        requirements: [
          '高峰时段入口排队不超过5辆，超过时即加派人员疏导。',
          '外来车辆登记率100%，危险物品车辆进入地下车库为零。',
          '可疑车辆拦停核查和通报监控中心率100%，每起均有登记。',
        ],
        records: ['《外来车辆进出登记表》', '《可疑车辆登记表》', '《车行岗值班记录》'],
        references: ['GB 50067-2014 汽车库、修车库、停车场设计防火规范', '本公司《秩序维护服务手册》'],
      },
      items: [
        {
          key: 'guestCarRegistered', title: '外来临时车辆已登记', description: '抽查当日3辆外来车辆，系统或登记表中均有车牌、被访房号和进场时间记录。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [46], rectifyWithinHours: 48,
        },
        {
          key: 'entryQueueCars', title: '高峰时段入口排队车辆数', description: '早晚高峰时段车行入口道闸前等候进场的车辆数量（含正在核验的车辆）。',
          input: { kind: 'count', unit: '辆', max: 5 }, tiers: ['daily'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [46, 56], rectifyWithinHours: 48,
        },
        {
          key: 'suspiciousVehicleStopped', title: '可疑车辆被拦停核查', description: '由品控员安排一辆遮挡号牌的测试车辆驶向入口，岗员在闸前拦停并询问来意，登记车辆特征后对讲通报监控中心，未直接抬杆放行。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [46], rectifyWithinHours: 24,
          hint: '测试前告知监控中心领班，测试后向岗员说明并记入培训需求。',
        },
        {
          key: 'suspiciousVehicleLogged', title: '可疑车辆登记通报完整', description: '《可疑车辆登记表》近7日的每条记录都有车牌或车辆特征、发现时间、询问结果和通报监控中心的时间；近7日无可疑车辆的，岗员能说出拦停核查的情形。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [46, 57], rectifyWithinHours: 48,
        },
        {
          key: 'hazardCargoBlocked', title: '危险物品车辆被拦截', description: '询问岗员并查看记录：装载液化气罐、汽油桶、烟花爆竹等危险物品的车辆未被放入地下车库。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '询问', evidence: 'photo-on-fail', touchpoints: [46], rectifyWithinHours: 24,
        },
        {
          key: 'trafficHandSignals', title: '车辆指挥手势规范程度', description: '规范＝手势标准、动作到位、夜间持指挥棒穿反光背心；基本规范＝手势可辨但不到位；不规范＝不指挥或手势含糊造成车辆犹豫。',
          input: { kind: 'rating', options: ['规范', '基本规范', '不规范'], pass: ['规范'] }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 1, method: '目视', evidence: 'none', touchpoints: [46], rectifyWithinHours: 72,
        },
        {
          key: 'vehicleGatePhotos', title: '车行出入口现场照片', description: '拍摄道闸、岗亭及排队车道的现场照片，能看清岗员位置和车道秩序。',
          input: { kind: 'photos', min: 1 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-required', touchpoints: [46], rectifyWithinHours: 48,
        },
      ],
    },
    {
      code: 'M02.P01.W004',
      place: 'entrance',
      title: '装修施工人员及大件物品出入放行作业指导书',
      description: '规定装修施工人员凭证出入、施工时段控制以及业主和租户大件物品搬出时凭放行条核对放行的方法。',
      clauses: ['8.5.1', '8.5.3', '7.5'],
      body: {
        purpose: '控制装修施工人员只在许可时段、凭有效证件出入，并保证业主财物只有在业主本人同意时才能搬出园区，避免租户欠租搬离、家具被盗等财物纠纷。',
        scope: '适用于住宅小区施工通道和各出入口对装修工人、装修材料以及搬家、搬出家具家电等大件物品的查验；装修申报审批和巡查按装修管理相关规程执行。',
        definitions: ['大件物品：单件体积超过0.1立方米或需两人以上搬运的家具、家电、保险柜及成箱物品。'],
        responsibilities: [
          '门岗秩序维护员：核验《装修施工出入证》，控制施工人员进场时段，核对放行条上的物品与实物，留存放行条。',
          '客户服务中心：办理施工出入证和放行条，租户搬出时联系业主本人确认并核查费用结清情况。',
          '秩序维护主管：每月核对放行登记与放行条存根，追查不一致的原因。',
        ],
        steps: [
          '施工人员凭客户服务中心核发、贴有本人照片的《装修施工出入证》从施工通道出入，门岗核对证件有效期和人证一致后放行。',
          '施工人员进场时段为工作日8:00–12:00、14:00–18:00，法定节假日和周末不得进行噪声作业，门岗在时段外只允许其进场取物并登记。',
          '装修材料进场和装修垃圾清运（含使用电梯搬运）只在每日9:00–11:30、14:00–17:30进行，材料须袋装或捆扎，装修垃圾由施工方袋装后经指定通道运至装修垃圾临时堆放点，清运管理按M07装修管理相关规程执行；门岗对时段外搬运材料或垃圾的施工人员予以劝止并登记。',
          '搬出大件物品须出示业主签字或客户服务中心盖章的《物品放行条》，门岗逐项清点物品名称、数量，核对无误后在放行条上签名并注明放行时间。',
          '租户搬出的放行条必须有客户服务中心与业主本人电话确认的记录，门岗对无确认记录的一律暂缓放行并通知客户服务中心。',
          '放行条第二联由门岗收存，每日交班时与《物品放行登记表》逐条核对，月底交秩序维护主管归档，保存1年。',
        ],
        requirements: [
          '施工人员持证进出率100%，过期证件当场收回。',
          '大件物品无放行条出园的情况为零，放行登记与存根一致率100%。',
        ],
        records: ['《装修施工出入证》发放台账', '《物品放行条》', '《物品放行登记表》'],
        references: ['《住宅室内装饰装修管理办法》', '《物业管理条例》'],
      },
      items: [
        {
          key: 'workerPassValid', title: '施工人员出入证有效且人证一致', description: '抽查3名进出施工人员，《装修施工出入证》均在有效期内，证件照片与本人相符。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [45], rectifyWithinHours: 48,
        },
        {
          key: 'workHoursControlled', title: '施工人员按许可时段进场', description: '门岗执行工作日8:00–12:00、14:00–18:00进场时段，时段外进场人员均有取物登记。',
          input: { kind: 'pass' }, tiers: ['daily'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [45], rectifyWithinHours: 72,
        },
        {
          key: 'releaseSlipMatched', title: '大件物品凭放行条核对放行', description: '当场核查一次大件物品搬出：门岗查验了放行条，物品名称和数量与放行条一致，放行条有门岗签名和放行时间。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [48], rectifyWithinHours: 24,
        },
        {
          key: 'tenantMoveOutConfirmed', title: '租户搬出已经业主确认', description: '租户搬出的放行条上有客户服务中心与业主本人电话确认的记录（确认时间和经办人）。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [48], rectifyWithinHours: 24,
        },
        {
          key: 'slipLedgerMismatches', place: 'office', title: '放行登记与存根不一致份数', description: '当月《物品放行登记表》与放行条第二联存根逐条比对，不一致或缺失存根的份数。',
          input: { kind: 'count', unit: '份', max: 0 }, tiers: ['monthly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [48], rectifyWithinHours: 48,
        },
        {
          key: 'releaseSlipNumber', title: '抽查放行条编号', description: '抽查的当日一份《物品放行条》的编号，用于与客户服务中心开单记录对账。',
          input: { kind: 'text', pattern: '^FX[0-9]{8}$' }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'document', touchpoints: [48], rectifyWithinHours: 72,
          hint: '编号格式为FX加8位数字，如FX20261105。',
        },
      ],
    },
    {
      code: 'M02.P01.W005',
      place: 'lobby',
      title: '商业综合体大堂安保服务台值守作业指导书',
      description: '规定商业综合体及写字楼首层大堂安保服务台的在岗人数、访客核验、大堂巡视、可疑物品处置和拾遗物品登记要求。',
      clauses: ['8.2.1', '8.5.1', '8.5.3', '9.1.2'],
      body: {
        purpose: '使大堂安保服务台既是写字楼访客进入的核验关口，又是顾客问询、求助的第一接待点，做到“看得见的安全、有温度的服务”。',
        scope: '适用于商业综合体、写字楼首层大堂安保服务台和大堂流动岗；商场内各楼层的巡逻按P02执行，礼宾和客服前台的接待礼仪由客户服务相关规程规定。',
        responsibilities: [
          '大堂安保服务台岗：核验写字楼访客，发放临时门禁卡，解答顾客问询，登记拾遗物品。',
          '大堂流动岗：在大堂、电梯厅和出入口之间循环巡视，发现无人看管的包裹或可疑人员立即报告。',
          '安保主管：每日营业前检查服务台物品和人员仪容，处理升级的投诉和可疑物品事件。',
        ],
        steps: [
          '营业时间（商场10:00–22:00，写字楼工作日8:00–19:00）服务台不少于1人坐岗、1人流动，早高峰8:30–9:30写字楼闸机处增加1人引导。',
          '写字楼访客出示身份证件并说明被访公司，服务台致电被访公司前台确认后，登记访客姓名、手机号、被访公司房号和身份证后4位，发放当日有效的临时门禁卡，仅开通被访楼层权限；证件只查看不拍照。',
          '大堂流动岗按“服务台—主出入口—电梯厅—消防通道口—服务台”路线每30分钟巡视一圈，巡视时注意遗留包裹、醉酒和推销人员。',
          '发现无人看管的包裹，先询问周边人员，5分钟内无人认领的报告安保主管，设立2米警戒区，禁止随意打开或移动。',
          '拾获顾客遗失物品当场在《拾遗物品登记表》登记时间、地点、物品特征，贵重物品拍照后交安保主管入保险柜，失主认领时核对特征并签收。',
          '服务台台面只摆放登记本、临时卡、问询指引牌和消毒洗手液，私人物品放入台下抽屉。',
        ],
        requirements: [
          '营业时间服务台不离人，写字楼访客100%经被访公司确认后发卡。',
          '可疑包裹从发现到报告安保主管不超过5分钟。',
          '拾遗物品登记率100%，贵重物品保管期间无遗失。',
        ],
        records: ['《写字楼访客登记表》', '《临时门禁卡发放回收台账》', '《拾遗物品登记表》', '《大堂巡视记录》'],
        references: ['《保安服务管理条例》', 'GA/T 594-2006 保安服务操作规程与质量控制', '本公司《客户服务手册》'],
      },
      items: [
        {
          key: 'deskStaffCount', title: '营业时间服务台在岗人数', description: '营业时间内大堂安保服务台坐岗的实际人数，不含流动岗。',
          input: { kind: 'count', unit: '人', min: 1 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '目视', evidence: 'photo-on-fail', touchpoints: [47], rectifyWithinHours: 24,
        },
        {
          key: 'officeVisitorConfirmed', title: '写字楼访客经被访公司确认发卡', description: '抽查3条写字楼访客记录，均有被访公司确认人姓名，临时门禁卡权限仅限被访楼层。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [47], rectifyWithinHours: 48,
        },
        {
          key: 'lobbyRoundIntervalMinutes', title: '大堂流动岗巡视间隔', description: '《大堂巡视记录》中相邻两圈巡视的最大间隔分钟数，取当日营业时间内的最大值。',
          input: { kind: 'measure', unit: '分钟', max: 30 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [47], rectifyWithinHours: 48,
        },
        {
          key: 'suspiciousBagReportMinutes', title: '无人看管包裹上报用时', description: '品控员放置测试包裹，从放置到流动岗或服务台报告安保主管并设警戒所用分钟数。',
          input: { kind: 'measure', unit: '分钟', max: 5 }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [47], rectifyWithinHours: 24,
        },
        {
          key: 'lostPropertyLogged', title: '拾遗物品登记与保管', description: '《拾遗物品登记表》的时间、地点、物品特征齐全，贵重物品有照片且在保险柜中，已认领的有失主签收。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [47], rectifyWithinHours: 72,
        },
        {
          key: 'deskTidiness', title: '服务台台面整洁度', description: '整洁＝只摆放登记本、临时卡、指引牌和洗手液；一般＝有少量私人物品但不影响观感；杂乱＝水杯、手机、零食外露或台面积灰。',
          input: { kind: 'rating', options: ['整洁', '一般', '杂乱'], pass: ['整洁', '一般'] }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-on-fail', touchpoints: [47, 70], rectifyWithinHours: 48,
        },
        {
          key: 'standUpToGreet', title: '顾客走近时起立问候', description: '顾客或访客走到服务台3米以内时，坐岗人员起立并主动问候“您好，请问有什么可以帮您”。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'none', touchpoints: [47, 70], rectifyWithinHours: 48,
        },
      ],
      platinum: {
        note: '白金标准的商业综合体大堂客流大、访客层级高，服务台改为双人坐岗，流动岗巡视加密至每15分钟一圈，台面必须达到“整洁”，并增加重要来宾迎候和双语问询服务。',
        tighten: {
          deskStaffCount: { min: 2 },
          lobbyRoundIntervalMinutes: { max: 15, rectifyWithinHours: 24 },
          deskTidiness: { pass: ['整洁'] },
          standUpToGreet: { severity: 'major', weight: 2, rectifyWithinHours: 24 },
        },
        add: [
          {
            key: 'vipArrivalEscort', title: '重要来宾提前迎候引导', description: '对商户或写字楼租户提前报备的重要来宾，安保人员提前5分钟在大堂门口迎候并引导至专用电梯厅。',
            input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [47], rectifyWithinHours: 24,
          },
          {
            key: 'bilingualEnquiry', title: '服务台可提供中英文问询', description: '当班服务台人员能用英文完成问路、找店铺和寻找洗手间三类常见问询的指引。',
            input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '询问', evidence: 'none', touchpoints: [47, 70], rectifyWithinHours: 48,
          },
        ],
      },
    },
  ],
};

export default procedure;
