// Display width for the practice screens' lines (ink bundles string-width: nothing more is loaded).
import stringWidth from 'string-width';

export const displayColumns = (text: string): number => stringWidth(text);
