/**
 * The 18 pilot projects of the source text, across three regions. Commercial complexes follow the
 * platinum standard (白金服务标准). Names are the company's own estates; places follow the building type.
 */
export interface ProjectSeed {
  code: string;
  name: string;
  type: 'residential' | 'commercial' | 'office';
  region: string;
  profile: 'standard' | 'platinum';
  address: string;
  buildings?: number;
  basements?: number;
}

export const SAMPLE_PROJECTS: ProjectSeed[] = [
  { code: 'HD01', name: '锦绣江南花园', type: 'residential', region: '华东区域', profile: 'standard', address: '上海市闵行区莘庄镇春申路1888弄', buildings: 12, basements: 1 },
  { code: 'HD02', name: '滨江壹号苑', type: 'residential', region: '华东区域', profile: 'standard', address: '杭州市滨江区江南大道3366号', buildings: 8, basements: 2 },
  { code: 'HD03', name: '金鸡湖天地广场', type: 'commercial', region: '华东区域', profile: 'platinum', address: '苏州市工业园区苏州大道东288号', basements: 3 },
  { code: 'HD04', name: '陆家嘴汇金中心', type: 'office', region: '华东区域', profile: 'platinum', address: '上海市浦东新区银城中路168号', basements: 3 },
  { code: 'HD05', name: '西溪云庐', type: 'residential', region: '华东区域', profile: 'standard', address: '杭州市西湖区紫金港路99号', buildings: 16, basements: 1 },
  { code: 'HD06', name: '太湖湾畔雅苑', type: 'residential', region: '华东区域', profile: 'standard', address: '无锡市滨湖区具区路56号', buildings: 10, basements: 1 },
  { code: 'HN01', name: '南山海岸城', type: 'commercial', region: '华南区域', profile: 'platinum', address: '深圳市南山区文心五路33号', basements: 3 },
  { code: 'HN02', name: '珠江御景湾', type: 'residential', region: '华南区域', profile: 'standard', address: '广州市海珠区滨江东路618号', buildings: 9, basements: 2 },
  { code: 'HN03', name: '前海国际金融大厦', type: 'office', region: '华南区域', profile: 'standard', address: '深圳市南山区前海梦海大道5035号', basements: 4 },
  { code: 'HN04', name: '松山湖翠园', type: 'residential', region: '华南区域', profile: 'standard', address: '东莞市松山湖高新区新城大道12号', buildings: 14, basements: 1 },
  { code: 'HN05', name: '天河汇悦城', type: 'commercial', region: '华南区域', profile: 'platinum', address: '广州市天河区天河路385号', basements: 3 },
  { code: 'HN06', name: '海棠湾椰林苑', type: 'residential', region: '华南区域', profile: 'standard', address: '三亚市海棠区海棠北路8号', buildings: 6, basements: 1 },
  { code: 'HB01', name: '燕园书香府', type: 'residential', region: '华北区域', profile: 'standard', address: '北京市海淀区清河中街66号', buildings: 11, basements: 2 },
  { code: 'HB02', name: '金融街泰和中心', type: 'office', region: '华北区域', profile: 'standard', address: '北京市西城区金融大街9号', basements: 4 },
  { code: 'HB03', name: '津湾广场购物中心', type: 'commercial', region: '华北区域', profile: 'platinum', address: '天津市和平区解放北路188号', basements: 2 },
  { code: 'HB04', name: '泉城明湖苑', type: 'residential', region: '华北区域', profile: 'standard', address: '济南市历下区明湖东路18号', buildings: 9, basements: 1 },
  { code: 'HB05', name: '石门春晓家园', type: 'residential', region: '华北区域', profile: 'standard', address: '石家庄市长安区中山东路508号', buildings: 13, basements: 1 },
  { code: 'HB06', name: '滨海新城丽景', type: 'residential', region: '华北区域', profile: 'standard', address: '天津市滨海新区第三大街52号', buildings: 7, basements: 1 },
];

/** The places inspectors choose from, by building type. */
export function placesOf(project: ProjectSeed): { name: string; kind: string }[] {
  const basements = Array.from({ length: project.basements ?? 1 }, (_, i) => ({ name: `地下车库 B${i + 1}`, kind: 'car-park' }));
  const common = [
    ...basements,
    { name: '消防控制室', kind: 'control-room' },
    { name: '高低压配电室', kind: 'plant-room' },
    { name: '生活水泵房', kind: 'plant-room' },
    { name: '车行出入口', kind: 'entrance' },
  ];
  if (project.type === 'residential') {
    return [
      ...Array.from({ length: project.buildings ?? 6 }, (_, i) => ({ name: `${i + 1}号楼`, kind: 'building' })),
      { name: '小区主出入口', kind: 'entrance' },
      { name: '中心花园', kind: 'garden' },
      { name: '儿童游乐场', kind: 'garden' },
      { name: '垃圾分类收集点', kind: 'waste' },
      { name: '客服中心', kind: 'service' },
      { name: '非机动车棚', kind: 'car-park' },
      ...common,
    ];
  }
  return [
    { name: '一层大堂', kind: 'lobby' },
    { name: project.type === 'commercial' ? '中庭' : '空中大堂', kind: 'lobby' },
    { name: '客梯厅', kind: 'lobby' },
    { name: '公共卫生间', kind: 'service' },
    { name: project.type === 'commercial' ? '商户后场通道' : '标准层公共走廊', kind: 'corridor' },
    { name: '服务台', kind: 'service' },
    { name: '屋面', kind: 'roof' },
    { name: '新能源汽车充电区', kind: 'car-park' },
    ...common,
  ];
}
