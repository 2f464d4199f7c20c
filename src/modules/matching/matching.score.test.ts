import { describe, expect, it } from 'vitest';
import {
  type ExpertCandidate,
  fitLevel,
  type PartnerCandidate,
  rankCandidates,
  score,
  type Target,
  weights,
  wordPairs,
} from './matching.score.ts';

// Fixtures where the right answer is known: the article's kind of requests and people.

const trademarkRequest: Target = {
  needs: ['consulting_ip'],
  field: 'food',
  stage: 'market',
  commune: 'trang-dinh',
  communeName: 'xã Tràng Định',
  formerDistrict: 'trang-dinh',
  formerDistrictName: 'huyện Tràng Định',
  text: 'Chúng tôi cần hỗ trợ đăng ký nhãn hiệu cho sản phẩm thạch đen',
};

const expert = (over: Partial<ExpertCandidate> & Pick<ExpertCandidate, 'id' | 'name'>): ExpertCandidate => ({
  type: 'expert',
  slug: over.id,
  specialties: [],
  fields: [],
  communes: [],
  formerDistricts: [],
  anywhere: false,
  text: '',
  openEngagements: 0,
  pastByField: {},
  ...over,
});

const partner = (
  over: Partial<PartnerCandidate> & Pick<PartnerCandidate, 'id' | 'name' | 'kind'>,
): PartnerCandidate => ({
  type: 'partner',
  slug: over.id,
  offers: [],
  fields: [],
  communes: [],
  formerDistricts: [],
  anywhere: true,
  text: '',
  pastInterested: 0,
  ...over,
});

const lawyer = expert({
  id: 'hai',
  name: 'Luật sư Đỗ Văn Hải',
  specialties: ['trademark_ip', 'legal'],
  anywhere: true,
  text: 'Tư vấn đăng ký nhãn hiệu, sở hữu trí tuệ',
});
const foodScientist = expert({
  id: 'thao',
  name: 'TS. Lê Thị Phương Thảo',
  specialties: ['production', 'food_safety'],
  fields: ['food'],
  communes: ['trang-dinh'],
  formerDistricts: ['trang-dinh'],
});
const lawyerNearby = expert({
  id: 'lan',
  name: 'Luật sư Hoàng Thị Lan',
  specialties: ['legal'],
  communes: ['trang-dinh'],
  formerDistricts: ['trang-dinh'],
});

describe('matching experts to a request', () => {
  it('puts the trademark lawyer first for a trademark request, whatever else the others have', () => {
    const ranked = rankCandidates(trademarkRequest, [foodScientist, lawyerNearby, lawyer]);
    expect(ranked.map((s) => s.candidate.id)).toEqual(['hai', 'lan', 'thao']);
  });

  it('says why, in reasons the officer can read', () => {
    const [first] = rankCandidates(trademarkRequest, [lawyer]);
    const keys = first?.reasons.map((r) => r.key);
    expect(keys).toContain('matching.reason.specialty');
    expect(first?.reasons.find((r) => r.key === 'matching.reason.specialty')?.label).toEqual({
      prefix: 'experts.specialty',
      code: 'trademark_ip',
    });
    expect(first?.reasons.find((r) => r.key === 'matching.reason.words')?.params?.words).toContain('nhãn hiệu');
  });

  it('prefers the same commune, then the same former district, when the expertise is equal', () => {
    const a = expert({
      id: 'a',
      name: 'A',
      specialties: ['trademark_ip'],
      communes: ['that-khe'],
      formerDistricts: ['trang-dinh'],
    });
    const b = expert({
      id: 'b',
      name: 'B',
      specialties: ['trademark_ip'],
      communes: ['trang-dinh'],
      formerDistricts: ['trang-dinh'],
    });
    const c = expert({
      id: 'c',
      name: 'C',
      specialties: ['trademark_ip'],
      communes: ['dong-dang'],
      formerDistricts: ['cao-loc'],
    });
    const ranked = rankCandidates(trademarkRequest, [c, a, b]);
    expect(ranked.map((s) => s.candidate.id)).toEqual(['b', 'a', 'c']);
    expect(ranked[0]?.reasons.find((r) => r.key === 'matching.reason.sameCommune')?.params).toEqual({
      name: 'xã Tràng Định',
    });
  });

  it('lowers an expert who is already busy and names the load', () => {
    const busy = expert({ id: 'busy', name: 'Busy', specialties: ['trademark_ip'], openEngagements: 4 });
    const free = expert({ id: 'free', name: 'Free', specialties: ['trademark_ip'] });
    const ranked = rankCandidates(trademarkRequest, [busy, free]);
    expect(ranked.map((s) => s.candidate.id)).toEqual(['free', 'busy']);
    expect(ranked[1]?.reasons.find((r) => r.key === 'matching.reason.busy')?.params).toEqual({ n: 4 });
  });

  it('counts past consulting in the same field', () => {
    const seasoned = expert({ id: 's', name: 'S', specialties: ['trademark_ip'], pastByField: { food: 3 } });
    const novice = expert({ id: 'n', name: 'N', specialties: ['trademark_ip'], pastByField: { tourism: 5 } });
    const ranked = rankCandidates(trademarkRequest, [novice, seasoned]);
    expect(ranked[0]?.candidate.id).toBe('s');
    expect(ranked[0]?.reasons.find((r) => r.key === 'matching.reason.pastField')?.params).toEqual({ n: 3 });
  });

  it('leaves out people who neither answer the need nor know the field', () => {
    const unrelated = expert({
      id: 'u',
      name: 'U',
      specialties: ['tourism'],
      communes: ['trang-dinh'],
      formerDistricts: ['trang-dinh'],
      anywhere: true,
    });
    expect(rankCandidates(trademarkRequest, [unrelated])).toEqual([]);
  });

  it('a closer specialty scores more than a related one', () => {
    const closest = score(trademarkRequest, expert({ id: 'x', name: 'X', specialties: ['trademark_ip'] }));
    const related = score(trademarkRequest, expert({ id: 'y', name: 'Y', specialties: ['legal'] }));
    expect(closest.score).toBeGreaterThan(related.score);
  });
});

