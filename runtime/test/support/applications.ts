/**
 * Realistic one-thing applications for the library's bundles, every matter included, with the lead
 * departments their matters go to. Shared by the bundle tests and the bundle bench.
 */
export const newborn = {
  child: { name: '王小宝', gender: 'male', birthDate: '2026-03-01' },
  mother: { name: '李娜', idNumber: '110101199001010027' },
  father: { name: '王强', idNumber: '110101198805050035' },
  person: { phone: '13800000001' },
  household: { registeredAddress: '北京市东城区和平街 1 号' },
  choice: { socialSecurityCard: true },
  address: { residential: '北京市东城区和平街 1 号 3 单元 201' },
  'm_d1_birth-certificate': { birthHospital: '东城区妇幼保健院', birthWeightGrams: 3400 },
  'm_d1_newborn-hukou': { householdHead: '王强', relationToHead: 'son' },
  'm_d1_newborn-medical-insurance': { payment: 'online' },
  'm_d1_social-security-card': { bank: 'icbc', delivery: 'mail' },
  consent: true,
};

export const bundleApplications: Record<string, { data: Record<string, unknown>; departments: string[] }> = {
  'd1.newborn': { data: newborn, departments: ['d1.weijian', 'd1.gongan', 'd1.yibao', 'd1.renshe'] },
  'd1.senior-services': {
    data: {
      person: {
        name: '张桂兰',
        idNumber: '110101194805050028',
        birthDate: '1948-05-05',
        phone: '13800000004',
      },
      address: { residential: '北京市东城区和平街 11 号' },
      choice: { busCard: true, healthCheck: true },
      'm_d1_senior-bus-card': { cardType: 'new', delivery: 'counter' },
      'm_d1_senior-health-check': { preferredDate: '2026-03-30', institution: 'community-health-centre' },
      consent: true,
    },
    departments: ['d1.minzheng', 'd1.jiaotong', 'd1.weijian'],
  },
  'd1.open-restaurant': {
    data: {
      business: {
        name: '和平街小馆',
        address: '北京市东城区和平街 9 号',
        legalPerson: '赵大厨',
        legalPersonIdNumber: '110101198001010019',
        hasSignboard: true,
        floorArea: 120,
      },
      person: { phone: '13800000009' },
      'm_d1_business-licence': { entityType: 'individual', businessScope: '餐饮服务' },
      'm_d1_food-business-licence': { foodCategories: ['hot-meals'], foodSafetyManager: '赵大厨' },
      'm_d1_public-venue-fire-check': { seats: 40, usesGas: 'natural-gas', renovationFinished: true },
      'm_d1_signboard-permit': { signWidth: 4, signHeight: 1, material: 'led' },
      consent: true,
    },
    departments: ['d1.shichang', 'd1.xiaofang', 'd1.chengguan'],
  },
};
