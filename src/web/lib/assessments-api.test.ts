import { describe, expect, it } from 'vitest';
import { formatScore } from './assessments-api';

describe('formatScore', () => {
  it('shows sums whole and means to one decimal', () => {
    expect(formatScore(13, 'sum')).toBe('13');
    expect(formatScore(34 / 6, 'mean')).toBe('5.7');
    expect(formatScore(4, 'mean')).toBe('4.0');
    expect(formatScore(10 / 3, 'mean')).toBe('3.3');
    expect(formatScore(1, 'mean')).toBe('1.0');
  });
});
