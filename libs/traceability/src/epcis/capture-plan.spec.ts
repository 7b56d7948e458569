import { describe, expect, it } from '@jest/globals';
import { gs1CheckDigit } from '../common/gs1.js';
import { parseLotClass, parsePlace } from './capture-identifiers.js';
import { CaptureRefusal, planEvent } from './capture-plan.js';

const check = (body: string) => `${body}${gs1CheckDigit(body)}`;

const refusal = (event: Record<string, unknown>) => {
  try {
    planEvent(event);
  } catch (error) {
    return (error as CaptureRefusal).code;
  }
  return null;
};

describe('EPCIS capture plan', () => {
  it('reads lot classes, parties and places in their URN and Digital Link forms', () => {
    expect(parseLotClass('urn:epc:class:lgtin:4012345.012345.998877')).toEqual({ gtin: check('0401234512345'), code: '998877' });
    expect(parseLotClass(`https://id.gs1.org/01/${check('0401234512345')}/10/L%C3%94-1`)).toEqual({ gtin: check('0401234512345'), code: 'LÔ-1' });
    expect(parseLotClass('https://nguon.example.vn/l/AB12CD')).toEqual({ shortCode: 'AB12CD' });
    expect(parsePlace('urn:epc:id:sgln:0614141.00777.0')).toEqual({ gln: check('061414100777') });
    expect(parsePlace('urn:epc:id:pgln:0614141.00001')).toEqual({ gln: check('061414100001') });
    expect(parsePlace('https://id.gs1.org/417/8934567000015')).toEqual({ gln: '8934567000015' });
    expect(parsePlace('https://nguon.example.vn/partners/0193c6f1-7a1b-7c3d-8e4f-0a1b2c3d4e5f')).toEqual({ url: { kind: 'partners', id: '0193c6f1-7a1b-7c3d-8e4f-0a1b2c3d4e5f' } });
  });

  it('maps CBV steps to the lot operations', () => {
    const lot = { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 200, uom: 'KGM' };
    const base = { type: 'ObjectEvent', eventTime: '2026-10-01T08:00:00+07:00', eventTimeZoneOffset: '+07:00' };
    expect(planEvent({ ...base, action: 'ADD', bizStep: 'commissioning', quantityList: [lot], ilmd: { 'nguon:growingAreaCode': 'VN-1' } })).toMatchObject({ op: 'harvest', growingAreaCode: 'VN-1', output: { quantity: '200', unit: 'kg' } });
    expect(planEvent({ ...base, action: 'OBSERVE', bizStep: 'urn:epcglobal:cbv:bizstep:shipping', quantityList: [lot], destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:0614141.00001' }] })).toMatchObject({ op: 'ship', party: { gln: check('061414100001') } });
    expect(planEvent({ ...base, action: 'OBSERVE', bizStep: 'receiving', quantityList: [lot] })).toMatchObject({ op: 'receive' });
    expect(planEvent({ ...base, action: 'OBSERVE', bizStep: 'inspecting', disposition: 'non_conformant', quantityList: [lot] })).toMatchObject({ op: 'inspect', result: 'non_conformant' });
    expect(planEvent({ ...base, action: 'OBSERVE', disposition: 'recalled', quantityList: [lot] })).toMatchObject({ op: 'recall' });
    expect(planEvent({ ...base, action: 'OBSERVE', eventID: 'urn:uuid:1', quantityList: [lot], errorDeclaration: { declarationTime: base.eventTime, reason: 'incorrect_data' } })).toMatchObject({ op: 'void', declaredEventId: 'urn:uuid:1' });
    const transformation = { ...base, type: 'TransformationEvent', inputQuantityList: [lot], outputQuantityList: [{ ...lot, epcClass: 'urn:epc:class:lgtin:4012345.012345.A' }] };
    expect(planEvent({ ...transformation, bizStep: 'repackaging' })).toMatchObject({ op: 'split' });
    expect(planEvent({ ...transformation, bizStep: 'commissioning', ilmd: { 'x:process': 'Xay xát' } })).toMatchObject({ op: 'transform', process: 'Xay xát' });
  });

  it('refuses what no operation represents, with a reason code', () => {
    const base = { eventTime: '2026-10-01T08:00:00+07:00', eventTimeZoneOffset: '+07:00' };
    expect(refusal({ ...base, type: 'AggregationEvent', action: 'ADD' })).toBe('EPCIS_EVENT_TYPE_UNSUPPORTED');
    expect(refusal({ ...base, type: 'ObjectEvent', action: 'OBSERVE', epcList: ['urn:epc:id:sgtin:0614141.107346.2017'] })).toBe('EPCIS_INSTANCE_IDENTIFIERS_UNSUPPORTED');
    expect(refusal({ ...base, type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.1', quantity: 1, uom: 'FOO' }] })).toBe('EPCIS_UOM_UNSUPPORTED');
    expect(refusal({ ...base, type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'inspecting', quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.1', quantity: 1 }] })).toBe('EPCIS_INSPECTION_RESULT_MISSING');
    expect(refusal({ ...base, type: 'ObjectEvent', action: 'DELETE', bizStep: 'destroying', quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.1', quantity: 1 }] })).toBe('EPCIS_EVENT_NOT_REPRESENTABLE');
    expect(refusal({ ...base, type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', quantityList: [{ epcClass: 'urn:example:thing', quantity: 1 }] })).toBe('EPCIS_IDENTIFIER_UNKNOWN');
  });
});
