import { ApiProperty } from '@nestjs/swagger';
import { labelBoxLayout, labelsPerPage, type LabelTemplate } from '@app/labels';
import { LabelLayoutDto } from './label-layout.dto.js';

export class LabelTemplateDto {
  @ApiProperty({ example: 'a4-3x8-70x37' }) id: string;
  @ApiProperty() nameVi: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: ['sheet', 'roll'] }) kind: string;
  @ApiProperty() pageWidthMm: number;
  @ApiProperty() pageHeightMm: number;
  @ApiProperty() columns: number;
  @ApiProperty() rows: number;
  @ApiProperty() labelsPerPage: number;
  @ApiProperty({ description: 'Page top edge to the first label' }) marginTopMm: number;
  @ApiProperty({ description: 'Page left edge to the first label' }) marginLeftMm: number;
  @ApiProperty({ description: 'Label width plus the gap to the next column' }) pitchXMm: number;
  @ApiProperty({ description: 'Label height plus the gap to the next row' }) pitchYMm: number;
  @ApiProperty() gapXMm: number;
  @ApiProperty() gapYMm: number;
  @ApiProperty() labelWidthMm: number;
  @ApiProperty() labelHeightMm: number;
  @ApiProperty({ description: 'Smallest QR module printed; a longer payload is refused' }) minQrModuleMm: number;
  @ApiProperty({ type: LabelLayoutDto }) layout: LabelLayoutDto;
}

export function toLabelTemplateDto(template: LabelTemplate): LabelTemplateDto {
  const layout = labelBoxLayout(template);
  const round = (mm: number) => Math.round(mm * 1000) / 1000;
  const box = (b: { xMm: number; yMm: number; widthMm: number; heightMm: number }) => ({
    xMm: round(b.xMm),
    yMm: round(b.yMm),
    widthMm: round(b.widthMm),
    heightMm: round(b.heightMm),
  });
  return {
    ...template,
    labelsPerPage: labelsPerPage(template),
    gapXMm: round(template.pitchXMm - template.labelWidthMm),
    gapYMm: round(template.pitchYMm - template.labelHeightMm),
    layout: { qr: box(layout.qr), text: box(layout.text) },
  };
}
