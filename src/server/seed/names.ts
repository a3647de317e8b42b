// Word lists for demo and synthetic data: Chinese and English names, companies, industries, cities.
export const cnFamily = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '欧阳', '司马'];
export const cnGiven = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '文', '华', '建国', '志强', '晓东', '海燕', '婷', '雪', '宇', '浩', '欣怡', '子涵', '梓萱', '一鸣', '思远', '佳琪', '俊杰'];
export const enGiven = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Daniel', 'Emily', 'Matthew', 'Olivia', 'Anthony', 'Sophia', 'Mark', 'Emma', 'Steven', 'Grace'];
export const enFamily = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson'];
export const pinyinOf: Record<string, string> = { 王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 吴: 'wu', 周: 'zhou' };
export const cnCompanyPrefix = ['华', '中', '东方', '新', '金', '远', '博', '恒', '盛', '天', '瑞', '鼎', '宏', '安', '百'];
export const cnCompanySuffix = ['科技', '贸易', '实业', '信息技术', '电子', '医药', '物流', '教育', '食品', '咨询'];
export const enCompanyWords = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Pied Piper', 'Soylent', 'Cyberdyne', 'Tyrell', 'Aperture', 'Gringotts', 'Oscorp'];
export const enCompanySuffix = ['Inc.', 'Ltd.', 'Group', 'Holdings', 'Labs', 'Systems', 'Partners', 'Trading'];
export const industries = ['Software', 'Manufacturing', 'Retail', 'Healthcare', 'Finance', 'Education', 'Logistics', 'Food & Beverage', 'Consulting', 'Real Estate'];
export const cnCities = ['北京', '上海', '广州', '深圳', '杭州', '成都', '南京', '武汉', '西安', '苏州'];
export const enCities = ['New York', 'London', 'Singapore', 'San Francisco', 'Sydney', 'Toronto'];
export const titles = ['CEO', 'CTO', 'Sales Manager', 'Purchasing Manager', 'Engineer', 'Marketing Director', '采购经理', '销售总监', '总经理', '工程师', '市场经理', '财务主管'];
export const sources = ['website', 'referral', 'trade show', 'cold call', 'wechat', 'partner', 'advertising'];

/** A small deterministic PRNG (mulberry32), so seeds are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
