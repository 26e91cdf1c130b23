// The team's settings, one row per key; read through the same schema that writes them, so a
// setting no admin has set reads as its default.
import type pg from 'pg';
import { teamSettingsSchema, type SettingsChange, type TeamSettings } from '../../shared/team';

export async function readSettings(db: pg.Pool): Promise<TeamSettings> {
  const rows = (await db.query<{ key: string; value: unknown }>('SELECT key, value FROM settings')).rows;
  return teamSettingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** Writes the settings the change names; the others keep their values. */
export async function writeSettings(db: pg.Pool, change: SettingsChange): Promise<void> {
  for (const [key, value] of Object.entries(change)) {
    await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, JSON.stringify(value)]);
  }
}
