/** The help panel: a modal dialog that lists the keyboard shortcuts (opened by the Help button or the ? key). */
import { useEffect, useRef } from 'react';
import { useText } from '../i18n';
import { useLabActions, useLabStore } from '../../store/context';

function Keys({ keys, or }: { keys: string[]; or: string }) {
  return (
    <>
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && ` ${or} `}
          <kbd>{k}</kbd>
        </span>
      ))}
    </>
  );
}

export function Help() {
  const tx = useText().teach;
  const open = useLabStore((s) => s.helpOpen);
  const { setHelpOpen } = useLabActions();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const rows: [string[], string][] = [
    [[tx.keyNames.space, 'K'], tx.keys.playPause],
    [['→', '.'], tx.keys.step],
    [['?'], tx.keys.help],
    [[tx.keyNames.esc], tx.keys.close],
  ];
  return (
    <dialog ref={ref} className="help" aria-labelledby="help-title" onClose={() => setHelpOpen(false)}>
      <h2 id="help-title">{tx.helpTitle}</h2>
      <p>{tx.helpIntro}</p>
      <table>
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                <Keys keys={keys} or={tx.keyOr} />
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" autoFocus>
          {tx.close}
        </button>
      </form>
    </dialog>
  );
}
