import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional } from 'class-validator';
import { MAX_POSITION_ACCURACY_M, type FieldPosition } from '@app/traceability';

/**
 * The phone's position when a field entry was written (navigator.geolocation). Ranges are checked by
 * the domain (POSITION_OUT_OF_RANGE naming the field); kept with the entry, shown to staff only.
 */
export class FieldPositionDto implements FieldPosition {
  @ApiProperty({ minimum: -90, maximum: 90, example: 21.385612, description: 'WGS 84 latitude, degrees' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  latitude: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 103.016934, description: 'WGS 84 longitude, degrees' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  longitude: number;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: MAX_POSITION_ACCURACY_M, example: 12, description: 'The accuracy the phone reported, metres' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  accuracyM?: number | null;
}
