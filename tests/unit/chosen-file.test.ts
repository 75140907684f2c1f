import { describe, expect, it } from 'vitest';
import { loadChosenFile } from '../../renderer/src/pages/imports/files';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/contract/staging';

describe('loadChosenFile', () => {
  it('refuses an empty file by its name, in words a person can act on, before sending anything', async () => {
    let progress = 0;
    await expect(loadChosenFile(new File([], 'roll.xlsx'), MAX_IMPORT_FILE_BYTES, () => (progress += 1))).rejects.toThrow(
      'roll.xlsx is empty: there is nothing in it to import. Choose the file again, or check it was saved.',
    );
    expect(progress).toBe(0);
  });

  it('refuses a file over the import’s limit, saying the limit', async () => {
    const big = new File([new Uint8Array(MAX_IMPORT_FILE_BYTES + 1)], 'huge.csv');
    await expect(loadChosenFile(big, MAX_IMPORT_FILE_BYTES, () => undefined)).rejects.toThrow('huge.csv is larger than 40 MB, the most this import takes.');
  });

  it('measures against the limit it is given (GIAS’s extract may be larger than the other imports’ files)', async () => {
    const file = new File([new Uint8Array(MAX_IMPORT_FILE_BYTES + 1)], 'edubasealldata.csv');
    await expect(loadChosenFile(file, 2 * 1024 * 1024, () => undefined)).rejects.toThrow('edubasealldata.csv is larger than 2 MB, the most this import takes.');
  });
});
