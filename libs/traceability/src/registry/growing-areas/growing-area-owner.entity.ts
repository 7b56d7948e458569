import { Column, Entity } from 'typeorm';

/** A member household (partner) owning or farming a growing area. */
@Entity('growing_area_owner')
export class GrowingAreaOwner {
  @Column('uuid') organizationId: string;
  @Column('uuid', { primary: true }) growingAreaId: string;
  @Column('uuid', { primary: true }) partnerId: string;
}
