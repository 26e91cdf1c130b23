// The team's settings, one row per key; read through the same schema that writes them.
import type pg from 'pg';
import { teamSettingsSchema, type TeamSettings } from '../../shared/team';

export async function readSettings(db: pg.Pool): Promise<TeamSettings> {
  const rows = (await db.query<{ key: string; value: unknown }>('SELECT key, value FROM settings')).rows;
  return teamSettingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

export async function writeSettings(db: pg.Pool, settings: TeamSettings): Promise<void> {
  for (const [key, value] of Object.entries(settings)) {
    await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, JSON.stringify(value)]);
  }
}
