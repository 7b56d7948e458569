import { Certification } from './certifications/certification.entity.js';
import { Facility } from './facilities/facility.entity.js';
import { CropYieldLimit } from './growing-areas/crop-yield-limit.entity.js';
import { GrowingAreaOwner } from './growing-areas/growing-area-owner.entity.js';
import { GrowingAreaStatusChange } from './growing-areas/growing-area-status-change.entity.js';
import { GrowingArea } from './growing-areas/growing-area.entity.js';
import { InputApplication } from './growing-areas/input-application.entity.js';
import { Partner } from './partners/partner.entity.js';
import { Product } from './products/product.entity.js';

/** The registry's tables (migration 1764403300000-registry). */
export const REGISTRY_ENTITIES = [Partner, Facility, Product, Certification, GrowingArea, GrowingAreaOwner, GrowingAreaStatusChange, InputApplication, CropYieldLimit];
