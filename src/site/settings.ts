/** A setting from the environment that is not what it must be; its message is for the person who set it. */
export class SettingError extends Error {
  override name = 'SettingError';
}

/**
 * A whole number of at least 1 from the environment, or `fallback` when it is not set. The raw text is
 * named in the message, so a typo («tusen», «1 000») is plain to see.
 */
export function countSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  if (!/^\s*\d+\s*$/.test(text)) throw new SettingError(`${name} ska vara ett heltal, inte «${text}».`);
  return Number(text);
}
