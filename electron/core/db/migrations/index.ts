import type { Migration } from 'kysely';
import * as m0001 from './0001_base_schema';
import * as m0002 from './0002_roll_imports';
import * as m0003 from './0003_funding';
import * as m0004 from './0004_ofsted';
import * as m0005 from './0005_dashboards';
import * as m0006 from './0006_calls';
import * as m0007 from './0007_records';
import * as m0008 from './0008_merges';
import * as m0009 from './0009_indexes';
import * as m0010 from './0010_gias';
import * as m0011 from './0011_corrections_and_call_times';
import * as m0012 from './0012_team_store';
import * as m0013 from './0013_people';
import * as m0014 from './0014_api_tokens';
import * as m0015 from './0015_text_search_figures';
import * as m0016 from './0016_audit_author';

// Imported statically so the bundle carries them. Add new migrations at the end, zero-padded.
export const migrations: Record<string, Migration> = {
  '0001_base_schema': m0001,
  '0002_roll_imports': m0002,
  '0003_funding': m0003,
  '0004_ofsted': m0004,
  '0005_dashboards': m0005,
  '0006_calls': m0006,
  '0007_records': m0007,
  '0008_merges': m0008,
  '0009_indexes': m0009,
  '0010_gias': m0010,
  '0011_corrections_and_call_times': m0011,
  '0012_team_store': m0012,
  '0013_people': m0013,
  '0014_api_tokens': m0014,
  '0015_text_search_figures': m0015,
  '0016_audit_author': m0016,
};
