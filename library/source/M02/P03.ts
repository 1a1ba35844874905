import type { ProcedureSource } from '../types.ts';

const procedure: ProcedureSource = {
  code: 'M02.P03',
  title: '监控中心与消防控制室值班管理规程',
  description: '规定监控中心（中控室）和消防控制室的24小时值班制度、持证上岗、设备运行监视、录像存储、求助应答和交接班要求。',
  clauses: ['7.1.3', '7.1.5', '7.2', '7.5', '8.5.1'],
  body: {
    purpose: '使监控中心和消防控制室全天候有合格人员值守，火警、入侵报警、电梯困人和业主求助信号都能在第一时间被接收、确认和派发。',
    scope: '适用于各项目的消防控制室、视频监控中心以及二者合设的综合控制室；火灾自动报警系统、视频监控系统和电梯对讲系统的维护保养由工程维保模块负责，本规程只规定值班操作、监视和报修。',
    definitions: [
      '消防控制室：设有火灾报警控制器、消防联动控制器和消防控制室图形显示装置，用于接收火警信号并控制消防设施的专用房间。',
      '双人值班：每一班次同时有2名持证人员在控制室内值守，其中1人可经交接后短时离开处置现场，另1人不得离开。',
    ],
    responsibilities: [
      '项目经理：确保消防控制室值班人员配置满足每班不少于2人并全部持证，审批录像调阅申请。',
      '控制室领班：负责排班、交接班监督和值班记录审核，每周对值班员进行一次火警处置程序抽问。',
      '控制室值班员：监视报警和视频画面，接听求助电话和电梯对讲，派单并跟踪处置结果，如实填写值班记录。',
      '工程部：对值班员报修的控制器故障、摄像机离线和对讲故障按工程维保规程时限修复。',
    ],
    steps: [
      '控制室实行24小时值班，每班12小时（8:00–20:00、20:00–8:00），每班不少于2人，值班员均须持有消防设施操作员证书。',
      '值班期间火灾报警控制器保持正常监视状态、联动控制器处于自动状态，手动切换须经项目经理批准并记录原因和恢复时间。',
      '火警、入侵报警、电梯困人和求助电话分别按W011、W012、W013的时限和步骤处理，需要现场处置的通过对讲派发给就近岗位。',
      '交接班按W014逐项交接，未交接完毕的交班人员不得离岗。',
      '控制室领班每月统计报警次数、误报率、求助电话量和平均应答时间，形成《控制室运行月报》。',
    ],
    requirements: [
      '消防控制室每班在岗不少于2人且100%持证。',
      '视频录像保存不少于30天，火灾报警控制器无未登记的故障和屏蔽点。',
    ],
    records: ['《消防控制室值班记录》', '《监控中心值班日志》', '《控制室交接班记录》', '《控制室运行月报》'],
    references: ['GB 25506-2010 消防控制室通用技术要求', 'GB 25201-2010 建筑消防设施的维护管理', 'GB 50348-2018 安全防范工程技术标准'],
  },
  instructions: [
    {
      code: 'M02.P03.W011',
      place: 'control-room',
      title: '消防控制室24小时双人值班作业指导书',
      description: '规定消防控制室每班人数与持证要求、控制器运行状态、火警确认时限、故障跟踪和值班记录的填写方法。',
      clauses: ['7.1.3', '7.2', '7.5', '8.5.1'],
      body: {
        purpose: '确保任何时刻都有两名持证值班员守在消防控制室，火警信号出现后3分钟内完成确认并按程序启动处置，不因值班缺位或控制器被置为手动而延误。',
        scope: '适用于各项目独立设置或与监控中心合设的消防控制室值班；火灾报警系统的检测、维修和年度检测委托按工程维保模块规定，楼层防火巡查按P04执行。',
        responsibilities: [
          '消防控制室值班员：监视控制器，接警后按程序确认和处置，每2小时记录一次控制器运行状态。',
          '控制室领班：每班开始时检查在岗人数和证书，每周抽问火警处置程序。',
          '项目经理：批准联动控制器由自动转手动的申请，每月审阅值班记录并签字。',
          '项目工程主管：审批探测器点位的屏蔽和隔离，在对应报修单上签批并跟踪修复后恢复。',
        ],
        steps: [
          '接班后首先检查火灾报警控制器、联动控制器、消防电话和应急广播的工作状态，确认联动控制器处于自动状态，填写《消防控制室值班记录》。',
          '控制器发出火警信号后，一人在控制室复位前记录报警点位并通知最近的巡逻岗，另一人通过消防电话或对讲联系现场，现场人员须在3分钟内到达报警点确认。',
          '确认为真实火警的，立即将联动控制器保持或切换到自动状态，拨打119报警，报告项目经理，启动本公司《火灾事故应急预案》；确认为误报的，查明原因后复位并记录。',
          '控制器显示故障的点位，当班填写报修单交工程部，在值班记录中登记报修单号（BX加8位数字）；需要屏蔽或隔离探测器点位的，须凭项目工程主管批准的报修单号方可操作，值班记录中登记报修单号、批准人和屏蔽时间，修复后注明恢复时间并解除屏蔽。',
          '每2小时在值班记录中登记一次控制器运行状态、火警和故障数量，交班时由双方签字。',
          '值班员不得在控制室内睡觉、饮酒或从事与值班无关的活动，确需离开的须另一名值班员在岗并在记录中登记去向和时间。',
        ],
        requirements: [
          '每班在岗值班员不少于2人，全部持有消防设施操作员证书。',
          '火警信号现场确认不超过3分钟，确认后处置程序完整。',
          '控制器显示的故障点100%有报修登记，屏蔽和隔离点100%有项目工程主管批准的报修单号。',
        ],
        records: ['《消防控制室值班记录》', '《火警信息处理记录》', '《消防设施故障报修单》', '《联动控制器手动/自动切换登记表》'],
        references: ['GB 25506-2010 消防控制室通用技术要求', 'GB 50116-2013 火灾自动报警系统设计规范', '《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）'],
      },
      items: [
        {
          key: 'onDutyOperators', title: '消防控制室当班在岗人数', description: '检查时消防控制室内实际在岗的值班人员人数（离开处置现场且有登记的计入）。',
          input: { kind: 'count', unit: '人', min: 2 }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '目视', evidence: 'photo-on-fail', touchpoints: [58], rectifyWithinHours: 2,
        },
        {
          key: 'operatorsCertified', title: '值班员持消防设施操作员证', description: '查验当班值班员的消防设施操作员证书原件或电子证照，证书在有效期内且与本人一致。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [58], rectifyWithinHours: 24,
        },
        {
          key: 'linkageInAutoMode', title: '联动控制器处于自动状态', description: '火灾报警控制器处于正常监视状态，消防联动控制器处于自动状态；处于手动的有项目经理批准的登记。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 5, method: '目视', evidence: 'photo-on-fail', touchpoints: [58], rectifyWithinHours: 2,
        },
        {
          key: 'alarmConfirmMinutes', title: '火警信号现场确认用时', description: '抽查最近一次火警信号（或现场模拟），从控制器报警到现场人员对讲回报确认结果的分钟数。',
          input: { kind: 'measure', unit: '分钟', max: 3 }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'document', touchpoints: [58], rectifyWithinHours: 24,
          hint: '从控制器历史记录读取报警时间，与《火警信息处理记录》中的确认时间比对。',
        },
        {
          key: 'untrackedFaultPoints', title: '未登记报修的故障屏蔽点数', description: '控制器当前显示的故障点和屏蔽（隔离）点中，值班记录里没有报修单号的点位，以及屏蔽点的报修单未经项目工程主管批准的点位数量。',
          input: { kind: 'count', unit: '个', max: 0 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [58], rectifyWithinHours: 24,
          hint: '在控制器上调出屏蔽点列表，逐点与值班记录中的报修单号（BX加8位数字）和工程主管签批核对。',
        },
        {
          key: 'fireProcedureRecited', title: '值班员能复述火警处置程序', description: '随机询问1名值班员，能准确说出“现场确认—拨打119—启动预案—报告项目经理”的顺序及联动控制器状态要求。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '询问', evidence: 'none', touchpoints: [58], rectifyWithinHours: 48,
        },
        {
          key: 'fireDutyLogEntry', title: '本班火警与故障处理记录', description: '《消防控制室值班记录》中本班火警、误报和故障的点位及处理结果，无报警的写“本班无火警故障”。',
          input: { kind: 'text', minLength: 4 }, tiers: ['daily'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [58], rectifyWithinHours: 48,
        },
      ],
    },
    {
      code: 'M02.P03.W012',
      place: 'control-room',
      title: '视频监控中心值守与录像存储作业指导书',
      description: '规定视频监控画面轮巡、摄像机在线率、录像保存期限与时间校准、录像调阅审批以及监控中心出入管理的要求。',
      clauses: ['7.1.3', '7.1.5', '8.5.1', '8.5.3'],
      body: {
        purpose: '保证监控画面有人看、录像存得住、调得出，发生盗窃、纠纷或高空抛物后能在30天内找回清晰可用的影像，同时保护业主影像隐私不被滥用。',
        scope: '适用于各项目视频监控中心的画面值守和录像管理；摄像机、硬盘录像机的维修与扩容由工程部负责，消防控制室值班按W011执行。',
        responsibilities: [
          '监控值班员：按频次轮巡画面，发现异常对讲派单，每日检查摄像机在线状态和录像存储。',
          '控制室领班：每周抽查一次最早录像日期和时间偏差，审核录像调阅登记。',
          '项目经理：审批业主和内部人员的录像调阅和拷贝申请。',
        ],
        steps: [
          '值班员每小时对全部画面完成一次轮巡，重点画面（出入口、车库、周界、电梯）切换至大屏常显，轮巡完成在《监控中心值班日志》打钩。',
          '每日9:00查看视频管理平台的摄像机在线列表，离线和画面异常的摄像机当日报工程部，登记报修单号。',
          '每周一回放一次最早一天的录像，确认可回放天数不少于30天，并核对录像系统时间与北京时间的偏差，超过30秒的手动校准。',
          '业主申请查看录像的，凭身份证明填写《录像调阅申请表》，经项目经理批准后由值班员在监控中心播放，只允许查看与本人相关的片段，不提供拷贝；公安机关调取的，登记办案人员证件和单位。',
          '监控中心门禁只对值班员、领班和项目经理开放，其他人员进入须登记事由并由值班员陪同。',
        ],
        requirements: [
          '录像可回放天数不少于30天，摄像机在线率不低于98%。',
          '录像系统时间与北京时间偏差不超过30秒。',
          '录像调阅和拷贝100%有审批和登记。',
        ],
        records: ['《监控中心值班日志》', '《摄像机离线报修登记》', '《录像调阅申请表》', '《监控中心出入登记表》'],
        references: ['GB 50348-2018 安全防范工程技术标准', 'GB 50395-2007 视频安防监控系统工程设计规范', '《中华人民共和国个人信息保护法》'],
      },
      items: [
        {
          key: 'recordingRetentionDays', title: '录像可回放天数', description: '在硬盘录像机或视频平台上回放最早一天录像，计算其日期到检查当天的天数，取抽查3路摄像机中的最小值。',
          input: { kind: 'count', unit: '天', min: 30 }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '抽查', evidence: 'photo-on-fail', touchpoints: [57], rectifyWithinHours: 24,
        },
        {
          key: 'cameraOnlinePercent', title: '摄像机在线率', description: '视频管理平台显示的在线摄像机数量占全部摄像机数量的百分比。',
          input: { kind: 'measure', unit: '%', min: 98 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: [57], rectifyWithinHours: 48,
        },
        {
          key: 'screenSweepsPerShift', title: '每班画面轮巡次数', description: '上一班《监控中心值班日志》中记录的全画面轮巡次数（12小时班次）。',
          input: { kind: 'count', unit: '次/班', min: 12 }, tiers: ['daily'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [57], rectifyWithinHours: 72,
        },
        {
          key: 'nightImageQuality', title: '夜间出入口画面清晰度', description: '回放前一晚23:00后主出入口摄像机录像：清晰可辨人脸＝能辨认面部特征；可辨人形＝只能看清衣着体态；模糊不可辨＝无法辨认人员。',
          input: { kind: 'rating', options: ['清晰可辨人脸', '可辨人形', '模糊不可辨'], pass: ['清晰可辨人脸'] }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [57, 41], rectifyWithinHours: 48,
        },
        {
          key: 'footageAccessApproved', title: '录像调阅经审批登记', description: '本月《录像调阅申请表》每条均有项目经理批准签字，公安调取的登记了办案人员证件号和单位，无未经批准的拷贝。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [57], rectifyWithinHours: 48,
        },
        {
          key: 'clockDriftSeconds', title: '录像系统时间偏差', description: '录像画面叠加时间与北京时间（手机网络时间）之差的绝对值，单位秒。',
          input: { kind: 'measure', unit: '秒', max: 30 }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '测量', evidence: 'photo-on-fail', touchpoints: [57], rectifyWithinHours: 72,
        },
        {
          key: 'controlRoomAccessLogged', title: '监控中心无关人员出入已登记', description: '检查时监控中心内无未登记的外来人员，《监控中心出入登记表》中外来人员均有事由和陪同人。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [57], rectifyWithinHours: 72,
        },
      ],
    },
    {
      code: 'M02.P03.W013',
      place: 'control-room',
      title: '电梯五方对讲及安防求助电话应答作业指导书',
      description: '规定监控中心接听电梯五方对讲呼叫和24小时安防求助电话的时限、应答用语、派单登记、对讲逐台测试及事后回访要求。',
      clauses: ['8.2.1', '8.5.1', '9.1.2'],
      body: {
        purpose: '让被困电梯乘客和打来求助电话的业主在最短时间内听到回应，并确保每一次求助都有工单记录、有处置结果、有回访。',
        scope: '适用于监控中心对电梯五方对讲主机呼叫和安防值班电话的应答与派单；电梯困人的现场安抚与救援配合按W022执行，报修类来电转客户服务中心工单系统处理。',
        responsibilities: [
          '监控值班员：接听对讲和电话，使用规范用语，登记工单并派发，处置完毕后回访。',
          '控制室领班：每月组织一次全部电梯五方对讲逐台通话测试，抽听求助电话录音。',
          '工程部：对测试中无法通话的对讲分机按时限修复。',
        ],
        steps: [
          '电梯对讲呼叫响起后20秒内接听，先说“您好，这里是物业监控中心，请不要惊慌，请告诉我您在几号电梯”，同时在电梯监控画面上确认轿厢位置和人数。',
          '值班电话铃响3声内接听，用语为“您好，这里是本项目监控中心，请讲”，问清地点、事情和联系电话后复述确认。',
          '确认为电梯困人的，值班员在接报后1分钟内完成首次安抚通话（问清人数和身体状况，告知不要扒门），同时派就近秩序维护员5分钟内到达被困楼层，此后每3分钟与被困人员通话一次，现场处置按W022执行，时间节点记入《电梯困人事件记录》。',
          '需要现场处置的，通过对讲派发给就近岗位并在系统生成工单（编号AF开头），对讲中说明地点、事件和优先级。',
          '每月第一周由控制室领班安排，对全部电梯轿厢、轿顶、底坑、机房五方对讲逐台通话，记录通话是否清晰。',
          '事项处理完毕后30分钟内回访来电人，确认问题已解决，并在工单中记录回访结果。',
        ],
        requirements: ['电梯对讲呼叫20秒内接听，值班电话3声内接听。', '电梯困人1分钟内完成首次安抚通话，此后每3分钟通话一次，秩序维护员5分钟内到场。', '求助工单登记率和回访率均为100%。', '五方对讲每月逐台测试一次，通话正常率100%。'],
        records: ['《求助来电及对讲呼叫登记》', '《电梯困人事件记录》', '《电梯五方对讲月度测试记录》', '《求助工单回访记录》'],
        references: ['TSG T5002-2017 电梯维护保养规则', '本公司《客户服务手册》'],
      },
      items: [
        {
          key: 'liftIntercomAnswerSeconds', place: 'lift', title: '电梯对讲呼叫接听用时', description: '在电梯轿厢内按下对讲呼叫键，到监控中心值班员开口应答所用的秒数。',
          input: { kind: 'measure', unit: '秒', max: 20 }, tiers: ['daily', 'monthly', 'quarterly', 'scenario'], severity: 'critical', weight: 4, method: '测量', evidence: 'photo-on-fail', touchpoints: [59], rectifyWithinHours: 24,
        },
        {
          key: 'hotlineRings', title: '值班电话接听前铃响次数', description: '品控员拨打安防值班电话，值班员接听前电话铃响的次数。',
          input: { kind: 'count', unit: '声', max: 3 }, tiers: ['daily', 'monthly', 'scenario', 'mystery'], severity: 'major', weight: 2, method: '测量', evidence: 'none', touchpoints: [60], rectifyWithinHours: 48,
        },
        {
          key: 'intercomMonthlyPassPercent', title: '五方对讲月度测试通话正常率', description: '上月《电梯五方对讲月度测试记录》中通话清晰的分机数占全部分机数的百分比。',
          input: { kind: 'measure', unit: '%', min: 100 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [59], rectifyWithinHours: 48,
        },
        {
          key: 'answerScript', title: '求助应答用语', description: '规范＝报出单位、安抚情绪、问清地点事件并复述；基本规范＝问清要素但未复述；不规范＝未报单位、语气急躁或未问清地点。',
          input: { kind: 'rating', options: ['规范', '基本规范', '不规范'], pass: ['规范', '基本规范'] }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '抽查', evidence: 'none', touchpoints: [59, 60], rectifyWithinHours: 72,
          hint: '抽听1段通话录音或现场测试时判定。',
        },
        {
          key: 'helpTicketNumber', place: 'office', title: '抽查求助工单编号', description: '从值班电话录音中抽取1次求助来电，在工单系统中找到的对应工单编号。',
          input: { kind: 'text', pattern: '^AF[0-9]{8}$' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [60], rectifyWithinHours: 72,
        },
        {
          key: 'callbackDone', place: 'office', title: '求助处理完毕后已回访', description: '抽查5张已关闭的求助工单，均在处理完毕后30分钟内回访来电人并记录结果。',
          input: { kind: 'pass' }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [60], rectifyWithinHours: 72,
        },
      ],
      platinum: {
        note: '商业综合体客梯客流密集、顾客对等候极为敏感，白金标准要求电梯对讲10秒内应答、值班电话1声内接听、用语必须完全规范，并增加中英文双语应答能力。',
        tighten: {
          liftIntercomAnswerSeconds: { max: 10, rectifyWithinHours: 8 },
          hotlineRings: { max: 1 },
          answerScript: { pass: ['规范'] },
        },
        add: [
          {
            key: 'bilingualIntercomReply', place: 'lift', title: '电梯对讲中英文应答', description: '用英文在电梯对讲中呼叫，当班值班员能用英文安抚并问清电梯编号和人数。',
            input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'none', touchpoints: [59], rectifyWithinHours: 48,
          },
        ],
      },
    },
    {
      code: 'M02.P03.W014',
      place: 'control-room',
      title: '监控中心交接班与值班日志作业指导书',
      description: '规定监控中心和消防控制室交接班的当面清点内容、应急钥匙管理、值班日志记录频次和未结事项的交接方法。',
      clauses: ['7.5', '8.5.1', '7.1.3'],
      body: {
        purpose: '防止报警、求助和故障事项在换班时“断线”，使接班人员接手时完全掌握设备状态、未结工单和应急钥匙的情况。',
        scope: '适用于监控中心与消防控制室全部值班员的每日两次交接班和值班日志；各岗位门岗的交接按W001执行。',
        responsibilities: [
          '交班值班员：整理本班未结事项，当面向接班人员逐项说明，清点钥匙和设备后签字。',
          '接班值班员：逐项核对交接内容，发现与记录不符的当场提出，未核对清楚不得签字接班。',
          '控制室领班：每日抽查一次交接记录，对交接不清造成的延误追究责任。',
        ],
        steps: [
          '交接班时间为8:00和20:00，接班人员提前15分钟到岗换装，交接在控制室内当面进行。',
          '交接内容依次为：火灾报警控制器和视频平台状态、未结的报警和求助工单、报修未复的设备、上级交办事项、应急钥匙箱钥匙数量和对讲机。',
          '应急钥匙箱内的天台门、设备房、消防通道门钥匙按《应急钥匙清单》逐把清点，借出的须有借用登记和归还时间。',
          '值班日志每2小时记录一次运行状态，有报警、求助时即时记录，不得事后补记或涂改，写错的划线更正并签名。',
          '交接完毕双方在《控制室交接班记录》签字，并拍照上传交接签字页。',
        ],
        requirements: ['交接班当面进行率100%，未结事项交接清单与工单系统一致。', '值班日志12小时班次内记录不少于6次。'],
        records: ['《控制室交接班记录》', '《监控中心值班日志》', '《应急钥匙清单》', '《应急钥匙借用登记表》'],
        references: ['GB 25506-2010 消防控制室通用技术要求', '本公司《秩序维护服务手册》'],
      },
      items: [
        {
          key: 'faceToFaceHandover', title: '交接班当面逐项交接', description: '现场观察或回放交接时段监控，交接双方在控制室内当面核对设备状态、未结工单和钥匙，双方均已签字。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [57, 58], rectifyWithinHours: 24,
        },
        {
          key: 'emergencyKeysComplete', title: '应急钥匙数量与清单一致', description: '应急钥匙箱内天台门、设备房、消防通道门等钥匙数量与《应急钥匙清单》一致，借出的有借用登记。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [58, 52], rectifyWithinHours: 24,
        },
        {
          key: 'logEntriesPerShift', title: '值班日志每班记录次数', description: '上一个12小时班次值班日志中运行状态记录的次数（即时记录的报警、求助另计）。',
          input: { kind: 'count', unit: '次/班', min: 6 }, tiers: ['daily'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [57], rectifyWithinHours: 72,
        },
        {
          key: 'pendingItemsHandedOver', title: '交接未结事项清单', description: '最近一次交接记录中列出的未结报警、求助工单和报修设备，没有未结事项的写“无未结事项”。',
          input: { kind: 'text', minLength: 2 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'document', touchpoints: [60], rectifyWithinHours: 72,
        },
        {
          key: 'noOffDutyActivity', title: '控制室值班员专注值守', description: '检查时控制室值班员无睡觉、看视频、玩游戏、长时间私人通话或大屏播放与监控无关内容的情况。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'critical', weight: 4, method: '目视', evidence: 'photo-on-fail', touchpoints: [57], rectifyWithinHours: 4,
        },
        {
          key: 'handoverSignaturePhoto', title: '交接签字页照片', description: '最近一次交接班签字页的照片，能看清交接时间、交接内容和双方签名。',
          input: { kind: 'photos', min: 1 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'photo-required', touchpoints: [58], rectifyWithinHours: 48,
        },
      ],
    },
  ],
};

export default procedure;
