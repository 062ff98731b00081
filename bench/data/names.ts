// Chinese display names for generated people: the dashboards sort by name with zh-CN collation,
// which costs more than ASCII, so the benchmark uses the real kind of data.
import { pickIndex, type Random } from '@/domain/random';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
];

const GIVEN = [
  '伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞',
  '平', '刚', '桂英', '晓雯', '浩', '婷', '俊', '雨桐', '嘉怡', '子健', '思远', '晓光', '佳琪', '诗涵', '欣怡', '梓涵', '一诺', '宇轩', '浩然', '子涵',
  '晨', '悦', '琳', '鑫', '颖', '倩', '博', '凯', '宁', '慧', '建华', '海燕', '志强', '春梅', '文静', '晓东', '丹', '斌', '飞', '璐',
];

export function personName(rng: Random): string {
  return SURNAMES[pickIndex(rng, SURNAMES.length)]! + GIVEN[pickIndex(rng, GIVEN.length)]!;
}