describe('matching partners', () => {
  const salesRequest: Target = {
    ...trademarkRequest,
    needs: ['market_connection'],
    text: 'Tìm siêu thị tiêu thụ thạch đen tại Hà Nội',
  };
  const supermarket = partner({
    id: 'happy',
    name: 'Siêu thị Happy mart',
    kind: 'supermarket',
    offers: ['market_connection'],
    fields: ['food'],
    text: 'Chuỗi siêu thị tiêu thụ đặc sản vùng miền tại Hà Nội',
  });
  const club = partner({ id: 'clb', name: 'CLB Đầu tư', kind: 'club', offers: ['funding', 'events'] });
  const school = partner({
    id: 'school',
    name: 'Trường Cao đẳng',
    kind: 'school',
    offers: ['training', 'market_connection'],
  });

  it('a supermarket that buys food comes first for a sales request; an investors club is not a suggestion', () => {
    const ranked = rankCandidates(salesRequest, [club, school, supermarket]);
    expect(ranked.map((s) => s.candidate.id)).toEqual(['happy', 'school']);
    expect(ranked[0]?.reasons.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'matching.reason.offers',
        'matching.reason.buyer',
        'matching.reason.field',
        'matching.reason.stage',
      ]),
    );
  });

  it('the investors club comes first for funding', () => {
    const ranked = rankCandidates({ ...salesRequest, needs: ['funding'] }, [supermarket, club, school]);
    expect(ranked[0]?.candidate.id).toBe('clb');
  });
});

describe('words', () => {
  it('compares pairs of syllables without accents, keeps them as written, and ignores pairs every text has', () => {
    expect([...wordPairs('Đăng ký nhãn hiệu sản phẩm')]).toEqual([
      ['dang ky', 'đăng ký'],
      ['ky nhan', 'ký nhãn'],
      ['nhan hieu', 'nhãn hiệu'],
      ['hieu san', 'hiệu sản'],
    ]);
    expect(wordPairs('Nhan hieu').has('nhan hieu')).toBe(true);
  });
});

describe('the score in words', () => {
  it('calls a closest specialty in the same field strong, a related one with a neighbour good, the rest possible', () => {
    expect(fitLevel(weights.closestSpecialty + weights.field)).toBe('strong');
    expect(fitLevel(weights.relatedSpecialty + weights.sameFormerDistrict)).toBe('good');
    expect(fitLevel(weights.field)).toBe('possible');
  });

  it('gives the trademark lawyer a strong fit for a trademark request', () => {
    const [first] = rankCandidates(trademarkRequest, [lawyer]);
    expect(fitLevel(first?.score ?? 0)).toBe('strong');
  });
});
