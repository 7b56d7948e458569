import { describe, expect, it } from '@jest/globals';
import { zipOf } from '@app/testing';
import { streamTable } from './history/sheet-stream.js';
import { textColumn } from './columns.js';
import { DEFAULT_SHEET_LIMITS, readSpreadsheet } from './spreadsheet.js';
import { isDateFormat } from './xlsx-rows.js';

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * A workbook as a .NET export or Excel itself writes one, not as ExcelJS does: namespace prefixes on
 * every tag, the shared strings after the sheets and under another name, a hidden first sheet, an
 * absolute sheet target, cells without references, inline and phonetic text, a custom Vietnamese
 * date format, a style with a built-in one, and the 1904 date system.
 */
function dotNetWorkbook(order: 'excel' | 'reversed'): Buffer {
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'],
    [
      'xl/workbook.xml',
      `<x:workbook ${NS}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Ẩn" sheetId="7" state="hidden" r:id="rId9"/><x:sheet name="Hộ" sheetId="3" r:id="rId2"/><x:sheet name="Ví dụ" sheetId="4" r:id="rId3"/></x:sheets></x:workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Target="worksheets/sheet1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/><Relationship Id="rId2" Target="/xl/worksheets/data.xml"/><Relationship Id="rId3" Target="worksheets/sheet3.xml"/></Relationships>',
    ],
    [
      'xl/styles.xml',
      `<x:styleSheet ${NS}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><x:numFmt numFmtId="165" formatCode="#,##0 &quot;đ&quot;"/></x:numFmts><x:cellStyleXfs><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/><x:xf numFmtId="165"/><x:xf numFmtId="22"/></x:cellXfs></x:styleSheet>`,
    ],
    ['xl/worksheets/sheet1.xml', `<x:worksheet ${NS}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>bí mật</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`],
    [
      'xl/worksheets/data.xml',
      `<x:worksheet ${NS}><x:sheetData>` +
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c><x:c r="E1" t="s"><x:v>4</x:v></x:c></x:row>' +
        '<x:row r="3"><x:c t="s"><x:v>5</x:v></x:c><x:c s="1"><x:v>43538</x:v></x:c><x:c s="2"><x:v>25000.5</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Bản </x:t></x:r><x:r><x:t>Co Mỵ</x:t></x:r></x:is></x:c></x:row>' +
        '<x:row r="4"><x:c r="A4" t="str"><x:f>A3</x:f><x:v>Hộ B &amp; con</x:v></x:c><x:c r="B4" s="3"><x:v>43538.75</x:v></x:c><x:c r="C4" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="E4" t="s"><x:v>6</x:v></x:c></x:row>' +
        '<x:row r="5"><x:c r="A5" s="1"/><x:c r="B5" t="s"><x:v>7</x:v></x:c></x:row>' +
        '</x:sheetData></x:worksheet>',
    ],
    ['xl/worksheets/sheet3.xml', `<x:worksheet ${NS}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ví dụ</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`],
    [
      'xl/strings.xml',
      `<x:sst ${NS}>` +
        ['Tên', 'Ngày', 'Số lượng', 'Đã kiểm', 'Ghi chú', 'Hộ A'].map((s) => `<x:si><x:t>${s}</x:t></x:si>`).join('') +
        '<x:si><x:r><x:t>Thanh </x:t></x:r><x:r><x:t>Xương</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si><x:si><x:t xml:space="preserve">   </x:t></x:si></x:sst>',
    ],
  ];
  return zipOf(order === 'excel' ? parts : [...parts].reverse());
}

describe('reading an XLSX workbook straight from its archive', () => {
  it('reads a workbook as Excel and .NET exports write it, whatever the order of its parts', async () => {
    // Worked out by hand: 43538 days after 1904-01-01 is 2023-03-15; .75 of a day is 18:00.
    const expected = [
      { row: 1, cells: ['Tên', 'Ngày', 'Số lượng', 'Đã kiểm', 'Ghi chú'] },
      { row: 3, cells: ['Hộ A', '2023-03-15', 25000.5, true, 'Bản Co Mỵ'] },
      { row: 4, cells: ['Hộ B & con', '2023-03-15T18:00:00.000Z', null, null, 'Thanh Xương'] },
    ];
    expect(await readSpreadsheet(dotNetWorkbook('excel'), 'ho.xlsx')).toEqual(expected);
    expect(await readSpreadsheet(dotNetWorkbook('reversed'), 'ho.xlsx')).toEqual(expected);

    const { header, rows } = await streamTable(dotNetWorkbook('reversed'), 'ho.xlsx', [textColumn({ key: 'name', vi: 'Tên', en: 'Name' })], DEFAULT_SHEET_LIMITS);
    const streamed = [];
    for await (const row of rows) streamed.push(row);
    expect(header.headerRow).toBe(1);
    expect(streamed).toEqual(expected.slice(1));
  });

  it('refuses a workbook whose sheet is no well-formed XML, or that has no sheet list, as corrupt', async () => {
    const broken = zipOf([
      ['xl/workbook.xml', '<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>'],
      ['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'],
      ['xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Tên</t></is></c></row><row></sheetData>'],
    ]);
    await expect(readSpreadsheet(broken, 'a.xlsx')).rejects.toMatchObject({ code: 'IMPORT_FILE_CORRUPT' });
    const noBook = zipOf([['xl/worksheets/sheet1.xml', '<worksheet/>']]);
    await expect(readSpreadsheet(noBook, 'a.xlsx')).rejects.toMatchObject({ code: 'IMPORT_FILE_CORRUPT' });
  });

  it('tells date formats from number formats as Excel shows them', () => {
    for (const code of ['dd/mm/yyyy', 'd-mmm-yy', 'h:mm', '[h]:mm:ss', '[$-42A]dd/mm/yyyy', 'yyyy"年"m"月"', 'dd/mm/yyyy;@']) expect([code, isDateFormat(code)]).toEqual([code, true]);
    for (const code of ['General', '0.00', '#,##0 "đ"', '#,##0\\ "kg"', '[Red]#,##0', '@', '0%', '#,##0;[Red]-#,##0']) expect([code, isDateFormat(code)]).toEqual([code, false]);
  });
});
