/**
 * Errors of the computer, not of the documents or of styrdok: the person who runs the command can fix them,
 * so they get a message and no stack trace. Each with what it means and what to do.
 */
export const MACHINE_ERRORS: Record<string, { means: string; fix: string; folder?: true }> = {
  ENOSPC: { means: 'disken är full', fix: 'Frigör utrymme på disken och försök igen.' },
  EDQUOT: { means: 'diskkvoten är slut', fix: 'Frigör utrymme eller be om en större kvot, och försök igen.' },
  EACCES: { means: 'behörighet saknas', fix: 'Ge den som kör rätt att skriva där, eller välj en annan mapp.', folder: true },
  EPERM: { means: 'åtgärden är inte tillåten', fix: 'Ge den som kör rätt att skriva där, eller välj en annan mapp.', folder: true },
  EROFS: { means: 'filsystemet är skrivskyddat', fix: 'Välj en mapp på en disk som går att skriva på.', folder: true },
  ENOTDIR: { means: 'en del av sökvägen är en fil, inte en mapp', fix: 'Rätta sökvägen.', folder: true },
  EMFILE: { means: 'processen har för många öppna filer', fix: 'Höj gränsen för öppna filer (ulimit -n) och försök igen.' },
  ENFILE: { means: 'systemet har för många öppna filer', fix: 'Stäng andra program och försök igen.' },
  EIO: { means: 'disken gav ett läs- eller skrivfel', fix: 'Kontrollera disken och försök igen.' },
};

/** What an error of the computer means, in Swedish, with its code: «en del av sökvägen är en fil, inte en mapp (ENOTDIR)». */
export function machineMeaning(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && Object.hasOwn(MACHINE_ERRORS, code) ? `${MACHINE_ERRORS[code]!.means} (${code})` : undefined;
}
