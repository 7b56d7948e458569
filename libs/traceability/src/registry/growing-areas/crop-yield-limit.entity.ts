import { Column, Entity } from 'typeorm';

/** An organization's own maximum yield for a crop (t/ha per season), replacing the default. */
@Entity('crop_yield_limit')
export class CropYieldLimit {
  @Column('uuid', { primary: true }) organizationId: string;
  @Column('text', { primary: true }) crop: string;
  @Column('numeric', { name: 'max_yield_t_per_ha', precision: 10, scale: 3 }) maxYieldTPerHa: string;
}
