import type { ProcedureSource } from '../types.ts';

const procedure: ProcedureSource = {
  code: 'M02.P06',
  title: '秩序维护岗位形象与队伍管理规程',
  description: '规定秩序维护员的着装仪容与岗姿礼仪、消防和应急演练、岗前及在岗培训考核、持证上岗以及对讲机和安防装备的配置交接要求。',
  clauses: ['7.1.2', '7.1.3', '7.2', '7.3', '9.1.1'],
  body: {
    purpose: '建设一支形象规范、训练有素、装备齐全的秩序维护队伍，让业主和顾客在门岗、大堂和巡逻路线上看到的每一名队员都精神饱满、处置专业。',
    scope: '适用于各项目自有秩序维护队伍和外包保安服务公司派驻人员的形象、培训、演练和装备管理；人员招聘和薪酬由人力资源部门管理，外包单位的合同考核按供方管理规定执行。',
    responsibilities: [
      '秩序维护主管（队长）：每日班前会检查着装和装备，组织每周队列和技能训练、每月专项演练，建立人员培训档案。',
      '区域督导组：每季度对辖区项目进行一次队伍综合考核，内容包括队列、消防器材操作和应急处置情景测试。',
      '项目经理：审批年度培训和演练计划，保障装备配置预算，对外包保安公司人员持证情况进行季度核查。',
      '品质部：制定统一的岗位形象和培训考核标准，组织神秘访客和情景测试，统计执行率。',
    ],
    steps: [
      '每年12月项目制定下一年度《秩序维护培训及演练计划》，明确岗前培训、月度在岗培训、季度专项演练和半年度消防演练的时间和内容。',
      '新队员完成不少于24学时岗前培训、考核80分以上方可上岗，上岗首月由老队员一对一带岗。',
      '每日班前会10分钟：点名、检查着装和装备、通报前一班事件和当班重点；每周安排1次不少于1小时的队列和技能训练。',
      '每季度至少开展2项专项应急演练，每半年开展一次消防演练，演练后形成评估报告并改进预案。',
      '区域督导组季度考核结果与外包保安公司服务费和自有队员绩效挂钩，连续两个季度不合格的队员调离岗位。',
    ],
    requirements: ['秩序维护员持证上岗率100%，岗前培训合格率100%。', '仪容仪表抽查合格率不低于95%。', '季度专项演练完成率100%。'],
    records: ['《秩序维护培训及演练计划》', '《班前会记录》', '《秩序维护员培训档案》', '《应急演练评估报告》'],
    references: ['《保安服务管理条例》', 'GA/T 594-2006 保安服务操作规程与质量控制', 'GB/T 38315-2019 社会单位灭火和应急疏散预案编制及实施导则'],
  },
  instructions: [
    {
      code: 'M02.P06.W024',
      place: 'entrance',
      title: '秩序维护员着装仪容与岗姿礼仪作业指导书',
      description: '规定秩序维护员制服穿着、仪容修饰、工牌佩戴、固定岗站姿和向业主访客主动致意的标准。',
      clauses: ['7.1.2', '8.5.1', '9.1.2'],
      body: {
        purpose: '让秩序维护员在每一个岗位上都以统一、整洁、挺拔的形象出现，主动向业主和访客致意，形成“有人守护、有人服务”的第一印象。',
        scope: '适用于全部秩序维护员在门岗、大堂、巡逻和监控中心当班期间的着装、仪容和岗姿；礼宾和客服人员的礼仪由客户服务相关规程规定。',
        responsibilities: [
          '秩序维护员：上岗前对照仪容镜自查，当班保持规范着装和岗姿。',
          '秩序维护班长：班前会逐人检查着装仪容，当班巡岗时纠正不规范岗姿。',
          '项目品控员：每日抽查不少于2个岗位并拍照记录。',
        ],
        steps: [
          '按季节统一换装（5月1日换夏装、10月15日换冬装，遇气温异常由项目经理通知调整），同一项目同一时段着装一致。',
          '制服干净平整，扣子扣齐，帽子端正，皮鞋擦亮；工牌佩戴在左胸口袋上方，照片朝外。',
          '男队员头发前不过眉、侧不过耳、后不过领，不留胡须；女队员长发盘起；不佩戴耳环、手链等饰物，不染彩色头发。',
          '固定岗站姿：抬头挺胸，两脚跟并拢、脚尖分开约60度，双手自然下垂或在体前交叉，不倚靠、不插兜、不抱臂；每站立1小时可在岗位内活动5分钟。',
          '业主和访客经过岗位3米以内时，主动点头或行举手礼并问候“您好”，对提重物、推婴儿车的住户主动协助开门。',
          '岗位范围内不吸烟、不吃东西、不聚集聊天，手机只用于工作联络。',
        ],
        requirements: ['着装仪容抽查合格率不低于95%。', '岗位3米内主动致意率不低于90%（以神秘访客测试为准）。'],
        records: ['《班前会记录》', '《仪容仪表检查表》', '《神秘访客测试记录》'],
        references: ['本公司《员工行为规范》', '本公司《秩序维护服务手册》'],
      },
      items: [
        {
          key: 'uniformStandard', title: '制服着装规范程度', description: '规范＝按季节统一着装、整洁、扣齐、帽子端正、皮鞋干净；基本规范＝有1处轻微不整（如领口未扣）；不规范＝混穿便服、制服脏污或未戴帽。',
          input: { kind: 'rating', options: ['规范', '基本规范', '不规范'], pass: ['规范', '基本规范'] }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [70], rectifyWithinHours: 48,
        },
        {
          key: 'groomingCompliant', title: '仪容修饰符合要求', description: '男队员发长和胡须、女队员盘发符合要求，无耳环手链等饰物，无彩色染发。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-on-fail', touchpoints: [70], rectifyWithinHours: 72,
        },
        {
          key: 'badgeWorn', title: '工牌佩戴正确', description: '工牌佩戴在左胸口袋上方，照片朝外，姓名和工号清晰可见。',
          input: { kind: 'pass' }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-on-fail', touchpoints: [70], rectifyWithinHours: 72,
        },
        {
          key: 'standingPosture', title: '固定岗站姿', description: '标准＝抬头挺胸、脚跟并拢、双手下垂或体前交叉；基本标准＝姿势端正但偶有换脚；不标准＝倚靠、插兜、抱臂或坐在岗台上。',
          input: { kind: 'rating', options: ['标准', '基本标准', '不标准'], pass: ['标准', '基本标准'] }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [70, 41], rectifyWithinHours: 48,
        },
        {
          key: 'proactiveGreeting', title: '3米内主动致意', description: '检查人员以访客身份走近岗位3米内，秩序维护员主动点头或行举手礼并问候“您好”。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'minor', weight: 2, method: '抽查', evidence: 'none', touchpoints: [70, 41, 47], rectifyWithinHours: 48,
        },
        {
          key: 'noSmokingEatingOnPost', title: '岗位内无吸烟进食聊天', description: '检查时岗位范围内秩序维护员没有吸烟、吃东西或多人聚集聊天。',
          input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'major', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [70], rectifyWithinHours: 24,
        },
        {
          key: 'onPostAppearancePhoto', title: '岗位人员形象照片', description: '抽查岗位人员的全身照片，能看清制服、工牌和站姿。',
          input: { kind: 'photos', min: 1 }, tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-required', touchpoints: [70], rectifyWithinHours: 48,
        },
      ],
      platinum: {
        note: '白金标准的商业综合体大堂和主入口岗直接面对高端商户和顾客，制服、站姿只接受最高一级，新增白手套礼宾着装和标准化欢迎用语，站岗期间不得坐岗。',
        tighten: {
          uniformStandard: { pass: ['规范'], severity: 'major', weight: 2, rectifyWithinHours: 24 },
          standingPosture: { pass: ['标准'], severity: 'major', weight: 2, rectifyWithinHours: 24 },
          proactiveGreeting: { severity: 'major', weight: 2, rectifyWithinHours: 24 },
        },
        add: [
          {
            key: 'whiteGloveAttire', place: 'lobby', title: '大堂岗白手套礼宾着装', description: '大堂和主入口岗佩戴洁白手套、礼宾肩绳，手套无污渍破损。',
            input: { kind: 'pass' }, tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [70, 47], rectifyWithinHours: 48,
          },
          {
            key: 'welcomePhraseAndBow', place: 'lobby', title: '标准欢迎用语与鞠躬礼', description: '顾客进入大堂时，岗位人员面带微笑行15度鞠躬礼并说“您好，欢迎光临”，离开时说“欢迎再次光临”。',
            input: { kind: 'pass' }, tiers: ['daily', 'monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'none', touchpoints: [70, 47], rectifyWithinHours: 24,
          },
        ],
      },
    },
    {
      code: 'M02.P06.W025',
      place: 'office',
      title: '秩序维护队伍消防与应急演练作业指导书',
      description: '规定消防演练和困梯、入侵、走失等专项应急演练的频次、微型消防站集结时限、演练评估和问题改进要求。',
      clauses: ['7.2', '8.1', '10.2', '10.3'],
      body: {
        purpose: '通过定期、贴近实战的演练检验应急预案和队员的处置能力，使队员在真实火情和突发事件中能在规定时间内集结、用对器材、按程序处置。',
        scope: '适用于各项目秩序维护队伍组织或参与的消防演练、微型消防站拉动和专项应急演练；由消防救援机构或区域公司组织的联合演练按其方案执行，本指导书规定项目内部的组织和评估。',
        definitions: ['微型消防站：由项目秩序维护员组成、配备灭火器、水带水枪、消防头盔和破拆工具，在火灾初期先行处置的志愿消防力量。'],
        responsibilities: [
          '秩序维护主管：编写演练方案，担任演练总指挥或组织实施，演练后3日内完成评估报告。',
          '微型消防站站长：每月组织一次拉动，记录集结时间和器材使用情况。',
          '项目品控员：观摩演练并按本指导书评分，跟踪评估报告中改进措施的落实。',
        ],
        steps: [
          '每半年组织一次有业主或商户参与的消防疏散演练，演练前7天在公告栏和业主群通知，演练当天在各楼栋张贴提示。',
          '微型消防站每月进行一次不预先通知的拉动，从监控中心发出指令到队员携带器材到达指定楼层，用时不超过3分钟。',
          '每季度从电梯困人、入侵报警、儿童走失、高空坠物、水浸等场景中选择不少于2项开展专项演练，演练以情景模拟方式进行，设置观察员计时。',
          '演练中全程拍照录像，记录各环节时间点和出现的问题。',
          '演练结束当场讲评，3日内形成《应急演练评估报告》，对发现的问题列出改进措施、责任人和完成期限，并在下次演练中验证。',
        ],
        requirements: ['消防演练间隔不超过180天，季度专项演练不少于2项。', '微型消防站拉动集结不超过3分钟。', '演练评估报告中的改进措施按期完成率100%。'],
        records: ['《应急演练方案》', '《应急演练评估报告》', '《微型消防站拉动记录》'],
        references: ['GB/T 38315-2019 社会单位灭火和应急疏散预案编制及实施导则', '《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）', '本公司《突发事件应急预案》'],
      },
      items: [
        {
          key: 'daysSinceFireDrill', title: '距上次消防演练天数', description: '从最近一次消防疏散演练日期到检查当天的天数，以演练评估报告日期为准。',
          input: { kind: 'count', unit: '天', max: 180 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [61, 58], rectifyWithinHours: 48,
        },
        {
          key: 'quarterScenarioDrills', title: '本季度专项应急演练项数', description: '本季度已完成并有评估报告的专项应急演练（困梯、入侵、走失、高空坠物、水浸等）项数。',
          input: { kind: 'count', unit: '项', min: 2 }, tiers: ['quarterly'], severity: 'major', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [68, 66, 67], rectifyWithinHours: 48,
        },
        {
          key: 'microStationMusterMinutes', place: 'public-area', title: '微型消防站拉动集结用时', description: '检查人员现场发出拉动指令，到队员携带灭火器、水带水枪到达指定楼层的分钟数。',
          input: { kind: 'measure', unit: '分钟', max: 3 }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '测量', evidence: 'document', touchpoints: [58, 62], rectifyWithinHours: 24,
        },
        {
          key: 'drillEffectiveness', place: 'public-area', title: '演练效果评级', description: '优＝各环节按时完成且无明显失误；良＝完成但有1–2处延误；中＝多处延误或器材使用错误；差＝演练中断或主要环节缺失。',
          input: { kind: 'rating', options: ['优', '良', '中', '差'], pass: ['优', '良'] }, tiers: ['quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'document', touchpoints: [66, 68], rectifyWithinHours: 48,
        },
        {
          key: 'drillScenePhotos', title: '演练现场照片', description: '最近一次演练中集结、处置和讲评三个环节的现场照片。',
          input: { kind: 'photos', min: 3 }, tiers: ['quarterly'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'photo-required', touchpoints: [68, 66], rectifyWithinHours: 72,
        },
        {
          key: 'drillImprovementNote', title: '演练发现问题及改进措施', description: '最近一次《应急演练评估报告》中列出的问题、改进措施、责任人和完成期限。',
          input: { kind: 'text', minLength: 10 }, tiers: ['quarterly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [66, 67, 68], rectifyWithinHours: 72,
        },
      ],
    },
    {
      code: 'M02.P06.W026',
      place: 'office',
      title: '秩序维护员岗前培训与在岗考核作业指导书',
      description: '规定秩序维护员岗前培训学时、保安员证持证要求、月度在岗培训、理论抽考和灭火器实操考核的方法。',
      clauses: ['7.1.2', '7.2', '7.3', '7.5'],
      body: {
        purpose: '确保每一名上岗的秩序维护员都持证、懂规程、会操作，并通过每月培训和随机抽考保持技能不退化。',
        scope: '适用于自有及外包秩序维护员的岗前培训、月度在岗培训和考核；消防控制室值班员的持证要求按W011执行，演练组织按W025执行。',
        responsibilities: [
          '秩序维护主管：编排培训课表，组织授课和考核，建立每名队员的培训档案。',
          '外包保安服务公司：提供持有《保安员证》的人员，并提交证件复印件备案。',
          '区域督导组：季度考核时对队员进行理论抽考和实操抽查。',
        ],
        steps: [
          '岗前培训不少于24学时，内容包括公司制度、本项目岗位职责、出入口和访客管理、巡逻、消防器材使用、突发事件处置和服务礼仪，考核合格（80分以上）方可上岗。',
          '入职时查验《保安员证》原件，外包人员证件复印件在项目备案，无证人员不得单独上岗。',
          '每月在岗培训不少于4学时，结合上月检查发现的问题和事件复盘设置课题，培训后签到并留存课件。',
          '每月随机抽考2名队员，理论题10道，每题10分；实操考核灭火器“提、拔、握、压”和消火栓水带连接。',
          '抽考不合格的队员7天内补考，补考仍不合格的暂停独立上岗并重新带岗培训。',
        ],
        requirements: ['岗前培训学时不少于24学时，持证率100%。', '月度在岗培训不少于4学时，抽考合格率不低于90%。'],
        records: ['《秩序维护员培训档案》', '《培训签到表》', '《月度抽考记录》', '《保安员证》复印件备案'],
        references: ['《保安服务管理条例》', '《保安培训机构管理办法》', 'GA/T 594-2006 保安服务操作规程与质量控制'],
      },
      items: [
        {
          key: 'preJobTrainingHours', title: '新队员岗前培训学时', description: '抽查1名近3个月入职队员的培训档案，岗前培训累计学时。',
          input: { kind: 'measure', unit: '学时', min: 24 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 3, method: '查阅记录', evidence: 'document', touchpoints: [70], rectifyWithinHours: 48,
        },
        {
          key: 'guardLicensePercent', title: '在岗人员持保安员证比例', description: '当月排班表中在岗秩序维护员持有有效《保安员证》（或备案复印件）的人数占比。',
          input: { kind: 'measure', unit: '%', min: 100 }, tiers: ['monthly', 'quarterly'], severity: 'critical', weight: 4, method: '查阅记录', evidence: 'document', touchpoints: [70], rectifyWithinHours: 24,
        },
        {
          key: 'monthlyTrainingHours', title: '上月在岗培训学时', description: '上月《培训签到表》记录的全员在岗培训累计学时（取出勤队员的最少值）。',
          input: { kind: 'measure', unit: '学时', min: 4 }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'document', touchpoints: [70], rectifyWithinHours: 72,
        },
        {
          key: 'theoryQuizScore', title: '理论抽考得分', description: '检查人员随机抽取1名队员进行10道题的岗位知识抽考所得分数。',
          input: { kind: 'measure', unit: '分', min: 80, max: 100 }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '询问', evidence: 'document', touchpoints: [70], rectifyWithinHours: 48,
        },
        {
          key: 'extinguisherDrillCorrect', place: 'public-area', title: '灭火器实操动作正确', description: '随机抽取1名队员演示灭火器使用，“提、拔、握、压”四步顺序正确，站在上风向距离火点2至3米喷射火焰根部。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [70, 62], rectifyWithinHours: 48,
        },
        {
          key: 'monthlyTrainingTopic', title: '本月培训课题与授课人', description: '本月在岗培训的课题名称和授课人，课题应与上月检查问题或事件复盘相关。',
          input: { kind: 'text', minLength: 4 }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '查阅记录', evidence: 'document', touchpoints: [70], rectifyWithinHours: 72,
        },
      ],
    },
    {
      code: 'M02.P06.W027',
      place: 'control-room',
      title: '对讲机及安防装备配置与交接管理作业指导书',
      description: '规定对讲机、强光手电、执法记录仪、防暴器械和急救箱的配置标准、每班交接、电量与完好检查以及台账管理。',
      clauses: ['7.1.3', '7.1.5', '8.5.4'],
      body: {
        purpose: '保证每个岗位的对讲机能通话、手电够亮、记录仪能录像、防暴器械和急救箱齐全，使出警和求助处置不因装备缺失或失效而受阻。',
        scope: '适用于各项目秩序维护队伍的对讲机、执法记录仪、强光手电、防暴钢叉、盾牌、急救箱等安防装备；监控和门禁等固定安防系统的维护由工程部负责。',
        responsibilities: [
          '秩序维护主管：按配置标准申购装备，建立《安防装备台账》，每月盘点一次。',
          '各岗位秩序维护员：交接班时清点和试用本岗装备，下班前将对讲机和记录仪放回充电位。',
          '监控中心值班员：保管备用对讲机和电池，记录借用和归还。',
        ],
        steps: [
          '配置标准：每个在岗队员1台对讲机，每班巡逻岗和出警岗每人1台执法记录仪和1支强光手电，监控中心配防暴钢叉、盾牌各2件和急救箱1个，商业项目另配AED的按厂家要求检查。',
          '交接班时接班人员试呼监控中心确认对讲机通话清晰，查看电量不低于80%，试开手电和记录仪。',
          '对讲机实行“一机一号”管理，机身贴编号，遗失的立即报告主管并在系统中禁用该机。',
          '急救箱每月检查一次，补齐消毒用品、纱布绷带和冰袋，过期物品当场更换。',
          '每月最后一个工作日由主管盘点全部装备，与台账核对，损坏的报废并补充。',
        ],
        requirements: ['装备配置与台账一致率100%，对讲机通话正常率100%。', '急救箱内过期物品为零。'],
        records: ['《安防装备台账》', '《装备交接登记表》', '《急救箱检查记录》'],
        references: ['本公司《秩序维护服务手册》', 'GA/T 594-2006 保安服务操作规程与质量控制'],
      },
      items: [
        {
          key: 'faultyRadios', title: '抽查对讲机故障台数', description: '抽查5台在用对讲机逐台试呼，无法通话、杂音过大或按键失灵的台数。',
          input: { kind: 'count', unit: '台', max: 0 }, tiers: ['daily', 'monthly'], severity: 'major', weight: 3, method: '抽查', evidence: 'photo-on-fail', touchpoints: [70, 66], rectifyWithinHours: 24,
        },
        {
          key: 'radioChargeAtHandover', title: '交接班时对讲机电量', description: '接班时抽查1台对讲机显示的电池电量百分比。',
          input: { kind: 'measure', unit: '%', min: 80 }, tiers: ['daily'], severity: 'minor', weight: 2, method: '测量', evidence: 'none', touchpoints: [70], rectifyWithinHours: 48,
        },
        {
          key: 'gearMatchesLedger', title: '安防装备数量与台账一致', description: '执法记录仪、强光手电、防暴钢叉、盾牌和急救箱的实物数量与《安防装备台账》一致。',
          input: { kind: 'pass' }, tiers: ['monthly', 'quarterly'], severity: 'major', weight: 2, method: '抽查', evidence: 'document', touchpoints: [70, 66], rectifyWithinHours: 48,
        },
        {
          key: 'expiredFirstAidItems', title: '急救箱过期物品件数', description: '打开监控中心急救箱，超过有效期的药品、消毒用品和敷料件数。',
          input: { kind: 'count', unit: '件', max: 0 }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '抽查', evidence: 'photo-on-fail', touchpoints: [70, 67], rectifyWithinHours: 72,
        },
        {
          key: 'gearCondition', title: '安防装备外观完好状况', description: '完好＝装备无损坏、功能正常；轻微破损＝外壳磨损、贴标脱落但功能正常；严重破损＝功能失效或断裂。',
          input: { kind: 'rating', options: ['完好', '轻微破损', '严重破损'], pass: ['完好', '轻微破损'] }, tiers: ['monthly'], severity: 'minor', weight: 2, method: '目视', evidence: 'photo-on-fail', touchpoints: [70], rectifyWithinHours: 72,
        },
        {
          key: 'chargingRackPhoto', title: '装备充电存放位照片', description: '监控中心对讲机和执法记录仪充电存放位的照片，能看清编号和在位数量。',
          input: { kind: 'photos', min: 1 }, tiers: ['monthly'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-required', touchpoints: [70, 57], rectifyWithinHours: 72,
        },
      ],
    },
  ],
};

export default procedure;
