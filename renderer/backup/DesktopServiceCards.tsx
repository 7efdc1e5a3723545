/** The Settings cards of the desktop services: server addresses (and updates), backup/restore. */
import { BackupCard } from './BackupCard.js';
import { ServerSettingsCard } from './ServerSettingsCard.js';

export function DesktopServiceCards() {
  return (
    <>
      <ServerSettingsCard />
      <BackupCard />
    </>
  );
}
