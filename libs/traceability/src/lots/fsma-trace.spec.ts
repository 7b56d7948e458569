import { describe, expect, it } from '@jest/globals';
import { isCoolingProcess } from './fsma-trace.js';

describe('cooling as an FSMA 204 CTE', () => {
  it.each(['Làm mát', 'làm lạnh nhanh', 'Hạ nhiệt sau thu hoạch', 'ướp đá', 'LÀM MÁT (hydrocooling)', 'Forced air cooling', 'Precooling', 'cool'])('recognises %s', (process) => {
    expect(isCoolingProcess(process)).toBe(true);
  });

  it.each(['Xay xát', 'Sấy dẻo', 'Rang', 'Đóng gói', 'rice milling', 'Làm sạch', 'Heating', '', null])('does not take %s for cooling', (process) => {
    expect(isCoolingProcess(process)).toBe(false);
  });
});
