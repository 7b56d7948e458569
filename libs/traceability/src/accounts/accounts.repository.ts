import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiKey } from './api-key.entity.js';
import { Organization } from './organization.entity.js';
import { User } from './user.entity.js';

@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findUserByEmailWithHash(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  emailExists(email: string): Promise<boolean> {
    return this.dataSource.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getExists();
  }

  findUser(organizationId: string, userId: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ organizationId, id: userId });
  }

  listUsers(organizationId: string): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  findOrganization(organizationId: string): Promise<Organization | null> {
    return this.dataSource.getRepository(Organization).findOneBy({ id: organizationId });
  }

  /** Organizations a programme office oversees: those in its province (other offices excluded). */
  listOrganizationsInProvince(province: string): Promise<Organization[]> {
    return this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('o')
      .where('o.province = :province', { province })
      .andWhere(`o.kind <> 'programme_office'`)
      .orderBy('o.name')
      .getMany();
  }

  /** Active (not revoked) key by its hash; records when it was last used. */
  async useApiKey(keyHash: string): Promise<ApiKey | null> {
    const repository = this.dataSource.getRepository(ApiKey);
    const key = await repository.findOneBy({ keyHash, revokedAt: IsNull() });
    if (key) await repository.update({ id: key.id }, { lastUsedAt: new Date() });
    return key;
  }

  listApiKeys(organizationId: string): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ where: { organizationId }, order: { createdAt: 'DESC' } });
  }

  insertApiKey(organizationId: string, key: Partial<ApiKey>): Promise<ApiKey> {
    const repository = this.dataSource.getRepository(ApiKey);
    return repository.save(repository.create({ ...key, organizationId }));
  }

  async revokeApiKey(organizationId: string, id: string): Promise<ApiKey | null> {
    const repository = this.dataSource.getRepository(ApiKey);
    const key = await repository.findOneBy({ organizationId, id, revokedAt: IsNull() });
    if (!key) return null;
    key.revokedAt = new Date();
    return repository.save(key);
  }
}
