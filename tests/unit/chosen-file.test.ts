import { describe, expect, it } from 'vitest';
import { loadChosenFile, MAX_FILE_BYTES } from '../../renderer/src/pages/imports/files';

describe('loadChosenFile', () => {
  it('refuses an empty file by its name, in words a person can act on, before sending anything', async () => {
    let progress = 0;
    await expect(loadChosenFile(new File([], 'roll.xlsx'), () => (progress += 1))).rejects.toThrow(
      'roll.xlsx is empty: there is nothing in it to import. Choose the file again, or check it was saved.',
    );
    expect(progress).toBe(0);
  });

  it('refuses a file over the limit, saying the limit', async () => {
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'huge.csv');
    await expect(loadChosenFile(big, () => undefined)).rejects.toThrow('huge.csv is larger than 40 MB.');
  });
});
