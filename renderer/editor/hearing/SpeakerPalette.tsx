/**
 * The quick palette (Ctrl+Shift+Space): type to filter, arrows to move, Enter to insert, Esc to
 * go back to the text. Focus returns to the editor when it closes (Dialog restores it).
 */
import { useMemo, useState } from 'react';
import { Dialog } from '../../components/Dialog.js';
import { useI18n } from '../../i18n/language.js';
import { filterPalette, type PaletteItem } from './palette-items.js';

export function SpeakerPalette({ items, onPick, onClose }: { readonly items: readonly PaletteItem[]; readonly onPick: (item: PaletteItem) => void; readonly onClose: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => filterPalette(items, query).slice(0, 40), [items, query]);
  const pick = (item: PaletteItem | undefined) => {
    if (item) onPick(item);
  };
  return (
    <Dialog title={t('editor.hearing.palette')} onClose={onClose} testId="speaker-palette">
      <input
        type="text"
        className="cd-palette-input"
        autoFocus
        value={query}
        placeholder={t('editor.hearing.paletteFilter')}
        aria-label={t('editor.hearing.paletteFilter')}
        data-testid="palette-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, shown.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(shown[active]);
          }
        }}
      />
      {shown.length === 0 ? <p className="empty-small">{t('editor.hearing.paletteEmpty')}</p> : null}
      <ul className="cd-palette-list" role="listbox" aria-label={t('editor.hearing.palette')}>
        {shown.map((item, i) => (
          <li
            key={`${item.kind}:${item.text}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'cd-palette-item active' : 'cd-palette-item'}
            data-testid="palette-item"
            onMouseDown={(e) => {
              e.preventDefault();
              pick(item);
            }}
          >
            {item.kind === 'turn' ? <strong>{item.text}</strong> : <span>{item.text}</span>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
