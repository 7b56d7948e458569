import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** TrueType bytes of the two weights a label uses. */
export interface LabelFonts {
  regular: Buffer;
  bold: Buffer;
}

let notoSans: LabelFonts | undefined;

/**
 * Noto Sans from npm (OFL): full Vietnamese coverage and no dependency on the fonts installed on the
 * machine. Read once per process: every job embeds its own subset.
 */
export function defaultLabelFonts(): LabelFonts {
  if (!notoSans) {
    const require = createRequire(import.meta.url);
    notoSans = {
      regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
      bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
    };
  }
  return notoSans;
}
