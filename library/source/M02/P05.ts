import type { ItemSource, ProcedureSource } from '../types.ts';

/* W022 电梯困人现场安抚：2026-Q4 修订，未改动的检查项在两个版本中共用。 */
const entrapArrive: ItemSource = {
  key: 'guardArrivalMinutes', title: '秩序维护员到达被困电梯用时', description: '从监控中心接到困人报告到秩序维护员到达被困电梯所在楼层候梯厅的分钟数。',
  input: { kind: 'measure', unit: '分钟', max: 5 }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '查阅记录', evidence: 'document', touchpoints: [68], rectifyWithinHours: 24,
};
const entrapNotifyMaint: ItemSource = {
  key: 'maintenanceNotifiedMinutes', title: '通知电梯维保单位用时', description: '从接到困人报告到监控中心电话通知电梯维保单位并取得对方到场时间承诺的分钟数。',
  input: { kind: 'measure', unit: '分钟', max: 5 }, tiers: ['daily', 'monthly', 'scenario'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [68, 59], rectifyWithinHours: 24,
};
const entrapNoSelfRescue: ItemSource = {
  key: 'noUnqualifiedRescue', place: 'control-room', title: '秩序维护员未自行扒门盘车', description: '询问当班人员并查看事件录像：秩序维护员没有自行扒开轿门、层门或进入机房盘车放人，救援由持证电梯作业人员实施。',
  input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 5, method: '询问', evidence: 'none', touchpoints: [68], rectifyWithinHours: 4,
};
const entrapRecord: ItemSource = {
  key: 'entrapmentEventRecord', title: '困人事件经过记录', description: '最近一次困人事件的《电梯困人事件记录》中被困时间、放出时间、被困人数、安抚通话次数和故障原因的文字记录。',
  input: { kind: 'text', minLength: 10 }, tiers: ['monthly', 'quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [68], rectifyWithinHours: 72,
};

const procedure: ProcedureSource = {
  code: 'M02.P05',
  title: '秩序维护突发事件响应服务规程',
  description: '规定入侵报警、走失儿童和老人、电梯困人、治安纠纷和可疑人员等突发事件的接警、派警、到场时限、先期处置、报告和事后复盘要求。',
  clauses: ['8.1', '8.2.1', '8.5.1', '8.7', '10.2'],
  body: {
    purpose: '让每一起突发事件都有人接、有人到、有人管：秩序维护人员在规定时限内到场，按预案完成先期处置，及时报告并移交公安、消防、医疗或维保等专业力量。',
    scope: '适用于各项目秩序维护队伍对治安类和求助类突发事件的响应；火警处置按P03和本公司《火灾事故应急预案》执行，水浸、停电等设备类突发事件由工程维保模块规定，电梯困人中的救援操作由电梯维保单位实施。',
    definitions: ['到场时限：从监控中心接到报警或报告到第一名秩序维护员到达事发现场的时间，以对讲录音和工单时间为准。'],
    responsibilities: [
      '监控中心值班员：接警后判断事件类别，派发就近岗位，通知秩序维护主管和相关专业单位，全程记录时间节点。',
      '秩序维护主管：到场指挥先期处置，决定是否报警和启动项目应急预案，事后24小时内完成事件报告。',
      '就近岗位秩序维护员：在时限内到场，按本规程下属指导书处置，开启执法记录仪留存影像。',
      '项目经理：重大事件（人员伤亡、财物损失5万元以上、媒体关注）1小时内报告区域公司和品质部。',
    ],
    steps: [
      '各项目按本规程编制《突发事件应急处置卡》，分别写明入侵报警、走失、困梯、纠纷的接警用语、派警岗位、到场时限和报告对象，张贴在监控中心和各岗亭。',
      '监控中心接警后1分钟内完成派警，派警时说明地点、事件和注意事项；机动岗和就近巡逻岗同时出发，门岗不得离岗。',
      '到场人员先控制现场、保护人员安全，再了解情况；涉及刑事案件、人员受伤或事态可能升级的，立即报110或120。',
      '事件结束后当班填写《突发事件处置记录》，秩序维护主管24小时内组织复盘，找出响应时限或处置方法上的不足。',
      '品质部每季度汇总各项目突发事件到场时限达标率，低于95%的项目列入下季度飞行检查重点。',
    ],
    requirements: ['各类突发事件到场时限达标率不低于95%。', '突发事件处置记录完整率100%，重大事件1小时内上报率100%。'],
    records: ['《突发事件应急处置卡》', '《突发事件处置记录》', '《突发事件复盘报告》'],
    references: ['《物业管理条例》', '《保安服务管理条例》', 'GB/T 29639-2020 生产经营单位生产安全事故应急预案编制导则', '本公司《突发事件应急预案》'],
  },
  instructions: [
    {
      code: 'M02.P05.W020',
      place: 'office',
      title: '入侵及周界报警出警处置作业指导书',
      description: '规定周界、商铺和住户报警点发生入侵报警时的派警时限、出警人数与装备、到场时限、真实警情处置和误报跟踪要求。',
      clauses: ['8.5.1', '8.7', '10.2'],
      body: {
        purpose: '确保入侵报警发出后出警人员在规定时间内带齐装备到场，真实警情第一时间报警并保护现场，误报找到原因并消除。',
        scope: '适用于周界电子围栏、红外对射、商铺闭店防盗报警和住户紧急按钮等入侵报警信号的出警；周界防区的日常测试按W008执行，报警设备维修由工程部负责。',
        responsibilities: [
          '监控中心值班员：接警后确认报警防区和画面，1分钟内派警，跟踪出警人员到场时间。',
          '出警人员：不少于2人携带装备赶赴现场，查明情况后对讲回报，真实警情时保护现场。',
          '秩序维护主管：对真实警情到场指挥，决定报警，协助公安调取录像。',
        ],
        steps: [
          '报警响起后值班员在电子地图上确认防区，调出周边摄像机画面观察，同时对讲派发最近的巡逻岗和机动岗，派警时说明防区编号和画面所见。',
          '出警人员不少于2人，携带对讲机、强光手电和防暴钢叉，开启执法记录仪，沿最短路线赶到报警点，住宅项目到场时限5分钟。',
          '到场后先观察再接近，发现入侵人员时一人监视、一人对讲报告，不单独追赶进入封闭空间，确认盗窃、入室等真实警情立即拨打110。',
          '真实警情保护现场：设置警戒，禁止无关人员进入，不触碰门窗和遗留物品，等候公安到场移交。',
          '确认误报的，查明原因（小动物、树枝、大风、设备故障）后对讲回报监控中心复位，同一防区一周内误报3次以上报工程部检修。',
          '处置结束后在《入侵报警处置记录》中写明报警时间、到场时间、出警人员、处置结论。',
        ],
        requirements: ['接警到派警不超过60秒，住宅项目到场不超过5分钟。', '出警人数不少于2人，执法记录仪开启率100%。', '真实警情报警和现场保护率100%。'],
        records: ['《入侵报警处置记录》', '《报警误报分析登记表》', '执法记录仪影像存储登记'],
        references: ['GB 50348-2018 安全防范工程技术标准', '《保安服务管理条例》'],
      },
      items: [
        {
          key: 'alarmArrivalMinutes', place: 'perimeter', title: '入侵报警出警到场用时', description: '从报警主机报警时间到第一名出警人员对讲报告到达报警点的分钟数，取本月最近一次报警或现场测试。',
          input: { kind: 'measure', unit: '分钟', max: 5 }, tiers: ['daily', 'monthly', 'quarterly', 'scenario'], severity: 'critical', weight: 5, method: '抽查', evidence: 'document', touchpoints: [66], rectifyWithinHours: 24,
        },
        {
          key: 'dispatchSeconds', place: 'control-room', title: '接警到派警用时', description: '从报警主机报警到值班员对讲派警开口的秒数，以报警记录和对讲录音时间比对。',
          input: { kind: 'measure', unit: '秒', max: 60 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [66, 57], rectifyWithinHours: 24,
        },
        {
          key: 'respondersCount', title: '出警人数', description: '最近一次入侵报警实际到场的出警秩序维护员人数。',
          input: { kind: 'count', unit: '人', min: 2 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [66], rectifyWithinHours: 48,
        },
        {
          key: 'responseKitCarried', place: 'perimeter', title: '出警装备齐全并开启记录仪', description: '出警人员携带对讲机、强光手电和防暴钢叉，执法记录仪从出发起开启录像。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [66], rectifyWithinHours: 48,
        },
        {
          key: 'realIntrusionReported', title: '真实警情已报警并保护现场', description: '查阅本季度真实入侵警情记录，每起均有110报警时间和现场警戒、移交公安的记录。',
          input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'critical', weight: 5, method: '查阅记录', evidence: 'document', touchpoints: [66], rectifyWithinHours: 24,
        },
        {
          key: 'repeatFalseAlarmRepaired', title: '重复误报防区已报修', description: '《报警误报分析登记表》中同一防区一周内误报3次以上的，均已报工程部检修并有修复结果。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [66, 51], rectifyWithinHours: 72,
        },
        {
          key: 'alarmConclusion', title: '报警处置结论', description: '最近一次入侵报警的处置结论：真实警情的写明报警和移交情况，误报的写明原因。',
          input: { kind: 'text', minLength: 4 }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [66], rectifyWithinHours: 72,
        },
      ],
      platinum: {
        note: '商业综合体商铺货值高、闭店后商场内部空间大，白金标准要求商场报警2分钟内到场、30秒内派警，出警不少于3人，并在闭店后对报警商铺通知商户负责人到场共同检查。',
        tighten: {
          alarmArrivalMinutes: { max: 2, rectifyWithinHours: 8 },
          dispatchSeconds: { max: 30 },
          respondersCount: { min: 3 },
        },
        add: [
          {
            key: 'tenantNotifiedAfterHours', title: '闭店报警已通知商户到场', description: '闭店后商铺防盗报警，监控中心在确认后15分钟内通知商户负责人，真实警情由商户与安保共同清点损失并签字。',
            input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [66, 47], rectifyWithinHours: 24,
          },
        ],
      },
    },
    {
      code: 'M02.P05.W021',
      place: 'office',
      title: '走失儿童及老人寻找协助作业指导书',
      description: '规定接到儿童或老人走失求助后的信息采集、全员通报、出入口布控、监控搜寻、报警时机和找到后的交接核实方法。',
      clauses: ['8.2.1', '8.5.1', '8.5.3'],
      body: {
        purpose: '在走失发生后的黄金时间内同时封控出入口、调用监控、组织搜寻，尽快让孩子和老人回到家人身边，防止走失者离开物业管理区域。',
        scope: '适用于住宅小区和商业综合体内业主、顾客报告的儿童、老人及认知障碍人员走失；已离开物业管理区域的寻找以公安机关为主，秩序维护队伍提供录像和信息配合。',
        responsibilities: [
          '接报岗位：安抚报告人，采集走失者特征和近照，立即报告监控中心。',
          '监控中心值班员：3分钟内通过对讲向全部岗位通报特征，调取最后出现位置的录像追踪。',
          '各出入口门岗：进入重点查看状态，核查带离儿童或老人的人员。',
          '秩序维护主管：组织分区搜寻，30分钟未找到时协助家属报警，商业项目同时启动广播寻人。',
        ],
        steps: [
          '接报人员问清走失者姓名、年龄、身高、衣着颜色、最后出现的时间地点，并请家属通过手机提供近照，照片经对讲群或工作群发给全部岗位。',
          '监控中心3分钟内对讲通报全员，各出入口门岗5分钟内进入重点查看状态：对带儿童或搀扶老人离开的人员礼貌询问并核实关系。',
          '监控中心从最后出现位置向周边摄像机逐一回放追踪，巡逻岗按分区搜寻水景、地下车库、楼梯间、设备房门口等危险区域。',
          '商业综合体在家属同意后通过广播寻人，广播不播报儿童全名，只播报衣着特征和服务台位置。',
          '30分钟内未找到的，协助家属拨打110，提供录像片段和已搜寻区域。',
          '找到后核对家属身份和走失者反应，确认是家属本人后交接，在《走失求助处置记录》中写明经过和交接人。',
        ],
        requirements: ['接报后3分钟内全员通报，5分钟内出入口进入重点查看。', '30分钟未找到时协助报警，交接前核实家属身份率100%。'],
        records: ['《走失求助处置记录》', '《突发事件处置记录》'],
        references: ['《中华人民共和国未成年人保护法》', '本公司《突发事件应急预案》'],
      },
      items: [
        {
          key: 'allPostsAlertMinutes', place: 'control-room', title: '走失信息全员通报用时', description: '从接到走失报告到监控中心对讲向全部岗位通报走失者特征的分钟数（可用情景演练测试）。',
          input: { kind: 'measure', unit: '分钟', max: 3 }, tiers: ['monthly', 'quarterly', 'scenario'], severity: 'critical', weight: 4, method: '抽查', evidence: 'document', touchpoints: [67], rectifyWithinHours: 24,
        },
        {
          key: 'exitsOnWatchMinutes', place: 'entrance', title: '出入口进入重点查看用时', description: '从全员通报到最远出入口门岗对讲回复“已进入重点查看”的分钟数。',
          input: { kind: 'measure', unit: '分钟', max: 5 }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'document', touchpoints: [67, 41], rectifyWithinHours: 24,
        },
        {
          key: 'featuresAndPhotoShared', title: '走失者特征与近照已共享', description: '处置记录中有走失者年龄、身高、衣着和最后出现地点，近照已发给全部岗位。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [67], rectifyWithinHours: 48,
        },
        {
          key: 'policeCalledAfter30Min', title: '30分钟未找到时已协助报警', description: '本季度走失事件中超过30分钟未找到的，每起都有协助家属报警的时间记录。',
          input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [67], rectifyWithinHours: 24,
        },
        {
          key: 'gateGuardKnowsSteps', place: 'entrance', title: '门岗能说出走失处置要点', description: '随机询问1名门岗秩序维护员，能说出接到走失通报后对带儿童或老人离开人员的核实方法。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '询问', evidence: 'none', touchpoints: [67, 41], rectifyWithinHours: 72,
        },
        {
          key: 'missingPersonCaseNote', title: '走失事件经过及交接情况', description: '最近一次走失事件的经过、找到地点、用时及家属身份核实方式；本月无事件的写明最近一次演练的日期和结果。',
          input: { kind: 'text', minLength: 10 }, tiers: ['monthly', 'quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [67], rectifyWithinHours: 72,
        },
      ],
    },
    {
      code: 'M02.P05.W022',
      place: 'office',
      title: '电梯困人现场安抚与救援配合作业指导书',
      description: '规定电梯困人时监控中心的首次通话、秩序维护员到场、定时安抚通话、通知维保单位、特殊人群优先处置和事后记录要求。',
      clauses: ['8.2.1', '8.4', '8.5.1', '9.1.2'],
      body: {
        purpose: '在电梯维保人员到场救援前，用持续的通话和现场陪伴稳定被困乘客情绪，防止乘客自行扒门造成坠落伤害，并确保特殊人群得到优先救助。',
        scope: '适用于住宅和商业项目全部客梯、货梯发生困人时的安抚和救援配合；放人救援由电梯维保单位持证人员实施，电梯故障维修和维保单位到场时限的考核由工程维保模块规定。',
        definitions: ['安抚通话：通过五方对讲或轿厢内喊话与被困人员保持联系，告知救援进展和预计到场时间，确认被困人员身体状况。'],
        responsibilities: [
          '监控中心值班员：对讲呼叫20秒内接听，1分钟内与被困人员完成首次安抚通话，通知维保单位和就近岗位，在《电梯困人事件记录》中记录各时间节点。',
          '到场秩序维护员：在被困楼层候梯厅与乘客隔门喊话安抚，每3分钟通话一次，维持候梯厅秩序。',
          '秩序维护主管：被困人员中有老人、儿童、孕妇或身体不适者时，立即拨打120并报告项目经理。',
          '电梯维保单位：救援人员30分钟内到场（白金标准项目15分钟，到场时限由M05电梯困人应急救援作业指导书考核），由持证人员实施放人救援。',
        ],
        steps: [
          '监控中心20秒内接听电梯对讲呼叫，接到呼叫或困人报告后1分钟内与被困人员完成首次安抚通话，问清人数、年龄、身体状况，告知“救援人员正在赶来，请不要扒门，轿厢是安全的”。',
          '同时电话通知电梯维保单位，要求救援人员30分钟内到场（白金标准项目15分钟）并记下承诺到场时间；派就近秩序维护员5分钟内到达被困楼层，并在各层张贴“电梯维修中”告示。',
          '到场人员确认楼层后隔门喊话，维保人员到场前每3分钟与被困人员通话一次，通报维保人员到达进度。',
          '被困人员中有老人、儿童、孕妇或出现胸闷、恐慌等不适的，立即拨打120，通知项目经理到场，并要求维保单位优先安排。',
          '秩序维护员严禁自行扒门、盘车或进入机房操作，维保人员到场后引导其至机房并维持候梯厅秩序。',
          '乘客放出后询问身体状况，赠送饮用水，留下联系方式，24小时内由客户服务中心回访；监控中心填写《电梯困人事件记录》。',
        ],
        requirements: [
          '电梯对讲20秒内接听，接报后1分钟内完成首次安抚通话，秩序维护员5分钟内到场。',
          '维保人员到场前安抚通话间隔不超过3分钟。',
          '秩序维护员自行扒门盘车为零。',
        ],
        records: ['《电梯困人事件记录》', '《电梯困人回访记录》', '《求助来电及对讲呼叫登记》'],
        references: ['TSG T5002-2017 电梯维护保养规则', '《中华人民共和国特种设备安全法》', '本公司《突发事件应急预案》'],
      },
      items: [
        {
          key: 'firstContactMinutes', title: '首次安抚通话用时', description: '从被困人员按下对讲呼叫或报告困人到监控中心与其建立首次通话的分钟数。',
          input: { kind: 'measure', unit: '分钟', max: 1 }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [68, 59], rectifyWithinHours: 24,
        },
        entrapArrive,
        {
          key: 'soothingIntervalMinutes', title: '安抚通话最大间隔', description: '维保人员到场前，监控中心或到场人员与被困人员两次安抚通话之间的最大间隔分钟数。',
          input: { kind: 'measure', unit: '分钟', max: 3 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [68], rectifyWithinHours: 24,
        },
        entrapNotifyMaint,
        entrapNoSelfRescue,
        {
          key: 'vulnerablePassengerPriority', title: '特殊人群被困优先处置', description: '被困人员中有老人、儿童、孕妇或身体不适者的事件，记录中有拨打120、通知项目经理和要求维保优先的时间。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [68], rectifyWithinHours: 24,
        },
        entrapRecord,
      ],
      revision: {
        author: '陈建华（品质部品质经理）',
        note: '2026年三季度客户反馈中电梯困人相关投诉14条，其中9条反映“被困后很久没人回应”；参照品质改善基金“电梯困人智能安抚系统”试点经验，首次通话时限由3分钟缩短至1分钟，安抚通话间隔由5分钟缩短至3分钟，并新增特殊人群优先处置检查项。',
        before: {
          description: '规定电梯困人时监控中心的首次通话、秩序维护员到场、定时安抚通话、通知维保单位和事后记录要求。',
          items: [
            {
              key: 'firstContactMinutes', title: '首次安抚通话用时', description: '从被困人员按下对讲呼叫或报告困人到监控中心与其建立首次通话的分钟数。',
              input: { kind: 'measure', unit: '分钟', max: 3 }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [68, 59], rectifyWithinHours: 24,
            },
            entrapArrive,
            {
              key: 'soothingIntervalMinutes', title: '安抚通话最大间隔', description: '维保人员到场前，监控中心或到场人员与被困人员两次安抚通话之间的最大间隔分钟数。',
              input: { kind: 'measure', unit: '分钟', max: 5 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [68], rectifyWithinHours: 48,
            },
            entrapNotifyMaint,
            entrapNoSelfRescue,
            entrapRecord,
          ],
        },
      },
    },
    {
      code: 'M02.P05.W023',
      place: 'office',
      title: '治安纠纷及可疑人员现场处置作业指导书',
      description: '规定邻里纠纷、争吵斗殴和可疑人员的到场时限、现场劝解与隔离、执法记录仪使用、可疑人员盘问跟踪、升级报警和行为边界。',
      clauses: ['8.2.1', '8.5.1', '8.7'],
      body: {
        purpose: '在纠纷升级为冲突之前及时到场劝解隔离，对可疑人员做到“问得清、盯得住”，同时严守保安人员的行为边界，不因处置不当引发新的投诉或法律责任。',
        scope: '适用于物业管理区域公共部位的邻里纠纷、停车和噪声争执、醉酒滋事、推销散发广告以及可疑人员逗留；涉及刑事案件的由公安机关处理，秩序维护人员只做先期处置和配合。',
        responsibilities: [
          '到场秩序维护员：劝解隔离当事人，开启执法记录仪，询问可疑人员来意，报告监控中心。',
          '监控中心值班员：调取现场画面，对可疑人员持续跟踪并通报各岗位。',
          '秩序维护主管：到场协调，判断是否报110，事后向客户服务中心通报以便后续调解。',
        ],
        steps: [
          '接报后就近2名秩序维护员5分钟内到场，到场即开启执法记录仪并告知当事人“现场正在录像”。',
          '对争吵双方先隔离再劝解，引导至不影响通行的地方分别了解情况，不评判对错，涉及邻里关系的交客户服务中心后续调解。',
          '出现推搡、斗殴、持械或醉酒失控的，立即拨打110，在保证自身安全的前提下隔离人群，保护受伤人员并呼叫120。',
          '对反复徘徊、尝试单元门、窥视车辆的可疑人员，礼貌询问来意和拜访对象，无法说明的请其离开，并由监控中心跟踪至离开园区，特征通报各岗位。',
          '处置中不得与当事人发生肢体冲突，不得限制他人人身自由、搜查他人身体或扣押证件财物，这些属于公安机关的职权。',
          '处置结束在《治安事件处置记录》写明时间、地点、当事人、经过和结果，记录仪影像保存不少于90天。',
        ],
        requirements: ['到场不超过5分钟，记录仪开启率100%。', '秩序维护人员与当事人肢体冲突、搜身扣押为零。'],
        records: ['《治安事件处置记录》', '《可疑人员通报登记》', '执法记录仪影像存储登记'],
        references: ['《保安服务管理条例》', '《中华人民共和国治安管理处罚法》', 'GA/T 594-2006 保安服务操作规程与质量控制'],
      },
      items: [
        {
          key: 'disputeArrivalMinutes', title: '纠纷现场到场用时', description: '从监控中心接到纠纷报告到第一名秩序维护员到场的分钟数，取最近一次事件或情景测试。',
          input: { kind: 'measure', unit: '分钟', max: 5 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [69], rectifyWithinHours: 48,
        },
        {
          key: 'bodycamRecording', title: '到场即开启执法记录仪', description: '最近一次纠纷处置的执法记录仪影像从到场时开始，完整覆盖处置过程。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'document', touchpoints: [69], rectifyWithinHours: 48,
        },
        {
          key: 'noExcessiveForce', title: '无肢体冲突和越权行为', description: '处置记录、影像和投诉中没有秩序维护人员与当事人肢体冲突、限制人身自由、搜身或扣押证件财物的情况。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 5, method: '查阅记录', evidence: 'document', touchpoints: [69], rectifyWithinHours: 4,
        },
        {
          key: 'suspectTrackedAndBroadcast', title: '可疑人员已询问并跟踪通报', description: '《可疑人员通报登记》中每条记录都有询问结果、监控跟踪至离开的时间和向各岗位通报的特征。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [69, 57], rectifyWithinHours: 48,
        },
        {
          key: 'violenceEscalatedTo110', title: '斗殴持械事件已报警', description: '本季度涉及推搡斗殴、持械或醉酒失控的事件，每起都有拨打110的时间记录。',
          input: { kind: 'pass' }, tiers: ['quarterly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [69], rectifyWithinHours: 24,
        },
        {
          key: 'disputeHandlingNote', title: '纠纷处置经过', description: '最近一次治安纠纷的时间、地点、起因、处置经过和移交情况的文字记录。',
          input: { kind: 'text', minLength: 10 }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [69], rectifyWithinHours: 72,
        },
      ],
    },
  ],
};

export default procedure;
