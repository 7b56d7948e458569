import { parseArgs } from 'node:util';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AddressMigrationService, DomainException, ProgrammeOfficesService, ProgrammeRollupsService, summariseUnmatched, TRACEABILITY_ENTITIES, TraceabilityModule } from '@app/traceability';

@Module({})
class AdminModule {
  static register(config: AppConfig): DynamicModule {
    return { module: AdminModule, imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(TRACEABILITY_ENTITIES), TraceabilityModule] };
  }
}

const USAGE = `Platform operator commands (npm run admin -- <command> [options]):

  create-programme-office --name <name> --province <province> --email <email> [--user-name <name>] [--valid-hours <h>]
      A confirmed programme office and its first user (owner). Prints a one-time link for that user to
      set their password (valid 72 h unless --valid-hours). The office sees a cooperative only after it
      invites it and the cooperative accepts (or the other way round).
  list-programme-offices
      Every office: confirmed or not, users, active and pending oversight links.
  confirm-programme-office --id <organization id>
      Confirms an office that signed itself up before offices were created here.
  revoke-programme-office --id <organization id>
      The office is no longer confirmed and all its oversight links end at once.
  password-link --email <email> [--valid-hours <h>]
      A one-time link for any user to set a new password (someone locked out, a lost first link).
  migrate-addresses
      Matches free-text provinces and communes typed before the 1 July 2025 reform to the current units
      (also run by \`migrate\` and \`start\`); rows already examined are left alone.
  address-report
      The province and commune texts that matched no current unit (kept as typed), with their row counts.
  rebuild-programme-rollups [--month <YYYY-MM>]
      Rebuilds the province dashboard's rollups of a month from the records (every month without
      --month), with the current month and any month changed since the last refresh. The worker
      refreshes them every 10 minutes; this is for records loaded by hand into a past month.

Add --json for machine-readable output. The links use PUBLIC_BASE_URL.`;

const OPTIONS = {
  name: { type: 'string' },
  province: { type: 'string' },
  email: { type: 'string' },
  'user-name': { type: 'string' },
  id: { type: 'string' },
  'valid-hours': { type: 'string' },
  month: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

class UsageError extends Error {}

/** `admin <command>`: what only a platform operator (with the database's credentials) may do. Returns the exit code. */
export async function runAdmin(config: AppConfig, args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 64;
  }
  const [command] = parsed.positionals;
  const options = parsed.values;
  if (!command || options.help || command === 'help') {
    console.log(USAGE);
    return command || options.help ? 0 : 64;
  }
  if (!config.databaseUrl) {
    console.error('Invalid configuration: DATABASE_URL is required for admin commands');
    return 78;
  }
  const app = await NestFactory.createApplicationContext(AdminModule.register(config), { logger: ['error'] });
  const offices = app.get(ProgrammeOfficesService);
  const print = (json: unknown, text: string) => console.log(options.json ? JSON.stringify(json, null, 2) : text);
  const required = (name: 'name' | 'province' | 'email' | 'id') => {
    const value = options[name]?.trim();
    if (!value) throw new UsageError(`--${name} is required for ${command}`);
    return value;
  };
  const validHours = () => {
    const raw = options['valid-hours'];
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 720) throw new UsageError('--valid-hours must be a whole number of hours from 1 to 720');
    return Number(raw);
  };
  try {
    if (command === 'create-programme-office') {
      const created = await offices.create({ name: required('name'), province: required('province'), email: required('email'), userName: options['user-name'], linkValidHours: validHours() });
      print(
        created,
        [
          `Programme office created and confirmed: ${created.organization.name} (${created.organization.province})`,
          `  organization id: ${created.organization.id}`,
          `  first user (owner): ${created.user.email}`,
          '',
          `Send this link to ${created.user.email} to set their password (works once, until ${created.expiresAt.toISOString()}):`,
          `  ${created.link}`,
        ].join('\n'),
      );
    } else if (command === 'list-programme-offices') {
      const list = await offices.list();
      print(
        list,
        list.length
          ? list
              .map((o) => `${o.id}  ${o.confirmedAt ? 'confirmed  ' : 'UNCONFIRMED'}  ${o.province ?? '-'}  ${o.name}  (${o.users} users, ${o.activeLinks} active / ${o.pendingLinks} pending links)`)
              .join('\n')
          : 'No programme offices.',
      );
    } else if (command === 'confirm-programme-office') {
      const office = await offices.confirm(required('id'));
      print(office, `Confirmed: ${office.name} (${office.province}). It sees a cooperative once it invites it and the cooperative accepts.`);
    } else if (command === 'revoke-programme-office') {
      const { organization, endedLinks } = await offices.revoke(required('id'));
      print({ organization, endedLinks }, `No longer confirmed: ${organization.name}; ${endedLinks} oversight link(s) ended.`);
    } else if (command === 'password-link') {
      const { user, link, expiresAt } = await offices.passwordLink(required('email'), validHours());
      print({ user, link, expiresAt }, `Send this link to ${user.email} (works once, until ${expiresAt.toISOString()}):\n  ${link}`);
    } else if (command === 'migrate-addresses') {
      const result = await app.get(AddressMigrationService).run();
      print(result, `Examined ${result.examined} place(s): ${result.matchedProvince} province(s) and ${result.matchedCommune} commune(s) matched to the current units.`);
    } else if (command === 'address-report') {
      const unmatched = summariseUnmatched(await app.get(AddressMigrationService).unmatched());
      print(
        unmatched,
        unmatched.length
          ? ['rows  province  |  commune (kept as typed; no current unit matched)', ...unmatched.map((u) => `${String(u.rows).padStart(4)}  ${u.province ?? '-'}  |  ${u.commune ?? '-'}`)].join('\n')
          : 'Every migrated place matched a current unit.',
      );
    } else if (command === 'rebuild-programme-rollups') {
      const month = options.month?.trim();
      if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError('--month must be a month YYYY-MM');
      const result = await app.get(ProgrammeRollupsService).rebuild(month ? [month] : undefined);
      print(result, `Programme rollups rebuilt: ${result.months.join(', ')} in ${result.durationMs} ms (they count every change committed before ${result.refreshedAt.toISOString()}).`);
    } else {
      throw new UsageError(`Unknown admin command "${command}"`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 64;
    }
    if (error instanceof DomainException) {
      console.error(options.json ? JSON.stringify({ code: error.code, message: error.message, details: error.details }) : `${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}
